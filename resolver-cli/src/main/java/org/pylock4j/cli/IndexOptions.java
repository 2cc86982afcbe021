package org.pylock4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.ToolSettings;
import org.pylock4j.locker.LockRequest;
import org.pylock4j.pypi.IndexStrategy;
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
        .cacheDirectory(cacheDir != null ? cacheDir : defaultCacheDir(environment));
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
