package org.pylock4j.lock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.error.PylockException;

/** Files on disk: atomic writes that never leave a half-written lock, reads that name the file. */
class LockFileIoTest {

  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesANewFile() throws IOException {
    Path lock = dir.resolve("pylock.toml");
    LockFiles.write(lock, "lock-version = \"1.0\"\n");
    assertEquals("lock-version = \"1.0\"\n", Files.readString(lock));
    assertEquals(List.of("pylock.toml"), names());
  }

  @Test
  void replacesAnExistingFileAndKeepsItsPermissions() throws IOException {
    Path lock = dir.resolve("requirements.txt");
    Files.writeString(lock, "old\n");
    Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-r-----"));
    LockFiles.write(lock, "new\n");
    assertEquals("new\n", Files.readString(lock));
    assertEquals("rw-r-----",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
    assertEquals(List.of("requirements.txt"), names());
  }

  @Test
  void aFailureWhileWritingLeavesTheOldLockByteIdentical() throws IOException {
    Path lock = dir.resolve("pylock.toml");
    byte[] old = LockFixtures.resource("sample.pylock.toml").getBytes(StandardCharsets.UTF_8);
    Files.write(lock, old);
    PylockException e = assertThrows(PylockException.class, () -> LockFiles.write(lock, w -> {
      w.write("lock-version = \"1.0\"\n[[packages]]\n");
      w.flush();
      throw new IOException("disk full");
    }));
    assertEquals("cannot write " + lock + ": disk full", e.getMessage());
    assertArrayEquals(old, Files.readAllBytes(lock));
    assertEquals(List.of("pylock.toml"), names(), "the temporary file is removed");
  }

  @Test
  void aMissingDirectoryIsNamed() {
    Path lock = dir.resolve("no-such-dir").resolve("pylock.toml");
    PylockException e = assertThrows(PylockException.class, () -> LockFiles.write(lock, "x"));
    assertEquals("cannot write " + lock + ": no such directory " + lock.getParent(),
        e.getMessage());
  }

  @Test
  void aDirectoryInTheWayIsNotReplaced() throws IOException {
    Path lock = dir.resolve("pylock.toml");
    Files.createDirectory(lock);
    Files.writeString(lock.resolve("keep"), "kept");
    assertThrows(PylockException.class, () -> LockFiles.write(lock, "x"));
    assertEquals("kept", Files.readString(lock.resolve("keep")));
    assertEquals(List.of("pylock.toml"), names());
  }

  @Test
  void readingAFileNamesItInErrors() throws IOException {
    Path lock = dir.resolve("pylock.toml");
    Files.writeString(lock, "lock-version = \"1.0\"\ncreated-by = 7\npackages = []\n");
    InvalidLockFileException e =
        assertThrows(InvalidLockFileException.class, () -> LockFiles.readPylock(lock));
    assertEquals(lock + ":2:14: created-by: expected a string, found an integer",
        e.getMessage());
    assertEquals(lock.toString(), e.file().orElseThrow());
    Path requirements = dir.resolve("requirements.txt");
    Files.writeString(requirements, "six>=1\n");
    InvalidLockFileException r = assertThrows(InvalidLockFileException.class,
        () -> LockFiles.readRequirementsTxt(requirements));
    assertEquals(requirements + ":1:1: \"six>=1\" is not a pin (expected name==version)",
        r.getMessage());
    PylockException missing = assertThrows(InvalidInputException.class,
        () -> LockFiles.readPylock(dir.resolve("absent.toml")));
    assertEquals("no such file: " + dir.resolve("absent.toml"), missing.getMessage());
  }
}
