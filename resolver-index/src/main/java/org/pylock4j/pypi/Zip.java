package org.pylock4j.pypi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Just enough of the zip format (APPNOTE 6.3) to find one entry through the central directory and
 * inflate it, reading from a window of the archive ({@code bytes} starting at {@code start}), so
 * that a wheel's METADATA can be read with a few HTTP range requests.
 */
final class Zip {

  /** Thrown when the bytes are not the zip this code expects; the caller names the URL. */
  static final class ZipFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    ZipFormatException(String message) {
      super(message);
    }
  }

  /** Where the central directory is. */
  record Directory(long offset, long size) {}

  /** A central directory entry. */
  record Entry(String name, int method, long compressedSize, long size, long crc, long localOffset) {}

  private static final int EOCD = 0x06054b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int ZIP64_EOCD = 0x06064b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int LOCAL = 0x04034b50;
  static final int LOCAL_HEADER = 30;
  /** The largest end of an archive that holds the end-of-central-directory record. */
  static final int MAX_TAIL = 22 + 0xFFFF + 20 + 56;

  private Zip() {}

  /**
   * Finds the central directory from the end of the archive.
   *
   * @param bytes a window that ends at the end of the archive
   * @param start the archive offset of {@code bytes[0]}
   * @return the directory, or null when the zip64 record lies before the window (rare: the caller
   *     then reads the whole file)
   */
  static Directory directory(byte[] bytes, long start) throws ZipFormatException {
    int end = -1;
    for (int i = bytes.length - 22; i >= 0; i--) {
      if (int32(bytes, i) == EOCD && i + 22 + uint16(bytes, i + 20) <= bytes.length) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      throw new ZipFormatException("no end of central directory record (not a zip file?)");
    }
    long size = uint32(bytes, end + 12);
    long offset = uint32(bytes, end + 16);
    if (size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL || uint16(bytes, end + 10) == 0xFFFF) {
      int locator = end - 20;
      if (locator < 0) {
        return null;
      }
      if (int32(bytes, locator) != ZIP64_LOCATOR) {
        throw new ZipFormatException("zip64 archive without a zip64 locator");
      }
      long record = int64(bytes, locator + 8) - start;
      if (record < 0 || record + 56 > bytes.length) {
        return null;
      }
      if (int32(bytes, (int) record) != ZIP64_EOCD) {
        throw new ZipFormatException("bad zip64 end of central directory record");
      }
      size = int64(bytes, (int) record + 40);
      offset = int64(bytes, (int) record + 48);
    }
    if (size < 0 || offset < 0 || size > Integer.MAX_VALUE - 8 || offset > Long.MAX_VALUE / 2) {
      throw new ZipFormatException("bad central directory (offset " + offset + ", size " + size + ")");
    }
    return new Directory(offset, size);
  }

  /** The entries of a central directory, in order. */
  static List<Entry> entries(byte[] directory) throws ZipFormatException {
    List<Entry> entries = new ArrayList<>();
    int p = 0;
    while (p + 46 <= directory.length && int32(directory, p) == CENTRAL) {
      int flags = uint16(directory, p + 8);
      int method = uint16(directory, p + 10);
      long crc = uint32(directory, p + 16);
      long compressed = uint32(directory, p + 20);
      long size = uint32(directory, p + 24);
      int nameLength = uint16(directory, p + 28);
      int extraLength = uint16(directory, p + 30);
      int commentLength = uint16(directory, p + 32);
      long localOffset = uint32(directory, p + 42);
      if (p + 46 + nameLength + extraLength > directory.length) {
        throw new ZipFormatException("truncated central directory");
      }
      String name = new String(directory, p + 46, nameLength,
          (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
      // zip64 extended information: the fields that are 0xFFFFFFFF, in this order
      int extra = p + 46 + nameLength;
      int extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        int id = uint16(directory, extra);
        int length = uint16(directory, extra + 2);
        if (id == 0x0001) {
          int q = extra + 4;
          if (size == 0xFFFFFFFFL && q + 8 <= extraEnd) {
            size = int64(directory, q);
            q += 8;
          }
          if (compressed == 0xFFFFFFFFL && q + 8 <= extraEnd) {
            compressed = int64(directory, q);
            q += 8;
          }
          if (localOffset == 0xFFFFFFFFL && q + 8 <= extraEnd) {
            localOffset = int64(directory, q);
          }
        }
        extra += 4 + length;
      }
      if (compressed < 0 || size < 0 || localOffset < 0 || localOffset > Long.MAX_VALUE / 2
          || compressed > Integer.MAX_VALUE - 8 || size > Long.MAX_VALUE / 2) {
        throw new ZipFormatException("bad sizes or offset of entry " + name + " (compressed "
            + compressed + ", size " + size + ", offset " + localOffset + ")");
      }
      entries.add(new Entry(name, method, compressed, size, crc, localOffset));
      p += 46 + nameLength + extraLength + commentLength;
    }
    if (entries.isEmpty()) {
      throw new ZipFormatException("empty or unreadable central directory");
    }
    return entries;
  }

  /** The first entry whose name {@code wanted} accepts, or null. */
  static Entry find(List<Entry> entries, Predicate<String> wanted) {
    return entries.stream().filter(e -> wanted.test(e.name())).findFirst().orElse(null);
  }

  /** How many bytes from the local header on are needed to read {@code entry}, given no local extra field larger than {@code slack}. */
  static long span(Entry entry, int slack) {
    return LOCAL_HEADER + (long) entry.name().getBytes(StandardCharsets.UTF_8).length + slack
        + entry.compressedSize();
  }

  /**
   * The uncompressed bytes of {@code entry}.
   *
   * @param bytes a window of the archive starting at the entry's local header
   * @return the bytes, or null when the window is too short (the local extra field was longer
   *     than expected); {@code needed} then says how many bytes to read
   */
  static byte[] extract(byte[] bytes, Entry entry, long maxSize, long[] needed)
      throws ZipFormatException {
    if (entry.size() > maxSize) {
      throw new ZipFormatException(entry.name() + " is larger (" + entry.size()
          + " bytes) than the maximum allowed (" + maxSize + " bytes, from maxMetadataBytes)");
    }
    if (entry.size() < 0 || entry.compressedSize() < 0 || entry.compressedSize() > maxSize + (1 << 20)) {
      throw new ZipFormatException("bad compressed size " + entry.compressedSize() + " of " + entry.name());
    }
    if (bytes.length < LOCAL_HEADER || int32(bytes, 0) != LOCAL) {
      throw new ZipFormatException("no local file header for " + entry.name());
    }
    long dataStart = LOCAL_HEADER + (long) uint16(bytes, 26) + uint16(bytes, 28);
    long dataEnd = dataStart + entry.compressedSize();
    if (dataEnd > bytes.length) {
      needed[0] = dataEnd;
      return null;
    }
    byte[] out;
    if (entry.method() == 0) {
      out = java.util.Arrays.copyOfRange(bytes, (int) dataStart, (int) dataEnd);
    } else if (entry.method() == 8) {
      Inflater inflater = new Inflater(true);
      try {
        inflater.setInput(bytes, (int) dataStart, (int) entry.compressedSize());
        out = new byte[(int) entry.size()];
        int n = 0;
        while (n < out.length) {
          int read = inflater.inflate(out, n, out.length - n);
          if (read == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
            break;
          }
          n += read;
        }
        if (n != out.length) {
          throw new ZipFormatException(entry.name() + ": deflate stream ended early");
        }
      } catch (DataFormatException e) {
        throw new ZipFormatException(entry.name() + ": bad deflate data (" + e.getMessage() + ")");
      } finally {
        inflater.end();
      }
    } else {
      throw new ZipFormatException(entry.name() + ": unsupported compression method " + entry.method());
    }
    CRC32 crc = new CRC32();
    crc.update(out);
    if (crc.getValue() != entry.crc()) {
      throw new ZipFormatException(entry.name() + ": CRC-32 mismatch");
    }
    return out;
  }

  /** Reads {@code entry} from a whole archive. */
  static byte[] extractFromWhole(byte[] archive, Entry entry, long maxSize) throws ZipFormatException {
    if (entry.localOffset() < 0 || entry.localOffset() >= archive.length) {
      throw new ZipFormatException("local header of " + entry.name() + " is outside the archive");
    }
    byte[] window = java.util.Arrays.copyOfRange(archive, (int) entry.localOffset(), archive.length);
    byte[] result = extract(window, entry, maxSize, new long[1]);
    if (result == null) {
      throw new ZipFormatException(entry.name() + " runs past the end of the archive");
    }
    return result;
  }

  /** The central directory of a whole archive. */
  static List<Entry> entriesOfWhole(byte[] archive) throws ZipFormatException {
    Directory directory = directory(archive, 0);
    if (directory == null || directory.offset() > archive.length
        || directory.offset() + directory.size() > archive.length) {
      throw new ZipFormatException("central directory outside the archive");
    }
    return entries(java.util.Arrays.copyOfRange(archive, (int) directory.offset(),
        (int) (directory.offset() + directory.size())));
  }

  static int uint16(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
  }

  static long uint32(byte[] b, int i) {
    return int32(b, i) & 0xFFFFFFFFL;
  }

  static int int32(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
  }

  static long int64(byte[] b, int i) {
    return uint32(b, i) | uint32(b, i + 4) << 32;
  }
}
