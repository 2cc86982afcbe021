package org.pylock4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.pylock4j.error.InvalidInputException;
import picocli.CommandLine.Option;

/** Where to read projects from. */
final class IndexOptions {

  static final String DEFAULT_INDEX = "https://pypi.org/simple/";
  private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

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
      description = "Ignore files uploaded at or after TIME (2024-01-31 or 2024-01-31T12:00:00Z).")
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

  /** The effective settings: options, then requirements files, then [tool.pylock4j]. */
  IndexSettings settings(Inputs inputs, Map<String, String> environment) {
    String primary = indexUrl;
    if (primary == null) {
      primary = inputs.hints().indexUrl;
    }
    if (primary == null) {
      primary = inputs.settings().indexUrl();
    }
    if (primary == null) {
      primary = DEFAULT_INDEX;
    }
    List<String> extra = new ArrayList<>();
    for (String url : extraIndexUrls) {
      add(extra, location(url, "--extra-index-url"));
    }
    inputs.hints().extraIndexUrls.forEach(url -> add(extra, location(url, "--extra-index-url")));
    for (String url : inputs.settings().extraIndexUrls()) {
      add(extra, location(url, "extra-index-urls"));
    }
    List<String> urls = new ArrayList<>();
    if (!inputs.hints().noIndex || indexUrl != null) {
      urls.add(location(primary, "--index-url"));
    }
    extra.forEach(url -> add(urls, url));
    if (urls.isEmpty()) {
      throw new InvalidInputException(
          "--no-index leaves no index to read from; give --index-url", "--no-index");
    }
    String strategy = indexStrategy != null ? indexStrategy : inputs.settings().indexStrategy();
    boolean bestMatch = false;
    if (strategy != null) {
      switch (strategy.toLowerCase(Locale.ROOT)) {
        case "first-index" -> bestMatch = false;
        case "unsafe-best-match" -> bestMatch = true;
        default -> throw new InvalidInputException(
            "index strategy must be first-index or unsafe-best-match, not '" + strategy + "'",
            strategy);
      }
    }
    String newer = excludeNewer != null ? excludeNewer : inputs.settings().excludeNewer();
    if (threads != null && (threads < 1 || threads > 256)) {
      throw new InvalidInputException(
          "--threads must be between 1 and 256, not " + threads, String.valueOf(threads));
    }
    return new IndexSettings(
        urls,
        bestMatch,
        offline,
        cacheDir != null ? cacheDir : defaultCacheDir(environment),
        newer == null ? null : instant(newer),
        threads == null ? 16 : threads,
        new IndexSettings.Limits(
            size(maxPageBytes, "--max-page-bytes", IndexSettings.Limits.DEFAULTS.pageBytes()),
            size(maxMetadataBytes, "--max-metadata-bytes",
                IndexSettings.Limits.DEFAULTS.metadataBytes()),
            size(maxFileBytes, "--max-file-bytes", IndexSettings.Limits.DEFAULTS.fileBytes())));
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

  private static void add(List<String> urls, String url) {
    if (!urls.contains(url)) {
      urls.add(url);
    }
  }

  /** A URL as given; a directory path as a file: URI (it must exist). */
  static String location(String value, String option) {
    if (URL_SCHEME.matcher(value).matches() && !looksLikeWindowsPath(value)) {
      return value;
    }
    Path path = Path.of(value).toAbsolutePath().normalize();
    if (!Files.isDirectory(path)) {
      throw new InvalidInputException(
          option + " " + value + ": no such directory (an index is a URL or a directory)", value);
    }
    return path.toUri().toString();
  }

  private static boolean looksLikeWindowsPath(String value) {
    return value.length() > 2 && Character.isLetter(value.charAt(0)) && value.charAt(1) == ':'
        && (value.charAt(2) == '\\' || value.charAt(2) == '/');
  }

  static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException again) {
        throw new InvalidInputException(
            "exclude-newer must be a date (2024-01-31) or an RFC 3339 time"
                + " (2024-01-31T12:00:00Z), not '" + text + "'",
            text);
      }
    }
  }

  /** The platform's user cache directory for pylock4j. */
  static Path defaultCacheDir(Map<String, String> environment) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String home = System.getProperty("user.home", ".");
    if (os.startsWith("windows")) {
      String local = environment.get("LOCALAPPDATA");
      return Path.of(local != null ? local : home, "pylock4j", "Cache");
    }
    if (os.startsWith("mac")) {
      return Path.of(home, "Library", "Caches", "pylock4j");
    }
    String xdg = environment.get("XDG_CACHE_HOME");
    return xdg != null && !xdg.isEmpty()
        ? Path.of(xdg, "pylock4j")
        : Path.of(home, ".cache", "pylock4j");
  }
}
