package org.pylock4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.locker.LockRequest;
import org.pylock4j.locker.LockResult;
import org.pylock4j.trust.BuildReport;
import org.pylock4j.trust.TyposquatWarning;
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

  /** Checks the options and adds them to {@code request}. */
  void applyTo(LockRequest.Builder request) {
    if (!avoidVulnerable && (osv.given() || !ignoreVulns.isEmpty())) {
      throw new InvalidInputException(
          "--osv-url, --osv-offline and --ignore-vuln need --avoid-vulnerable",
          "--avoid-vulnerable");
    }
    request.strictNames(strict).avoidVulnerable(avoidVulnerable);
    osv.applyTo(request);
    ignoreVulns.forEach(request::ignoreVulnerability);
  }

  /** Prints typosquat warnings on the requested names. */
  static void report(List<TyposquatWarning> typosquats, Reporter reporter) {
    for (TyposquatWarning w : typosquats) {
      reporter.warning(w.message() + " (a typosquat? check the name; --strict refuses it)");
    }
  }

  /** A warning for each locked package an installer would have to build. */
  static void reportBuilds(LockResult result, Reporter reporter) {
    for (BuildReport.Build build : result.builds()) {
      reporter.warning(
          build.message() + ": it would run code at install time (--only-binary refuses sdists)");
    }
  }
}
