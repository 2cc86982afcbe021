package org.pylock4j.input;

import java.util.List;
import java.util.Optional;

/**
 * The {@code [tool.pylock4j]} table of a {@code pyproject.toml}: defaults for the options of a
 * lock, overridden by anything given on the command line.
 *
 * <pre>{@code
 * [tool.pylock4j]
 * index-url = "https://pypi.org/simple/"
 * extra-index-urls = ["https://example.org/simple/"]
 * index-strategy = "first-index"            # or "unsafe-best-match"
 * prerelease = "if-necessary-or-explicit"   # or "disallow", "allow"
 * resolution = "highest"                    # or "lowest", "lowest-direct"
 * exclude-newer = "2025-01-01T00:00:00Z"
 * constraint-dependencies = ["urllib3<2"]
 * }</pre>
 *
 * <p>Values are kept as written (after checking their type); the caller interprets them.
 *
 * @param indexUrl {@code index-url} (a relative directory made absolute as a file: URI), or null
 * @param extraIndexUrls {@code extra-index-urls}, empty when not set
 * @param indexStrategy {@code index-strategy}, or null
 * @param prerelease {@code prerelease}, or null
 * @param resolution {@code resolution}, or null
 * @param excludeNewer {@code exclude-newer}, or null
 * @param constraints {@code constraint-dependencies}, parsed, empty when not set
 */
