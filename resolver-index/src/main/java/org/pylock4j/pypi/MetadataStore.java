package org.pylock4j.pypi;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Core metadata on disk, keyed by a content hash: the sha256 of the distribution, or the sha256
 * of the PEP 658 metadata file. Content-addressed entries never go stale, so they are kept for good.
 * Writes are atomic (temp file + move); a corrupt or unreadable entry is a miss.
 */
final class MetadataStore {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  enum Key { FILE, CORE }

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
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".metadata");
      Files.write(temp, metadata);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      System.getLogger(MetadataStore.class.getName())
          .log(System.Logger.Level.DEBUG, "could not cache metadata {0}: {1}", sha256, e);
    }
  }

  private Path path(Key key, String sha256) {
    String dir = key == Key.FILE ? "by-file-sha256" : "by-metadata-sha256";
    return root.resolve(dir).resolve(sha256.substring(0, 2)).resolve(sha256 + ".metadata");
  }
}
