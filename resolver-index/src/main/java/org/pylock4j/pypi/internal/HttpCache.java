package org.pylock4j.pypi.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;

/**
 * Cached HTTP answers (Simple API pages, PEP 658 metadata files, provenance) on disk, one file
 * per URL and {@code Accept} header, for revalidation ({@code ETag}, {@code Last-Modified}) and
 * offline use.
 *
 * <p>Safe for any number of processes and threads sharing one directory: there is no journal
 * and no index, each entry is written complete to a temporary file in its directory, flushed,
 * then renamed over the old one, so a reader sees the old entry or the new one, never a mix, and
 * a process killed mid-write leaves at most a stray temporary file. An entry that cannot be read
 * whole (wrong magic, truncated) is a miss.
 */
final class HttpCache {

  private static final int MAGIC = 0x504C4843; // "PLHC"
  private static final int VERSION = 1;
  private static final System.Logger LOG = System.getLogger(HttpCache.class.getName());

  /** A cached answer: the final URL (after redirects), its headers and body, when it was received. */
  record Entry(String url, Headers headers, byte[] body, long receivedMillis) {
    /** Whether the answer's {@code max-age} says it may be used without asking the server again. */
    boolean fresh(long nowMillis) {
      String control = headers.get("Cache-Control");
      if (control == null) {
        return false;
      }
      long maxAge = -1;
      for (String directive : control.toLowerCase(java.util.Locale.ROOT).split(",")) {
        String d = directive.strip();
        if (d.equals("no-cache") || d.equals("no-store") || d.equals("must-revalidate") && maxAge == 0) {
          return false;
        }
        if (d.startsWith("max-age=")) {
          try {
            maxAge = Long.parseLong(d.substring("max-age=".length()).strip());
          } catch (NumberFormatException e) {
            return false;
          }
        }
      }
      long age = nowMillis - receivedMillis;
      return maxAge > 0 && age >= 0 && age < maxAge * 1000;
    }
  }

  private final Path root;
  private final long maxEntryBytes;

  HttpCache(Path root, long maxEntryBytes) {
    this.root = root;
    this.maxEntryBytes = maxEntryBytes;
  }

  /** The entry of {@code url} asked for with {@code accept}, or null. */
  Entry get(String url, String accept) {
    Path path = path(url, accept);
    try (InputStream raw = Files.newInputStream(path);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        return null;
      }
      String key = in.readUTF();
      if (!key.equals(url + "\n" + accept)) {
        return null; // a hash collision, or a damaged file
      }
      String finalUrl = in.readUTF();
      long received = in.readLong();
      int count = in.readInt();
      if (count < 0 || count > 1000) {
        return null;
      }
      Headers.Builder headers = new Headers.Builder();
      for (int i = 0; i < count; i++) {
        headers.addUnsafeNonAscii(in.readUTF(), in.readUTF());
      }
      long length = in.readLong();
      if (length < 0 || length > maxEntryBytes) {
        return null;
      }
      byte[] body = in.readNBytes((int) length);
      if (body.length != length || in.readInt() != MAGIC) {
        return null; // truncated
      }
      return new Entry(finalUrl, headers.build(), body, received);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "unreadable cache entry {0}: {1}", path, e);
      return null;
    }
  }

  /** Stores an answer; failures only cost a later request. */
  void put(String url, String accept, Entry entry) {
    Path path = path(url, accept);
    Path temp = null;
    try {
      Files.createDirectories(path.getParent());
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(entry.body().length + 1024);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(url + "\n" + accept);
        out.writeUTF(entry.url());
        out.writeLong(entry.receivedMillis());
        List<String[]> kept = new ArrayList<>();
        for (String name : List.of("Content-Type", "ETag", "Last-Modified", "Cache-Control")) {
          String value = entry.headers().get(name);
          if (value != null && value.length() < 8192) {
            kept.add(new String[] {name, value});
          }
        }
        out.writeInt(kept.size());
        for (String[] header : kept) {
          out.writeUTF(header[0]);
          out.writeUTF(header[1]);
        }
        out.writeLong(entry.body().length);
        out.write(entry.body());
        out.writeInt(MAGIC);
      }
      temp = Files.createTempFile(path.getParent(), ".tmp-", ".entry");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "could not cache {0}: {1}", url, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a stray temp file costs only space
        }
      }
    }
  }

  private Path path(String url, String accept) {
    String hash;
    try {
      hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest((url + "\n" + accept).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return root.resolve(hash.substring(0, 2)).resolve(hash + ".entry");
  }
}