public record ToolSettings(
    String indexUrl,
    List<String> extraIndexUrls,
    String indexStrategy,
    String prerelease,
    String resolution,
    String excludeNewer,
    List<DeclaredRequirement> constraints) {

  /** No settings. */
  public static final ToolSettings NONE =
      new ToolSettings(null, List.of(), null, null, null, null, List.of());

  /**
   * Copies the lists.
   *
   * @param indexUrl {@code index-url} (a relative directory made absolute as a file: URI), or null
   * @param extraIndexUrls {@code extra-index-urls}, empty when not set
   * @param indexStrategy {@code index-strategy}, or null
   * @param prerelease {@code prerelease}, or null
   * @param resolution {@code resolution}, or null
   * @param excludeNewer {@code exclude-newer}, or null
   * @param constraints {@code constraint-dependencies}, parsed, empty when not set
   */
  public ToolSettings {
    extraIndexUrls = List.copyOf(extraIndexUrls);
    constraints = List.copyOf(constraints);
  }

  /** {@return {@code index-url}, if set} */
  public Optional<String> indexUrlIfSet() {
    return Optional.ofNullable(indexUrl);
  }

  /** {@return {@code index-strategy}, if set} */
  public Optional<String> indexStrategyIfSet() {
    return Optional.ofNullable(indexStrategy);
  }

  /** {@return {@code prerelease}, if set} */
  public Optional<String> prereleaseIfSet() {
    return Optional.ofNullable(prerelease);
  }

  /** {@return {@code resolution}, if set} */
  public Optional<String> resolutionIfSet() {
    return Optional.ofNullable(resolution);
  }

  /** {@return {@code exclude-newer}, if set} */
  public Optional<String> excludeNewerIfSet() {
    return Optional.ofNullable(excludeNewer);
  }

  /**
   * Parses a pre-release policy as written in {@code [tool.pylock4j]} or on the command line:
   * {@code disallow}, {@code if-necessary-or-explicit} or {@code allow} (any case).
   *
   * @param value the text, must not be null
   * @return the policy, never null
   * @throws org.pylock4j.error.InvalidInputException naming the value when it is none of these
   */
  public static org.pylock4j.resolve.PrereleasePolicy parsePrerelease(String value) {
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "disallow" -> org.pylock4j.resolve.PrereleasePolicy.DISALLOW;
      case "if-necessary-or-explicit" ->
          org.pylock4j.resolve.PrereleasePolicy.IF_NECESSARY_OR_EXPLICIT;
      case "allow" -> org.pylock4j.resolve.PrereleasePolicy.ALLOW;
      default -> throw new org.pylock4j.error.InvalidInputException(
          "prerelease must be disallow, if-necessary-or-explicit or allow, not '" + value + "'",
          value);
    };
  }

  /**
   * Parses a resolution strategy: {@code highest}, {@code lowest} or {@code lowest-direct}.
   *
   * @param value the text, must not be null
   * @return the strategy, never null
   * @throws org.pylock4j.error.InvalidInputException naming the value when it is none of these
   */
  public static org.pylock4j.resolve.ResolutionStrategy parseResolution(String value) {
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "highest" -> org.pylock4j.resolve.ResolutionStrategy.HIGHEST;
      case "lowest" -> org.pylock4j.resolve.ResolutionStrategy.LOWEST;
      case "lowest-direct" -> org.pylock4j.resolve.ResolutionStrategy.LOWEST_DIRECT;
      default -> throw new org.pylock4j.error.InvalidInputException(
          "resolution must be highest, lowest or lowest-direct, not '" + value + "'", value);
    };
  }

  private static final java.util.regex.Pattern RELATIVE = java.util.regex.Pattern.compile(
      "(\\d{1,9})\\s*(second|minute|hour|day|week)s?", java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * Parses an exclude-newer value relative to the present moment; see {@link
   * #parseExcludeNewer(String, java.time.Instant)}.
   *
   * @param text the text, must not be null
   * @return the instant, never null
   * @throws org.pylock4j.error.InvalidInputException naming the text when it is none of those
   */
  public static java.time.Instant parseExcludeNewer(String text) {
    return parseExcludeNewer(text, java.time.Instant.now());
  }

  /**
   * Parses an exclude-newer value: a date (midnight UTC, {@code 2024-01-31}), an RFC 3339 time
   * ({@code 2024-01-31T12:00:00Z}), or a time before {@code now} — a dependency cooldown, as uv
   * and pip take it: {@code 7 days}, {@code 24 hours}, {@code 2 weeks}, or an ISO 8601 duration
   * ({@code P7D}, {@code PT12H}, {@code P1W}).
   *
   * @param text the text, must not be null
   * @param now the moment a relative value counts back from, must not be null
   * @return the instant, never null
   * @throws org.pylock4j.error.InvalidInputException naming the text when it is none of those
   */
  public static java.time.Instant parseExcludeNewer(String text, java.time.Instant now) {
    String value = text.strip();
    try {
      return java.time.Instant.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      // not an instant
    }
    try {
      return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      // not a date
    }
    try {
      java.util.regex.Matcher m = RELATIVE.matcher(value);
      if (m.matches()) {
        java.time.temporal.ChronoUnit unit = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
          case "second" -> java.time.temporal.ChronoUnit.SECONDS;
          case "minute" -> java.time.temporal.ChronoUnit.MINUTES;
          case "hour" -> java.time.temporal.ChronoUnit.HOURS;
          default -> java.time.temporal.ChronoUnit.DAYS;
        };
        long amount = Long.parseLong(m.group(1));
        if (m.group(2).toLowerCase(java.util.Locale.ROOT).equals("week")) {
          // a Duration takes no weeks (an "estimated" unit): count them as 7 days each
          amount = Math.multiplyExact(amount, 7L);
        }
        return now.minus(java.time.Duration.of(amount, unit));
      }
      if (value.regionMatches(true, 0, "P", 0, 1)) {
        String upper = value.toUpperCase(java.util.Locale.ROOT);
        if (upper.contains("T")) {
          java.time.Duration d = java.time.Duration.parse(upper);
          if (!d.isNegative()) {
            return now.minus(d);
          }
        } else {
          java.time.Period p = java.time.Period.parse(upper);
          if (!p.isNegative()) {
            return now.atZone(java.time.ZoneOffset.UTC).minus(p).toInstant();
          }
        }
      }
    } catch (java.time.DateTimeException | ArithmeticException | NumberFormatException e) {
      // reported below, in words (out of range, unsupported unit, not a number)
    }
    throw new org.pylock4j.error.InvalidInputException(
        "exclude-newer must be a date (2024-01-31), an RFC 3339 time (2024-01-31T12:00:00Z) or a"
            + " time before now (7 days, 24 hours, 2 weeks, P7D), not '" + text + "'",
        text);
  }
}
