package org.pylock4j.pypi.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pylock4j.error.IndexException;
import org.pylock4j.pypi.Dists;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.version.Version;

/**
 * Finding 13: malformed ZIP64 and tar entries end in an index failure naming the URL, never in
 * an exception from array arithmetic.
 */
class MalformedArchiveTest {

  private static final ProjectName DEMO = ProjectName.of("demo");

  private static IndexException read(String filename, byte[] archive) {
    try (EvilServer evil = new EvilServer()) {
      evil.bytes("/files/" + filename, archive);
      String url = evil.url("/files/" + filename);
      DistributionFile file = new DistributionFile(DEMO, Version.parse("1.0"), filename, url,
          Map.of("sha256", EvilServer.sha256(archive)), null, null, null, -1, null);
      try (PypiIndex index = Hostile.client(evil.indexUrl()).build()) {
        IndexException e = Hostile.failure(index.metadata(file));
        assertTrue(e.getMessage().contains(url), e.getMessage());
        assertFalse(e.getMessage().matches("(?s).*[A-Za-z]+(Exception|Error)\\b.*"), e.getMessage());
        return e;
      }
    }
  }

  /** A wheel whose METADATA entry has a zip64 extra field giving {@code field} the value -1. */
  private static byte[] zip64Wheel(int cdOffsetOfField) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      ZipEntry entry = new ZipEntry("demo-1.0.dist-info/METADATA");
      byte[] extra = new byte[4 + 24];
      extra[0] = 1; // zip64 extended information
      extra[2] = 24;
      Arrays.fill(extra, 4, 28, (byte) 0xFF);
      entry.setExtra(extra);
      out.putNextEntry(entry);
      out.write(Dists.metadata("demo", "1.0").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] zip = bytes.toByteArray();
    for (int p = zip.length - 22; p >= 0; p--) { // the central directory entry
      if (zip[p] == 0x50 && zip[p + 1] == 0x4b && zip[p + 2] == 1 && zip[p + 3] == 2) {
        Arrays.fill(zip, p + cdOffsetOfField, p + cdOffsetOfField + 4, (byte) 0xFF);
        break;
      }
    }
    return zip;
  }

  @ParameterizedTest
  @ValueSource(ints = {24, 20, 42}) // uncompressed size, compressed size, local header offset
  void aNegativeZip64FieldIsAnIndexFailure(int field) {
    IndexException e = read("demo-1.0-py3-none-any.whl", zip64Wheel(field));
    assertTrue(e.getMessage().startsWith("unreadable archive "), e.getMessage());
  }

  private static byte[] tarGz(byte[] sizeField) {
    byte[] header = new byte[512];
    byte[] name = "demo-1.0/PKG-INFO".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(name, 0, header, 0, name.length);
    System.arraycopy(sizeField, 0, header, 124, sizeField.length);
    header[156] = '0';
    System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 5);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(header);
      out.write(new byte[2048]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"base256", "-0000005", "77777777777x"})
  void aBadTarSizeIsAnIndexFailure(String size) {
    byte[] field = new byte[12];
    if (size.equals("base256")) {
      Arrays.fill(field, (byte) 0xFF);
      field[0] = (byte) 0x80;
    } else {
      byte[] text = size.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(text, 0, field, 0, text.length);
    }
    IndexException e = read("demo-1.0.tar.gz", tarGz(field));
    assertTrue(e.getMessage().startsWith("unreadable sdist "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 100})
  void aTruncatedWheelIsAnIndexFailure(int keep) {
    byte[] wheel = Dists.wheel("demo", "1.0", Dists.metadata("demo", "1.0"), 10);
    IndexException e = read("demo-1.0-py3-none-any.whl", Arrays.copyOf(wheel, keep));
    assertEquals(0, e.status().orElse(0));
  }
}
