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
 * --strict} makes them errors), vulnerability-aware resolution ({@code --avoid-vulnerable}; malware
 * is left out whenever an OSV database is given, or with {@code --refuse-malware}), and a warning
 * for each locked package without a wheel.
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

  @Option(
      names = "--refuse-malware",
      description =
          "Never lock a version OSV reports as malware (a MAL- record): leave it out, warn"
              + " naming the record, and exit 1 when nothing else satisfies the requirements. On"
              + " whenever an OSV database is given (--osv-url, --osv-offline, --avoid-vulnerable);"
              + " alone it asks the OSV API. Without any of these, lock consults no advisory"
              + " database.")
  boolean refuseMalware;

  @Mixin OsvOptions osv = new OsvOptions();

  @Option(
      names = "--ignore-vuln",
      paramLabel = "ID",
      split = ",",
      description = "Do not avoid this vulnerability (id or alias); for a MAL- record, admit the"
          + " version it reports as malware.")
  List<String> ignoreVulns = new ArrayList<>();

  /** Checks the options and adds them to {@code request}. */
  void applyTo(LockRequest.Builder request) {
    if (!avoidVulnerable && !refuseMalware && !osv.given() && !ignoreVulns.isEmpty()) {
      throw new InvalidInputException(
          "--ignore-vuln needs an advisory database: --osv-offline, --osv-url, --refuse-malware"
              + " or --avoid-vulnerable",
          "--ignore-vuln");
    }
    request.strictNames(strict).avoidVulnerable(avoidVulnerable).refuseMalware(refuseMalware);
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
