package org.pylock4j.pypi;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Core metadata on disk, keyed by what proves it: the sha256 of a distribution this process
 * hashed ({@link Key#FILE}), the sha256 of the PEP 658 metadata file itself ({@link Key#CORE}),
 * or, for metadata read from an unhashed file by range requests, the sha256 of the file's URL
 * and the hash its index declared ({@link Key#SOURCE}: scoped to that URL, so no other index can
 * plant an entry another one reads). Entries never go stale, so they are kept for good. Writes
 * are atomic (a complete temp file, then a rename), so concurrent processes and a process killed
 * mid-write leave either no entry or a whole one; a corrupt or unreadable entry is a miss.
 */
final class MetadataStore {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  enum Key { FILE, CORE, SOURCE }

  private final Path root;

  MetadataStore(Path root) {
    this.root = root;
  }

  byte[] get(Key key, String sha256) {
    if (sha256 == null || !HEX.matcher(sha256).matches()) {
      return null;
    }
    try {
      return Files.readAllBytes(path(key, sha256));
    } catch (IOException e) {
      return null;
    }
  }

  void put(Key key, String sha256, byte[] metadata) {
    if (sha256 == null || !HEX.matcher(sha256).matches()) {
      return;
    }
    Path target = path(key, sha256);
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), ".tmp-", ".metadata");
      try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(metadata));
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // only a stray temp file
        }
      }
      System.getLogger(MetadataStore.class.getName())
          .log(System.Logger.Level.DEBUG, "could not cache metadata {0}: {1}", sha256, e);
    }
  }

  private Path path(Key key, String sha256) {
    String dir = switch (key) {
      case FILE -> "by-file-sha256";
      case CORE -> "by-metadata-sha256";
      case SOURCE -> "by-url-and-declared-sha256";
    };
    return root.resolve(dir).resolve(sha256.substring(0, 2)).resolve(sha256 + ".metadata");
  }
}
