package org.pylock4j.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.ToolSettings;
import org.pylock4j.locker.LockRequest;
import org.pylock4j.resolve.ResolverOptions;
import picocli.CommandLine.Option;

/** Which versions to prefer, and the resolver's limits. */
final class PolicyOptions {

  @Option(
      names = "--prerelease",
      paramLabel = "POLICY",
      description = "disallow, if-necessary-or-explicit (default), or allow.")
  String prerelease;

  @Option(
      names = "--resolution",
      paramLabel = "STRATEGY",
      description = "highest (default), lowest, or lowest-direct.")
  String resolution;

  @Option(
      names = "--resolver-timeout",
      paramLabel = "DURATION",
      description = "The time budget of the whole resolution: seconds, or with a unit (90s, 10m,"
          + " 1h, or ISO-8601 PT10M). Default: 10m. Exceeding it is exit 4.")
  String resolverTimeout;

  @Option(
      names = "--max-rounds",
      paramLabel = "N",
      description = "The most rounds of fetching metadata and solving again. Default: 1000."
          + " Exceeding it is exit 4.")
  Integer maxRounds;

  @Option(
      names = "--explanation-timeout",
      paramLabel = "DURATION",
      description = "The time spent on making the explanation of an unsatisfiable request"
          + " minimal, once that is proven (as --resolver-timeout). Default: 10s. When it runs"
          + " out, a true but longer explanation is given (still exit 1).")
  String explanationTimeout;

  @Option(
      names = "--max-explanation-conflicts",
      paramLabel = "N",
      description = "The most solver conflicts spent on that explanation. Default: 100000.")
  Long maxExplanationConflicts;

  @Option(
      names = "--max-projects",
      paramLabel = "N",
      description = "The most distinct projects a resolution may consider, requirements and their"
          + " dependencies together. Default: 10000. Too many requirements is exit 2; too many"
          + " dependencies is exit 4.")
  Integer maxProjects;

  /**
   * The option of each library setting a limit's message names: {@code ResolverOptions.x} for the
   * resolver's limits, {@code from x} for the index, input and OSV limits ({@code LockRequest},
   * {@code PypiIndex}, {@code VulnerabilityAudit}). The one place where the command line renames
   * them.
   */
  private static final java.util.Map<String, String> RESOLVER_OPTION = java.util.Map.of(
      "timeout", "--resolver-timeout",
      "maxRounds", "--max-rounds",
      "maxProjects", "--max-projects",
      "explanationTimeout", "--explanation-timeout",
      "maxExplanationConflicts", "--max-explanation-conflicts");
  private static final java.util.Map<String, String> FROM_OPTION = java.util.Map.of(
      "requestTimeout", "--request-timeout",
      "maxPageBytes", "--max-page-bytes",
      "maxMetadataBytes", "--max-metadata-bytes",
      "maxFileBytes", "--max-file-bytes",
      "maxOsvResponseBytes", "--max-osv-response-bytes",
      "maxResponseBytes", "--max-osv-response-bytes",
      "maxInputBytes", "--max-input-size");

  private static final Pattern SETTING = Pattern.compile(
      "(ResolverOptions\\.|\\bfrom )([A-Za-z]+)\\b");

  /**
   * {@code message} with each library setting it names ({@code ResolverOptions.timeout}, {@code
   * from requestTimeout}, {@code from maxFileBytes} …) replaced by the option that sets it, so a
   * limit's message names what the user can change.
   */
  static String optionNames(String message) {
    if (message == null) {
      return null;
    }
    return SETTING.matcher(message).replaceAll(m -> {
      boolean from = m.group(1).startsWith("from");
      String option = (from ? FROM_OPTION : RESOLVER_OPTION).get(m.group(2));
      return Matcher.quoteReplacement(option == null ? m.group() : from ? "from " + option : option);
    });
  }

  /** The resolver's limits: these options, else the defaults. */
  ResolverOptions limits() {
    ResolverOptions d = ResolverOptions.DEFAULTS;
    int rounds = maxRounds != null ? maxRounds : d.maxRounds();
    if (rounds < 1) {
      throw new InvalidInputException("--max-rounds must be positive, not " + rounds, "" + rounds);
    }
    long conflicts =
        maxExplanationConflicts != null ? maxExplanationConflicts : d.maxExplanationConflicts();
    if (conflicts < 0) {
      throw new InvalidInputException(
          "--max-explanation-conflicts must not be negative, not " + conflicts, "" + conflicts);
    }
    int projects = maxProjects != null ? maxProjects : d.maxProjects();
    if (projects < 1) {
      throw new InvalidInputException(
          "--max-projects must be positive, not " + projects, "" + projects);
    }
    return new ResolverOptions(
        rounds,
        d.maxParallelFetches(),
        duration("--resolver-timeout", resolverTimeout, d.timeout(), false),
        duration("--explanation-timeout", explanationTimeout, d.explanationTimeout(), true),
        conflicts,
        projects);
  }

  /** {@code 90}, {@code 90s}, {@code 500ms}, {@code 10m}, {@code 1h} or ISO-8601 {@code PT10M}. */
  static Duration duration(String option, String value, Duration fallback, boolean zeroAllowed) {
    if (value == null) {
      return fallback;
    }
    Duration d;
    Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        d = switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      } else {
        d = Duration.parse(value.strip());
      }
    } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
      d = null;
    }
    if (d == null || d.isNegative() || (d.isZero() && !zeroAllowed)) {
      throw new InvalidInputException(
          option + " must be a " + (zeroAllowed ? "" : "positive ")
              + "duration such as 90s, 10m or PT10M, not '" + value + "'",
          value);
    }
    return d;
  }

  private static final Pattern DURATION = Pattern.compile("([0-9]{1,12})\\s*(ms|s|m|h)?");

  /** Adds the policies given to {@code request} (else [tool.pylock4j], else the defaults). */
  void applyTo(LockRequest.Builder request) {
    request.resolverOptions(limits());
    if (prerelease != null) {
      request.prereleases(ToolSettings.parsePrerelease(prerelease));
    }
    if (resolution != null) {
      request.strategy(ToolSettings.parseResolution(resolution));
    }
  }
}
