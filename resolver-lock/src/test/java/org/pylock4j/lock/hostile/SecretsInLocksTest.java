package org.pylock4j.lock.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.LockOptions;
import org.pylock4j.lock.Pylock;

/** Finding 2: no password or token of a URL is written into a lock, in any format. */
class SecretsInLocksTest {

  private static final String LOCK = """
      lock-version = "1.0"
      created-by = "test"

      [[packages]]
      name = "demo"
      version = "1.0"
      index = "https://alice:s3cretPW@index.example/simple/"
      archive = { url = "https://alice:s3cretPW@files.example/demo-1.0-py3-none-any.whl", hashes = { sha256 = "82fee1fc78add43492d3a1898bfa6d8a904cc97d8427f683ed8e798d07761aa0" } }

      [[packages]]
      name = "other"
      version = "2.0"
      archive = { url = "https://ghp_TOKEN123@files.example/other-2.0-py3-none-any.whl", hashes = { sha256 = "82fee1fc78add43492d3a1898bfa6d8a904cc97d8427f683ed8e798d07761aa0" } }

      [tool.pylock4j]
      inputs = ["demo @ https://alice:s3cretPW@files.example/demo-1.0-py3-none-any.whl"]
      """;

  @Test
  void pylockTomlHasNoSecrets() {
    String text = LockFiles.writePylock(LockFiles.readPylock(LOCK, "pylock.toml"));
    assertFalse(text.contains("s3cretPW"), text);
    assertFalse(text.contains("ghp_TOKEN123"), text);
    assertTrue(text.contains("https://alice:****@files.example/demo-1.0-py3-none-any.whl"), text);
    assertTrue(text.contains("https://****@files.example/other-2.0-py3-none-any.whl"), text);
    assertTrue(text.contains("index = \"https://alice:****@index.example/simple/\""), text);
  }

  @Test
  void requirementsTxtHasNoSecretsInItsHeaderOrLines() {
    Pylock lock = LockFiles.readPylock(LOCK, "pylock.toml");
    String text = LockFiles.writeRequirementsTxt(lock, LockOptions.builder()
        .command("pylock4j lock -i http://alice:s3cretPW@host/simple/ --extra-index-url https://tok@x/").build());
    assertFalse(text.contains("s3cretPW"), text);
    assertFalse(text.contains("tok@"), text);
    assertTrue(text.contains("-i http://alice:****@host/simple/ --extra-index-url https://****@x/"), text);
  }

  @Test
  void aLockOfNothingIsReadableBack() {
    String empty = """
        lock-version = "1.0"
        created-by = "test"
        packages = []
        """;
    Pylock lock = LockFiles.readPylock(empty, "pylock.toml");
    assertEquals(0, lock.packages().size());
    Pylock again = LockFiles.readPylock(LockFiles.writePylock(lock), "pylock.toml");
    assertEquals(lock.packages(), again.packages());
  }
}
