package org.pylock4j.locker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.IndexPin;
import org.pylock4j.input.ToolSettings;
import org.pylock4j.pypi.IndexStrategy;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.ProjectName;

/**
 * The index settings of one request, after the request, the requirements files, {@code
 * [tool.pylock4j]} and the defaults are combined (in that order of precedence).
 *
 * @param urls the indexes in search order, first the primary one
 * @param strategy the index strategy
 * @param pins project to the index it is read from only
 * @param offline whether to answer from the cache only
 * @param cacheDir the cache directory, or null
 * @param excludeNewer ignore files uploaded at or after this, or null
 * @param threads requests in flight at once
 * @param requestTimeout the longest one request may take, or null for the index's default
 */
record IndexSettings(
    List<String> urls,
    IndexStrategy strategy,
    Map<ProjectName, String> pins,
    boolean offline,
    Path cacheDir,
    Instant excludeNewer,
    int threads,
    java.time.Duration requestTimeout) {

  private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  IndexSettings {
    urls = List.copyOf(urls);
    pins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pins));
  }

  /** The settings of {@code request} with {@code inputs}. */
  static IndexSettings of(LockRequest request, Inputs inputs) {
    ToolSettings tool = inputs.settings();
    String primary = request.indexUrl()
        .orElse(inputs.hints().indexUrl != null ? inputs.hints().indexUrl : tool.indexUrl());
    if (primary == null) {
      primary = PypiIndex.PYPI;
    }
    List<String> extra = new ArrayList<>();
    for (String url : request.extraIndexUrls()) {
      add(extra, location(url, "--extra-index-url"));
    }
    inputs.hints().extraIndexUrls.forEach(url -> add(extra, location(url, "--extra-index-url")));
    for (String url : tool.extraIndexUrls()) {
      add(extra, location(url, "extra-index-urls"));
    }
    List<String> urls = new ArrayList<>();
    if (!inputs.hints().noIndex || request.indexUrl().isPresent()) {
      urls.add(location(primary, "--index-url"));
    }
    extra.forEach(url -> add(urls, url));
    if (urls.isEmpty()) {
      throw new InvalidInputException(
          "--no-index leaves no index to read from; give --index-url", "--no-index");
    }
    IndexStrategy strategy = request.indexStrategy().orElseGet(() ->
        tool.indexStrategy() == null
            ? IndexStrategy.FIRST_INDEX
            : IndexStrategy.parse(tool.indexStrategy()));
    Instant newer = request.excludeNewer().orElseGet(() ->
        tool.excludeNewer() == null ? null : ToolSettings.parseExcludeNewer(tool.excludeNewer()));
    Map<ProjectName, String> pins = new LinkedHashMap<>();
    request.indexPins().forEach((name, url) -> pins.put(name, location(url, "--index")));
    if (inputs.pyproject() != null) {
      for (IndexPin index : inputs.pyproject().indexes()) {
        for (ProjectName name : index.projects()) {
          pins.putIfAbsent(name, index.url());
        }
      }
    }
    return new IndexSettings(urls, strategy, pins, request.offline(),
        request.cacheDirectory().orElse(null), newer, request.threads(),
        request.requestTimeout().orElse(null));
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
}
