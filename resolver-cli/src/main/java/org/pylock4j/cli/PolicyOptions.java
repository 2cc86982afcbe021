package org.pylock4j.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.ToolSettings;
import org.pylock4j.resolve.PrereleasePolicy;
import org.pylock4j.resolve.ResolutionStrategy;
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

  /** The resolver's limits: these options, else the defaults. */
  ResolverOptions limits(int threads) {
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
    return new ResolverOptions(
        rounds,
        threads,
        duration("--resolver-timeout", resolverTimeout, d.timeout(), false),
        duration("--explanation-timeout", explanationTimeout, d.explanationTimeout(), true),
        conflicts);
  }

  /** {@code 90}, {@code 90s}, {@code 500ms}, {@code 10m}, {@code 1h} or ISO-8601 {@code PT10M}. */
  static Duration duration(String option, String value, Duration fallback, boolean zeroAllowed) {
    if (value == null) {
      return fallback;
    }
    Duration d = null;
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

  /** The pre-release policy: the option, else --pre in a file, else the project's setting. */
  PrereleasePolicy prereleases(Inputs inputs) {
    String value = prerelease != null ? prerelease : inputs.settings().prerelease();
    if (value == null) {
      return inputs.hints().prereleases
          ? PrereleasePolicy.ALLOW
          : PrereleasePolicy.IF_NECESSARY_OR_EXPLICIT;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "disallow" -> PrereleasePolicy.DISALLOW;
      case "if-necessary-or-explicit" -> PrereleasePolicy.IF_NECESSARY_OR_EXPLICIT;
      case "allow" -> PrereleasePolicy.ALLOW;
      default -> throw new InvalidInputException(
          "prerelease must be disallow, if-necessary-or-explicit or allow, not '" + value + "'",
          value);
    };
  }

  /** The strategy: the option, else the project's setting, else highest. */
  ResolutionStrategy strategy(ToolSettings settings) {
    String value = resolution != null ? resolution : settings.resolution();
    if (value == null) {
      return ResolutionStrategy.HIGHEST;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "highest" -> ResolutionStrategy.HIGHEST;
      case "lowest" -> ResolutionStrategy.LOWEST;
      case "lowest-direct" -> ResolutionStrategy.LOWEST_DIRECT;
      default -> throw new InvalidInputException(
          "resolution must be highest, lowest or lowest-direct, not '" + value + "'", value);
    };
  }
}
