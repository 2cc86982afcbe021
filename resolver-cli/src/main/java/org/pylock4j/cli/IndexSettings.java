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
 */
record IndexSettings(
    List<String> urls,
    boolean bestMatch,
    boolean offline,
    Path cacheDir,
    Instant excludeNewer,
    int threads) {

  IndexSettings {
    urls = List.copyOf(urls);
  }
}
