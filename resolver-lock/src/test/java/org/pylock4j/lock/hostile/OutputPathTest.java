package org.pylock4j.lock.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.lock.LockFiles;

/**
 * Finding 5: the atomic rename never replaces what is not a regular file (a device, a FIFO, a
 * directory); a symbolic link is written through, and stays a link.
 */
class OutputPathTest {

  @TempDir Path dir;

  @Test
  void aDeviceIsRefused() {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> LockFiles.write(devNull, "x"));
    assertEquals("cannot write the lock to /dev/null: it is not a regular file (a device, a FIFO or"
        + " a socket); give the path of a regular file", e.getMessage());
    assertTrue(Files.isRegularFile(devNull) == false);
  }

  @Test
  void aFifoIsRefusedAndStaysAFifo() throws Exception {
    Path fifo = dir.resolve("lock.fifo");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here");
      return;
    }
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
    assertThrows(InvalidInputException.class, () -> LockFiles.write(fifo, "x"));
    assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo));
  }

  @Test
  void aDirectoryIsRefused() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("pylock.toml"));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> LockFiles.write(sub, "x"));
    assertTrue(e.getMessage().endsWith(": it is a directory; give the path of a regular file"), e.getMessage());
  }

  @Test
  void aSymlinkIsWrittenThroughAndStaysALink() throws IOException {
    Path real = Files.writeString(Files.createDirectory(dir.resolve("real")).resolve("pylock.toml"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("pylock.toml"), Path.of("real", "pylock.toml"));
    LockFiles.write(link, "new");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(real));
  }

  @Test
  void aDanglingSymlinkCreatesItsTarget() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("pylock.toml"), dir.resolve("target.toml"));
    LockFiles.write(link, "new");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(dir.resolve("target.toml")));
  }

  @Test
  void aDanglingSymlinkIntoNoDirectoryIsBadInputAndNothingIsCreated() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("pylock.toml"), Path.of("/nonexistent-dir/x.toml"));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> LockFiles.write(link, "x"));
    assertEquals(link.toString(), e.input());
    assertTrue(e.getMessage().contains("no such directory /nonexistent-dir"), e.getMessage());
    assertTrue(Files.isSymbolicLink(link));
  }

  @Test
  void aMissingDirectoryIsBadInput() {
    Path out = dir.resolve("missing").resolve("pylock.toml");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> LockFiles.write(out, "x"));
    assertTrue(e.getMessage().contains("no such directory"), e.getMessage());
  }

  @Test
  void aSymlinkToADeviceIsRefused() throws IOException {
    assumeTrue(Files.exists(Path.of("/dev/null")));
    Path link = Files.createSymbolicLink(dir.resolve("pylock.toml"), Path.of("/dev/null"));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> LockFiles.write(link, "x"));
    assertTrue(e.getMessage().contains("(a link to /dev/null)"), e.getMessage());
    assertTrue(Files.isSymbolicLink(link));
  }
}
