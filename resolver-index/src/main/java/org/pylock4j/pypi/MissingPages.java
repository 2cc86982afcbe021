package org.pylock4j.pypi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which project pages an index answered 404 (or 410) for, remembered on disk so that offline mode
 * knows a project is absent from an index instead of failing for want of a cached page (servers
 * rarely make a 404 cacheable). A page found later removes the mark.
 */
final class MissingPages {

  private final Path root;

  MissingPages(Path root) {
    this.root = root;
  }

  boolean isMissing(String pageUrl) {
    return Files.isRegularFile(path(pageUrl));
  }

  void markMissing(String pageUrl) {
    Path path = path(pageUrl);
    try {
      Files.createDirectories(path.getParent());
      Files.writeString(path, pageUrl + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      // only a lost optimisation for offline mode
    }
  }

  void markFound(String pageUrl) {
    try {
      Files.deleteIfExists(path(pageUrl));
    } catch (IOException e) {
      // the next online answer tries again
    }
  }

  private Path path(String pageUrl) {
    return root.resolve(MetadataFetcher.sha256(pageUrl.getBytes(StandardCharsets.UTF_8)) + ".404");
  }
}
