package org.pylock4j.trust.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.Pylock;
import org.pylock4j.trust.LockChange;
import org.pylock4j.trust.LockDiff;

/**
 * Finding 7 (diff): a tampered lock does not pass review. On an unchanged version, a file at
 * another URL, another index, and a file added are red flags ({@code !}).
 */
class DiffRedFlagsTest {

  private static final String SHA = "82fee1fc78add43492d3a1898bfa6d8a904cc97d8427f683ed8e798d07761aa0";

  private static Pylock lock(String index, String wheelUrl, String sdist) {
    return LockFiles.readPylock("""
        lock-version = "1.0"
        created-by = "test"

        [[packages]]
        name = "six"
        version = "1.16.0"
        """ + (index == null ? "" : "index = \"" + index + "\"\n") + sdist + """
        wheels = [{ url = "%s", hashes = { sha256 = "%s" } }]
        """.formatted(wheelUrl, SHA), "pylock.toml");
  }

  private static final String PYPI = "https://pypi.org/simple/";
  private static final String WHEEL = "https://files.pythonhosted.org/six-1.16.0-py2.py3-none-any.whl";

  private static List<String> diff(Pylock before, Pylock after) {
    LockDiff diff = LockDiff.compare(before, after);
    assertTrue(diff.needsReview());
    assertEquals(diff.changes(), diff.redFlags());
    return diff.changes().stream().map(LockChange::message).toList();
  }

  @Test
  void aWheelMovedToAnotherHostIsARedFlag() {
    assertEquals(List.of("! six 1.16.0 (url changed: six-1.16.0-py2.py3-none-any.whl " + WHEEL
            + " -> http://evil.invalid/six-1.16.0-py2.py3-none-any.whl)"),
        diff(lock(PYPI, WHEEL, ""), lock(PYPI, "http://evil.invalid/six-1.16.0-py2.py3-none-any.whl", "")));
  }

  @Test
  void anAddedSdistOnAnUnchangedVersionIsARedFlag() {
    String sdist = "sdist = { url = \"http://evil.invalid/six-1.16.0.tar.gz\", hashes = { sha256 = \""
        + "a".repeat(64) + "\" } }\n";
    assertEquals(List.of("! six 1.16.0 (files added: six-1.16.0.tar.gz)"),
        diff(lock(PYPI, WHEEL, ""), lock(PYPI, WHEEL, sdist)));
  }

  @Test
  void aChangedOrDroppedIndexIsARedFlag() {
    assertEquals(List.of("! six 1.16.0 (index changed: " + PYPI + " -> https://evil.invalid/simple/)"),
        diff(lock(PYPI, WHEEL, ""), lock("https://evil.invalid/simple/", WHEEL, "")));
    assertEquals(List.of("! six 1.16.0 (index changed: " + PYPI + " -> none)"),
        diff(lock(PYPI, WHEEL, ""), lock(null, WHEEL, "")));
  }
}
