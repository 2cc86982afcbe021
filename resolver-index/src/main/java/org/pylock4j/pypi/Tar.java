package org.pylock4j.pypi;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/** A minimal reader of (gzipped) tar archives: ustar, GNU long names and pax paths. */
final class Tar {

  private Tar() {}

  /**
   * The content of the first regular entry whose path {@code wanted} accepts, or null.
   *
   * @throws IOException when the archive is not a readable tar.gz or the entry is too large
   */
  static byte[] findInTarGz(byte[] archive, Predicate<String> wanted, long maxSize)
      throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archive), 64 * 1024)) {
      byte[] header = new byte[512];
      String longName = null;
      while (true) {
        if (!readFully(in, header)) {
          return null;
        }
        if (isZero(header)) {
          return null;
        }
        char type = (char) header[156];
        long size = size(header);
        String name = longName != null ? longName : name(header);
        longName = null;
        long padded = (size + 511) / 512 * 512;
        if (type == 'L' || type == 'x') {
          if (size > 1 << 20) {
            throw new IOException("tar header entry too large");
          }
          byte[] data = in.readNBytes((int) size);
          in.skipNBytes(padded - size);
          longName = type == 'L' ? cString(data) : paxPath(data);
          continue;
        }
        boolean regular = type == '0' || type == '\0' || type == '7';
        if (regular && wanted.test(stripDotSlash(name))) {
          if (size > maxSize) {
            throw new IOException(name + " is larger (" + size + " bytes) than the maximum allowed ("
                + maxSize + " bytes, from maxMetadataBytes)");
          }
          byte[] data = in.readNBytes((int) size);
          if (data.length != size) {
            throw new EOFException("tar entry " + name + " is truncated");
          }
          return data;
        }
        in.skipNBytes(padded);
      }
    }
  }

  private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
    int n = in.readNBytes(buffer, 0, buffer.length);
    if (n == 0) {
      return false;
    }
    if (n < buffer.length) {
      throw new EOFException("truncated tar header");
    }
    return true;
  }

  private static boolean isZero(byte[] header) {
    for (byte b : header) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String name(byte[] header) {
    String name = cString(java.util.Arrays.copyOfRange(header, 0, 100));
    String magic = new String(header, 257, 5, StandardCharsets.US_ASCII);
    if (magic.equals("ustar")) {
      String prefix = cString(java.util.Arrays.copyOfRange(header, 345, 500));
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
    }
    return name;
  }

  /** The largest entry size believed (1 TiB): beyond it, sizes overflow the arithmetic of skipping. */
  private static final long MAX_ENTRY = 1L << 40;

  private static long size(byte[] header) throws IOException {
    long value;
    if ((header[124] & 0x80) != 0) { // GNU base-256
      value = 0;
      for (int i = 125; i < 136; i++) {
        if (value > MAX_ENTRY) {
          throw new IOException("bad tar entry size (base-256, too large)");
        }
        value = value << 8 | (header[i] & 0xFF);
      }
    } else {
      String octal = cString(java.util.Arrays.copyOfRange(header, 124, 136)).strip();
      if (!octal.matches("[0-7]*")) {
        throw new IOException("bad tar entry size \"" + octal + "\"");
      }
      try {
        value = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
      } catch (NumberFormatException e) {
        throw new IOException("bad tar entry size \"" + octal + "\"");
      }
    }
    if (value < 0 || value > MAX_ENTRY) {
      throw new IOException("bad tar entry size " + value);
    }
    return value;
  }

  private static String paxPath(byte[] data) {
    // records: "<length> <key>=<value>\n"
    String text = new String(data, StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.startsWith("path=", space + 1)) {
        return line.substring(space + 6);
      }
    }
    return null;
  }

  private static String cString(byte[] bytes) {
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  static String stripDotSlash(String name) {
    return name.startsWith("./") ? name.substring(2) : name;
  }
}
