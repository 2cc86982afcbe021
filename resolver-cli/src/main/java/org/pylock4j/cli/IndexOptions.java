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
      description = "Ignore files uploaded at or after TIME: 2024-01-31, 2024-01-31T12:00:00Z, "
          + "or a time before now (7 days, 24 hours, P7D). A file without an upload time on the "
          + "index is not admitted. The lock records the resolved time.")
  String excludeNewer;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Index requests in flight at once. Default: 16.")
  Integer threads;

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
        threads == null ? 16 : threads);
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

  private static final Pattern RELATIVE =
      Pattern.compile("(\\d{1,9})\\s*(second|minute|hour|day|week)s?", Pattern.CASE_INSENSITIVE);

  static Instant instant(String text) {
    return instant(text, Instant.now());
  }

  /**
   * An exclude-newer cutoff: a date (midnight UTC), an RFC 3339 time, or a time before {@code
   * now}: {@code 7 days}, {@code 24 hours}, {@code 2 weeks}, or an ISO 8601 duration ({@code P7D},
   * {@code PT12H}, {@code P1W}) — a dependency cooldown.
   */
  static Instant instant(String text, Instant now) {
    String value = text.strip();
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      // not an instant
    }
    try {
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      // not a date
    }
    java.util.regex.Matcher m = RELATIVE.matcher(value);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        java.time.temporal.ChronoUnit unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "second" -> java.time.temporal.ChronoUnit.SECONDS;
          case "minute" -> java.time.temporal.ChronoUnit.MINUTES;
          case "hour" -> java.time.temporal.ChronoUnit.HOURS;
          case "day" -> java.time.temporal.ChronoUnit.DAYS;
          default -> java.time.temporal.ChronoUnit.WEEKS;
        };
        return now.minus(java.time.Duration.of(n, unit).abs());
      }
      if (value.regionMatches(true, 0, "P", 0, 1)) {
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.contains("T")) {
          java.time.Duration d = java.time.Duration.parse(upper);
          if (!d.isNegative()) {
            return now.minus(d);
          }
        } else {
          java.time.Period p = java.time.Period.parse(upper);
          if (!p.isNegative()) {
            return now.atZone(ZoneOffset.UTC).minus(p).toInstant();
          }
        }
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      // reported below
    }
    throw new InvalidInputException(
        "exclude-newer must be a date (2024-01-31), an RFC 3339 time (2024-01-31T12:00:00Z) or a"
            + " time before now (7 days, 24 hours, 2 weeks, P7D), not '" + text + "'",
        text);
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
