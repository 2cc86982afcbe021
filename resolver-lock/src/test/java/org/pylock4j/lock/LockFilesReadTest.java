package org.pylock4j.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.error.InvalidInputException;

/** {@link LockFiles#read}: one call for either format, decided by the content. */
class LockFilesReadTest {

  @TempDir Path dir;

  static final String PYLOCK = "lock-version = \"1.0\"\ncreated-by = \"x\"\npackages = []\n";
  static final String PINS = "six==1.16.0 \\\n    --hash=sha256:" + "a".repeat(64) + "\n";

  @Test
  void theContentDecidesTheFormatWhateverTheName() throws IOException {
    Path toml = Files.writeString(dir.resolve("locked.txt"), "# a comment\n" + PYLOCK);
    assertInstanceOf(Pylock.class, LockFiles.read(toml));
    Path pins = Files.writeString(dir.resolve("pins.lock"), "#\n# header\n" + PINS);
    assertEquals(LockFormat.REQUIREMENTS, LockFiles.read(pins).format());
    assertEquals(LockFormat.PYLOCK, LockFiles.formatOf("[[packages]]\nname = \"a\"\n", null));
    assertEquals(LockFormat.REQUIREMENTS, LockFiles.formatOf("foo===1.0\n", null));
  }

  @Test
  void aTomlNameIsReadAsPylockSoABrokenOneGetsTheTomlError() {
    assertEquals(LockFormat.PYLOCK, LockFiles.formatOf(PINS, "pylock.toml"));
    assertThrows(InvalidLockFileException.class, () -> LockFiles.read(PINS, "pylock.toml"));
  }

  @Test
  void aMissingFileIsBadInputNamingIt() {
    Path missing = dir.resolve("nope.toml");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> LockFiles.read(missing));
    assertEquals("no such file: " + missing, e.getMessage());
  }
}
