package org.pylock4j.pypi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small real wheels and sdists for tests (public for the hostile tests' package). */
public final class Dists {

  private Dists() {}

  public static String metadata(String name, String version, String... requiresDist) {
    StringBuilder text = new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
    for (String requirement : requiresDist) {
      text.append("Requires-Dist: ").append(requirement).append('\n');
    }
    return text.append("\nA long description.\n").toString();
  }

  /**
   * A wheel with a {@code .dist-info/METADATA}, WHEEL, RECORD, a module and {@code padding}
   * bytes of incompressible data (so that the central directory is far from the METADATA entry).
   */
  public static byte[] wheel(String distName, String version, String metadata, int padding) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    String distInfo = distName + "-" + version + ".dist-info/";
    entries.put(distName + "/__init__.py", "print('never run')\n".getBytes(StandardCharsets.UTF_8));
    entries.put(distInfo + "METADATA", metadata.getBytes(StandardCharsets.UTF_8));
    byte[] noise = new byte[padding];
    new Random(42).nextBytes(noise);
    entries.put(distName + "/data.bin", noise);
    entries.put(distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        .getBytes(StandardCharsets.UTF_8));
    entries.put(distInfo + "RECORD", new byte[0]);
    return zip(entries);
  }

  public static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        ZipEntry zipEntry = new ZipEntry(entry.getKey());
        zipEntry.setTime(0);
        out.putNextEntry(zipEntry);
        out.write(entry.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A {@code .tar.gz} sdist with {@code <top>/PKG-INFO} and a setup.py that is never run. */
  public static byte[] sdistTarGz(String top, String pkgInfo) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(top + "/setup.py", "raise SystemExit('never run')\n".getBytes(StandardCharsets.UTF_8));
    entries.put(top + "/src/" + "x".repeat(120) + ".py", new byte[10]); // a GNU long name
    entries.put(top + "/PKG-INFO", pkgInfo.getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
        if (name.length > 99) {
          out.write(header("././@LongLink", name.length + 1, 'L'));
          out.write(name);
          out.write(new byte[1]);
          out.write(new byte[pad(name.length + 1)]);
        }
        out.write(header(entry.getKey().length() > 99 ? entry.getKey().substring(0, 99) : entry.getKey(),
            entry.getValue().length, '0'));
        out.write(entry.getValue());
        out.write(new byte[pad(entry.getValue().length)]);
      }
      out.write(new byte[1024]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static int pad(int size) {
    return (512 - size % 512) % 512;
  }

  private static byte[] header(String name, long size, char type) {
    byte[] header = new byte[512];
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(nameBytes, 0, header, 0, Math.min(100, nameBytes.length));
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", size));
    put(header, 136, "00000000000");
    header[156] = (byte) type;
    put(header, 257, "ustar");
    put(header, 263, "00");
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xFF;
    }
    put(header, 148, String.format("%06o", sum));
    header[154] = 0;
    return header;
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }
}
