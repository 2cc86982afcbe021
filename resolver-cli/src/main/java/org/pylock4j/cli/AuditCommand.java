package org.pylock4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pylock4j.lock.LockFile;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.Pylock;
import org.pylock4j.lock.RequirementsTxt;
import org.pylock4j.trust.AuditReport;
import org.pylock4j.trust.Finding;
import org.pylock4j.trust.VulnerabilityAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pylock4j audit}: the known vulnerabilities of a lock's packages. */
@Command(
    name = "audit",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "List the known vulnerabilities of a lock's packages.",
    description = {
      "Looks up the known vulnerabilities of every locked package version in OSV",
      "(online, or in an offline export) and prints one line per finding on stdout:",
      "package==version, advisory id and aliases (CVE, GHSA, PYSEC), summary, fixed",
      "versions and severity."
    },
    footer = {
      "",
      "Exit codes: 0 no known vulnerability; 1 something found; 2 bad input (lock",
      "file or options); 3 the vulnerability database cannot be read; 4 other failure."
    })
final class AuditCommand extends Base {

  @Parameters(index = "0", paramLabel = "LOCK", description = "The lock: pylock.toml or a .txt.")
  Path lock;

  @Mixin OsvOptions osv = new OsvOptions();

  @Option(
      names = "--ignore",
      paramLabel = "ID",
      split = ",",
      description = "Do not report this vulnerability (its id or an alias). Repeatable.")
  List<String> ignore = new ArrayList<>();

  AuditCommand(CliContext context) {
    super(context);
  }

  @Override
  int run() {
    LockFile file = LockFiles.read(lock, maxInput());
    AuditReport report;
    try (VulnerabilityAudit audit = osv.open(ignore, this)) {
      report = file instanceof Pylock p ? audit.audit(p) : audit.audit((RequirementsTxt) file);
    }
    for (Finding f : report.findings()) {
      context.out().println(f.message());
    }
    context.out().flush();
    for (Finding f : report.ignored()) {
      reporter.notice("ignored " + f.affected() + ": " + f.ids());
    }
    int checked = report.checked().size();
    String packages = checked + (checked == 1 ? " package" : " packages");
    if (!report.hasFindings()) {
      reporter.info("No known vulnerabilities in " + packages + " of " + lock);
      return Exit.OK;
    }
    int found = report.findings().size();
    int vulnerable = report.vulnerablePackages().size();
    long malware = report.findings().stream().filter(Finding::isMalware).count();
    if (malware > 0) {
      reporter.warning(malware + (malware == 1 ? " report" : " reports") + " of MALWARE: remove "
          + "those versions and treat the machines that installed them as compromised");
    }
    reporter.info(
        found + (found == 1 ? " known vulnerability" : " known vulnerabilities") + " in "
            + vulnerable + " of " + packages + " of " + lock);
    return Exit.NO;
  }
}
