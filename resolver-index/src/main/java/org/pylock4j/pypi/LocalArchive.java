package org.pylock4j.pypi;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Reads one entry of an archive on the local disk the way {@link MetadataFetcher} reads a remote
 * wheel with range requests: the end of the file, the zip central directory, then the one entry,
 * each by random access through a {@link FileChannel}. The archive is never read whole, whatever
 * its size; a {@code .tar.gz} is streamed up to the entry.
 */
final class LocalArchive {

  private static final int LOCAL_SLACK = 1024;

  private final long maxEntryBytes;
  private final String entryLimit;
  private final long maxDirectoryBytes;
  private final String directoryLimit;

  /**
   * @param maxEntryBytes the largest entry read (uncompressed, and compressed)
   * @param entryLimit the setting {@code maxEntryBytes} comes from, named in the error
   * @param maxDirectoryBytes the largest central directory read
   * @param directoryLimit the setting {@code maxDirectoryBytes} comes from
   */
  LocalArchive(long maxEntryBytes, String entryLimit, long maxDirectoryBytes, String directoryLimit) {
    this.maxEntryBytes = maxEntryBytes;
    this.entryLimit = entryLimit;
    this.maxDirectoryBytes = maxDirectoryBytes;
    this.directoryLimit = directoryLimit;
  }

  /** Thrown when an entry or the central directory is larger than its limit. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }

  /**
   * The uncompressed bytes of the zip entry that {@code choose} picks from the central directory
   * (it may throw to say none fits).
   */
  byte[] zipEntry(Path path, Function<List<Zip.Entry>, Zip.Entry> choose)
      throws IOException, Zip.ZipFormatException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      int tailLength = (int) Math.min(size, Zip.MAX_TAIL);
      long tailStart = size - tailLength;
      Zip.Directory directory = Zip.directory(read(channel, tailStart, tailLength), tailStart);
      if (directory == null) {
        throw new Zip.ZipFormatException("no zip64 end of central directory record near the end of the archive");
      }
      if (directory.offset() < 0 || directory.size() < 0 || directory.offset() + directory.size() > size) {
        throw new Zip.ZipFormatException("central directory outside the archive");
      }
      if (directory.size() > maxDirectoryBytes) {
        throw new TooLargeException("the central directory is larger (" + directory.size()
            + " bytes) than the maximum allowed (" + maxDirectoryBytes + " bytes, from " + directoryLimit + ")");
      }
      Zip.Entry entry = choose.apply(Zip.entries(read(channel, directory.offset(), (int) directory.size())));
      long largest = Math.max(entry.size(), entry.compressedSize());
      if (largest > maxEntryBytes) {
        throw new TooLargeException(entry.name() + " is larger (" + largest
            + " bytes) than the maximum allowed (" + maxEntryBytes + " bytes, from " + entryLimit + ")");
      }
      long start = entry.localOffset();
      if (start < 0 || start >= size) {
        throw new Zip.ZipFormatException("local header of " + entry.name() + " is outside the archive");
      }
      long end = Math.min(size, start + Zip.span(entry, LOCAL_SLACK));
      long[] needed = new long[1];
      byte[] found = Zip.extract(read(channel, start, (int) (end - start)), entry, maxEntryBytes, needed);
      if (found == null) { // a local extra field longer than the slack
        if (start + needed[0] > size || needed[0] > maxEntryBytes + (1 << 17)) {
          throw new Zip.ZipFormatException(entry.name() + " runs past the end of the archive");
        }
        found = Zip.extract(read(channel, start, (int) needed[0]), entry, maxEntryBytes, needed);
        if (found == null) {
          throw new Zip.ZipFormatException(entry.name() + " runs past the end of the archive");
        }
      }
      return found;
    }
  }

  /** The first regular entry of a {@code .tar.gz} that {@code wanted} accepts, streamed; null if none. */
  byte[] tarGzEntry(Path path, Predicate<String> wanted) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path), 64 * 1024)) {
      return Tar.find(in, wanted, maxEntryBytes, entryLimit);
    }
  }

  private static byte[] read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position + buffer.position());
      if (n < 0) {
        throw new EOFException("the archive ended early (at byte " + (position + buffer.position()) + ")");
      }
    }
    return buffer.array();
  }
}
