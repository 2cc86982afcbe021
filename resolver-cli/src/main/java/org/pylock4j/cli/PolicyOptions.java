package org.pylock4j.cli;

import java.util.Locale;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.ToolSettings;
import org.pylock4j.resolve.PrereleasePolicy;
import org.pylock4j.resolve.ResolutionStrategy;
import picocli.CommandLine.Option;

/** Which versions to prefer. */
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
