package org.pylock4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.ToolSettings;
import org.pylock4j.locker.LockRequest;
import org.pylock4j.pypi.IndexStrategy;
import picocli.CommandLine.Option;

/** Where to read projects from. */
final class IndexOptions {

  static final String DEFAULT_INDEX = "https://pypi.org/simple/";

  @Option(
      names = {"-i", "--index-url"},
      paramLabel = "URL",
      description = {
        "The package index (Simple API). A file:// URL or a plain directory works too.",
        "Default: " + DEFAULT_INDEX
      })
  String indexUrl;

  @Option(
      names = "--extra-index-url",
      paramLabel = "URL",
      description = "More indexes, searched after --index-url (see --index-strategy).")
  List<String> extraIndexUrls = new ArrayList<>();

  @Option(
      names = "--index-strategy",
      paramLabel = "STRATEGY",
      description = "first-index (default): a project found on an index is never taken from a "
          + "later one; unsafe-best-match: every index's versions are candidates.")
  String indexStrategy;

  @Option(names = "--offline", description = "Answer from the cache only; fail when it misses.")
  boolean offline;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description = "The HTTP and metadata cache. Default: the user cache directory.")
  Path cacheDir;

  @Option(
      names = "--exclude-newer",
      paramLabel = "TIME",
      description = "Ignore files uploaded at or after TIME: 2024-01-31, 2024-01-31T12:00:00Z, "
          + "or a time before now (7 days, 24 hours, P7D). A file without an upload time on the "
          + "index is not admitted. The lock records the resolved time.")
  String excludeNewer;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Index requests in flight at once. Default: 16.")
  Integer threads;

  @Option(
      names = "--max-page-bytes",
      paramLabel = "SIZE",
      description = "The largest index page accepted, in bytes (or with K, M, G). Default: 64M.")
  String maxPageBytes;

  @Option(
      names = "--max-metadata-bytes",
      paramLabel = "SIZE",
      description = "The largest metadata file or METADATA entry accepted. Default: 16M.")
  String maxMetadataBytes;

  @Option(
      names = "--max-file-bytes",
      paramLabel = "SIZE",
      description = {
        "The largest part of a distribution downloaded at once for its metadata (a whole sdist,",
        "a range response, a zip directory); local wheels are read in place. Default: 512M."
      })
  String maxFileBytes;

  /**
   * Adds the index options to {@code request}; what they leave unset comes from the inputs
   * (requirements files, then [tool.pylock4j]), then the defaults. The cache is the user cache
   * directory unless --cache-dir names another.
   */
  void applyTo(LockRequest.Builder request, Map<String, String> environment) {
    request.indexUrl(indexUrl);
    extraIndexUrls.forEach(request::extraIndexUrl);
    if (indexStrategy != null) {
      request.indexStrategy(IndexStrategy.parse(indexStrategy));
    }
    if (excludeNewer != null) {
      request.excludeNewer(ToolSettings.parseExcludeNewer(excludeNewer));
    }
    if (threads != null) {
      if (threads < 1 || threads > 256) {
        throw new InvalidInputException(
            "--threads must be between 1 and 256, not " + threads, String.valueOf(threads));
      }
      request.threads(threads);
    }
    request.offline(offline)
        .cacheDirectory(cacheDir != null ? cacheDir : defaultCacheDir(environment))
        .maxPageBytes(limit(maxPageBytes, "--max-page-bytes", "maxPageBytes"))
        .maxMetadataBytes(limit(maxMetadataBytes, "--max-metadata-bytes", "maxMetadataBytes"))
        .maxFileBytes(limit(maxFileBytes, "--max-file-bytes", "maxFileBytes"));
  }

  /**
   * The limit {@code text} of {@code option} gives, named by its library {@code setting} (which
   * {@link PolicyOptions#optionNames} turns back into the option); null when not given.
   */
  private static LockRequest.SizeLimit limit(String text, String option, String setting) {
    return text == null ? null : new LockRequest.SizeLimit(size(text, option, 0), setting);
  }

  /** A size in bytes: digits, optionally followed by K, M or G (powers of 1024). */
  static long size(String text, String option, long defaultValue) {
    if (text == null) {
      return defaultValue;
    }
    String t = text.strip().toUpperCase(Locale.ROOT);
    int shift = 0;
    if (t.endsWith("IB")) {
      t = t.substring(0, t.length() - 2);
    } else if (t.endsWith("B") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
      t = t.substring(0, t.length() - 1);
    }
    if (!t.isEmpty()) {
      switch (t.charAt(t.length() - 1)) {
        case 'K' -> shift = 10;
        case 'M' -> shift = 20;
        case 'G' -> shift = 30;
        default -> shift = 0;
      }
    }
    String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
    try {
      long value = Long.parseLong(digits);
      if (value > 0 && value <= (Long.MAX_VALUE >> shift)) {
        return value << shift;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(
        option + " must be a positive size in bytes (e.g. 1048576, 512K, 64M, 2G), not '" + text + "'",
        text);
  }

  /** The platform's user cache directory for pylock4j. */
  static Path defaultCacheDir(Map<String, String> environment) {
    return Launcher.cacheDir(environment);
  }
}
