package org.pylock4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.DeclaredRequirement;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.Resolver;
import org.pylock4j.trust.BuildReport;
import org.pylock4j.trust.TyposquatCheck;
import org.pylock4j.trust.TyposquatWarning;
import org.pylock4j.trust.VulnerabilityAudit;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The supply-chain checks of {@code lock}: typosquat warnings on the requested names ({@code
 * --strict} makes them errors), vulnerability-aware resolution ({@code --avoid-vulnerable}), and
 * a warning for each locked package without a wheel.
 */
final class TrustOptions {

  @Option(
      names = "--strict",
      description =
          "Refuse (exit 2) a requested name that looks like a popular project's (a likely"
              + " typosquat) instead of warning about it.")
  boolean strict;

  @Option(
      names = "--avoid-vulnerable",
      description =
          "Lock the newest versions with no known vulnerability (OSV); when only vulnerable"
              + " versions satisfy a requirement, exit 1 and say which.")
  boolean avoidVulnerable;

  @Mixin OsvOptions osv = new OsvOptions();

  @Option(
      names = "--ignore-vuln",
      paramLabel = "ID",
      split = ",",
      description = "With --avoid-vulnerable: do not avoid this vulnerability (id or alias).")
  List<String> ignoreVulns = new ArrayList<>();

  /**
   * Checks the options, then the names of the root requirements before anything is fetched: a
   * warning each, or with {@code --strict} a {@code TyposquatException} (bad input).
   */
  void checkNames(Inputs inputs, Reporter reporter) {
    if (!avoidVulnerable && (osv.given() || !ignoreVulns.isEmpty())) {
      throw new InvalidInputException(
          "--osv-url, --osv-offline and --ignore-vuln need --avoid-vulnerable",
          "--avoid-vulnerable");
    }
    List<Requirement> roots = new ArrayList<>();
    for (DeclaredRequirement r : inputs.roots()) {
      roots.add(r.requirement());
    }
    TyposquatCheck check = TyposquatCheck.standard();
    if (strict) {
      check.requireNoWarnings(roots);
      return;
    }
    for (Map.Entry<ProjectName, List<TyposquatWarning>> e :
        check.checkRequirements(roots).entrySet()) {
      for (TyposquatWarning w : e.getValue()) {
        reporter.warning(w.message() + " (a typosquat? check the name; --strict refuses it)");
      }
    }
  }

  /** Resolves {@code request}, avoiding vulnerable versions when asked to. */
  Resolution resolve(Resolver resolver, ResolutionRequest request) {
    if (!avoidVulnerable) {
      return resolver.resolve(request);
    }
    try (VulnerabilityAudit audit = osv.open(ignoreVulns)) {
      return audit.resolveAvoidingVulnerable(resolver, request);
    }
  }

  /** A warning for each locked package an installer would have to build. */
  static void reportBuilds(Resolution resolution, Reporter reporter) {
    for (BuildReport.Build build : BuildReport.of(resolution)) {
      reporter.warning(
          build.message() + ": it would run code at install time (--only-binary refuses sdists)");
    }
  }
}
