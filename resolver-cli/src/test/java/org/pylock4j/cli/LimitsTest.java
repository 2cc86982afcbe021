package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.testing.SimpleIndexServer;

/** Huge local wheels are read in place; the size limits are options and errors name them. */
class LimitsTest {

  /** Past the old 512 MiB whole-file limit, and past 600 MB. */
  static final long PADDING = 640L << 20;

  @TempDir Path dir;

  @Test
  void locksFromAFileIndexAWheelLargerThanTheOldLimitWithoutReadingItWhole() throws IOException {
    Path files = Files.createDirectories(dir.resolve("index/files"));
    Path wheel = files.resolve("bigpkg-1.0-py3-none-any.whl");
    long centralDirectory = SparseWheel.write(wheel, "bigpkg", "1.0", "tiny-dep>=2", PADDING);
    Path small = files.resolve("tiny_dep-2.0-py3-none-any.whl");
    SparseWheel.write(small, "tiny-dep", "2.0", null, 0);
    assertTrue(centralDirectory > 600_000_000L, "central directory at " + centralDirectory);
    assertTrue(Files.size(wheel) > 512L << 20);
    Path page = Files.createDirectories(dir.resolve("index/simple/bigpkg")).resolve("index.html");
    Files.writeString(page, "<html><body><a href=\"../../files/" + wheel.getFileName() + "\">"
        + wheel.getFileName() + "</a></body></html>\n");
    Files.writeString(Files.createDirectories(dir.resolve("index/simple/tiny-dep")).resolve("index.html"),
        "<html><body><a href=\"../../files/" + small.getFileName() + "\">" + small.getFileName()
            + "</a></body></html>\n");

    // 1 MiB is far less than the file: it can only pass if the wheel is not read whole
    Cli.Result r = Cli.run("lock", "bigpkg", "--index-url", dir.resolve("index/simple").toString(),
        "--python-version", "3.12", "--python-platform", "linux", "--cache-dir",
        dir.resolve("cache").toString(), "--allow-unhashed", "--format", "requirements",
        "--max-file-bytes", "1M", "-o", "-", "-q");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("bigpkg==1.0"), r.out());
    assertTrue(r.out().contains("tiny-dep==2.0"), "the dependency comes from the METADATA entry: " + r.out());
  }

  @Test
  void aTooLargeRemotePageNamesTheOption() {
    try (SimpleIndexServer server = SimpleIndexServer.start(LockCommandTest.V2)) {
      Cli.Result r = Cli.run("lock", "lib-c", "--index-url", server.indexUrl(),
          "--python-version", "3.12", "--python-platform", "linux", "--cache-dir",
          dir.resolve("cache").toString(), "--max-page-bytes", "100", "-o", "-");
      assertEquals(3, r.code(), r.toString());
      assertTrue(r.err().contains("than the maximum allowed (100 bytes, from --max-page-bytes)"), r.err());
      assertTrue(r.err().contains(server.indexUrl() + "lib-c/"), r.err());
    }
  }

  @Test
  void aTooLargeRemoteMetadataFileNamesTheOption() {
    try (SimpleIndexServer server = SimpleIndexServer.start(LockCommandTest.V2)) {
      Cli.Result r = Cli.run("lock", "lib-c", "--index-url", server.indexUrl(),
          "--python-version", "3.12", "--python-platform", "linux", "--cache-dir",
          dir.resolve("cache").toString(), "--max-metadata-bytes", "10", "-o", "-");
      assertEquals(3, r.code(), r.toString());
      assertTrue(r.err().contains("than the maximum allowed (10 bytes, from --max-metadata-bytes)"), r.err());
    }
  }

  @Test
  void aBadSizeIsBadInputNamingTheOption() {
    Cli.Result r = Cli.run("lock", "lib-c", "--index-url", dir.toString(), "--max-file-bytes", "lots");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains(
        "--max-file-bytes must be a positive size in bytes (e.g. 1048576, 512K, 64M, 2G), not 'lots'"), r.err());
  }

  @Test
  void sizesTakeBinarySuffixes() {
    assertEquals(100, IndexOptions.size("100", "--x", 1));
    assertEquals(512L << 10, IndexOptions.size("512K", "--x", 1));
    assertEquals(64L << 20, IndexOptions.size("64m", "--x", 1));
    assertEquals(2L << 30, IndexOptions.size("2GiB", "--x", 1));
    assertEquals(7, IndexOptions.size(null, "--x", 7));
  }

  /**
   * Writes a real wheel as a sparse file: a stored entry of {@code padding} zero bytes (a hole on
   * disk), then the dist-info entries and the central directory, so that the central directory
   * and METADATA sit past {@code padding} bytes.
   */
  static final class SparseWheel {

    /** Writes the wheel; returns the offset of its central directory. */
    static long write(Path file, String name, String version, String requires, long padding)
        throws IOException {
      String distInfo = name + "-" + version + ".dist-info/";
      byte[] metadata = ("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version
          + "\n" + (requires == null ? "" : "Requires-Dist: " + requires + "\n") + "\n")
          .getBytes(StandardCharsets.UTF_8);
      byte[] wheelFile = "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
          .getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream central = new ByteArrayOutputStream();
      try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        // entry 1: the padding, written as a header only; its zeros are a hole in the file
        byte[] padHeader = local("data/padding.bin", padding, zerosCrc(padding));
        out.write(ByteBuffer.wrap(padHeader), 0);
        central.writeBytes(centralEntry("data/padding.bin", padding, zerosCrc(padding), 0));
        long position = padHeader.length + padding;
        for (var entry : new Object[][] {{distInfo + "METADATA", metadata}, {distInfo + "WHEEL", wheelFile}}) {
          String entryName = (String) entry[0];
          byte[] data = (byte[]) entry[1];
          CRC32 crc = new CRC32();
          crc.update(data);
          byte[] header = local(entryName, data.length, crc.getValue());
          central.writeBytes(centralEntry(entryName, data.length, crc.getValue(), position));
          out.write(ByteBuffer.wrap(header), position);
          out.write(ByteBuffer.wrap(data), position + header.length);
          position += header.length + data.length;
        }
        long directory = position;
        byte[] cd = central.toByteArray();
        out.write(ByteBuffer.wrap(cd), directory);
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 3)
            .putShort((short) 3).putInt(cd.length).putInt((int) directory).putShort((short) 0);
        out.write(end.flip(), directory + cd.length);
        return directory;
      }
    }

    private static long zerosCrc(long length) {
      CRC32 crc = new CRC32();
      byte[] zeros = new byte[1 << 20];
      for (long left = length; left > 0; left -= zeros.length) {
        crc.update(zeros, 0, (int) Math.min(left, zeros.length));
      }
      return crc.getValue();
    }

    private static byte[] local(String name, long size, long crc) {
      byte[] n = name.getBytes(StandardCharsets.UTF_8);
      ByteBuffer b = ByteBuffer.allocate(30 + n.length).order(ByteOrder.LITTLE_ENDIAN);
      b.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x800).putShort((short) 0)
          .putShort((short) 0).putShort((short) 0).putInt((int) crc).putInt((int) size)
          .putInt((int) size).putShort((short) n.length).putShort((short) 0).put(n);
      return b.array();
    }

    private static byte[] centralEntry(String name, long size, long crc, long offset) {
      byte[] n = name.getBytes(StandardCharsets.UTF_8);
      ByteBuffer b = ByteBuffer.allocate(46 + n.length).order(ByteOrder.LITTLE_ENDIAN);
      b.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x800)
          .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt((int) crc)
          .putInt((int) size).putInt((int) size).putShort((short) n.length).putShort((short) 0)
          .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
          .putInt((int) offset).put(n);
      return b.array();
    }
  }
}
