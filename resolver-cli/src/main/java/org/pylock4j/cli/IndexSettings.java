package org.pylock4j.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The index settings of one run, after options, files and defaults are combined.
 *
 * @param urls the indexes in search order, first the primary one
 * @param bestMatch whether every index's versions are candidates (unsafe-best-match)
 * @param offline whether to answer from the cache only
 * @param cacheDir the cache directory
 * @param excludeNewer ignore files uploaded at or after this, or null
 * @param threads requests in flight at once
 * @param limits the size limits of what is read from the index
 */
record IndexSettings(
    List<String> urls,
    boolean bestMatch,
    boolean offline,
    Path cacheDir,
    Instant excludeNewer,
    int threads,
    Limits limits) {

  IndexSettings {
    urls = List.copyOf(urls);
  }

  /** Settings with the default limits. */
  IndexSettings(
      List<String> urls,
      boolean bestMatch,
      boolean offline,
      Path cacheDir,
      Instant excludeNewer,
      int threads) {
    this(urls, bestMatch, offline, cacheDir, excludeNewer, threads, Limits.DEFAULTS);
  }

  /**
   * Size limits in bytes, from {@code --max-page-bytes}, {@code --max-metadata-bytes} and
   * {@code --max-file-bytes}.
   */
  record Limits(long pageBytes, long metadataBytes, long fileBytes) {
    static final Limits DEFAULTS = new Limits(64L << 20, 16L << 20, 512L << 20);
  }
}
