package org.pylock4j.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.pylock4j.lock.LockFile;
import org.pylock4j.lock.Pylock;
import org.pylock4j.lock.RequirementsTxt;
import org.pylock4j.locker.LockRequest;
import org.pylock4j.locker.Locker;
import org.pylock4j.trust.AuditReport;
import org.pylock4j.trust.Finding;
import org.pylock4j.trust.VulnerabilityAudit;

/**
 * Fails the build when a locked package version has a known vulnerability in OSV, online or in an
 * offline export ({@code <osvExport>}), unless ignored ({@code <ignoreVulnerabilities>}) or rated
 * below {@code <failOnSeverity>}. Offline ({@code mvn -o}) it needs the export.
 */
@Mojo(name = "audit", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class AuditMojo extends AbstractPylockMojo {

  /**
   * The lowest rating that fails the build: {@code LOW} (every finding, the default), {@code
   * MODERATE}, {@code HIGH} or {@code CRITICAL}. Findings below it are logged as warnings; a
   * finding without a database rating always fails.
   */
  @Parameter(property = "pylock4j.failOnSeverity", defaultValue = "LOW")
  protected String failOnSeverity;

  @Override
  void run(Locker locker) throws MojoExecutionException, MojoFailureException {
    if (nothingToDo()) {
      return;
    }
    Path lock = lockFile();
    if (!Files.isRegularFile(lock)) {
      throw new MojoFailureException("No lock at " + lock + ": run mvn pylock4j:lock to write it");
    }
    SeverityLevel threshold;
    try {
      threshold = SeverityLevel.parse(failOnSeverity);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage());
    }
    if (session.isOffline() && osvExport == null) {
      throw new MojoFailureException("audit offline (-o) needs an OSV export: set <osvExport>");
    }
    LockFile file = locker.read(lock);
    // the locker's advisory database: settings.xml's proxies, as the lock goal's
    LockRequest.Builder database = LockRequest.builder();
    if (osvExport != null) {
      database.osvExport(osvExport.toPath());
    } else if (osvUrl != null && !osvUrl.isBlank()) {
      database.osvUrl(osvUrl);
    }
    ignoreVulnerabilities.forEach(database::ignoreVulnerability);
    getLog().info("Auditing " + displayName(lock) + " against "
        + (osvExport != null ? "OSV export " + osvExport : "OSV"));
    AuditReport report;
    try (VulnerabilityAudit audit = locker.advisories(database.build())) {
      report = file instanceof Pylock pylock ? audit.audit(pylock) : audit.audit((RequirementsTxt) file);
    }
    report.ignored().forEach(f -> getLog().info("ignored " + f.affected() + ": " + f.ids()));
    List<Finding> failing = new ArrayList<>();
    for (Finding finding : report.findings()) {
      if (SeverityLevel.of(finding).fails(threshold)) {
        failing.add(finding);
      } else {
        getLog().warn(finding.message() + " (below failOnSeverity " + threshold + ")");
      }
    }
    int checked = report.checked().size();
    if (failing.isEmpty()) {
      getLog().info("No known vulnerability at or above " + threshold + " in " + checked
          + " packages of " + displayName(lock));
      return;
    }
    StringBuilder message = new StringBuilder().append(failing.size())
        .append(failing.size() == 1 ? " known vulnerability" : " known vulnerabilities")
        .append(" in ").append(displayName(lock)).append(':');
    failing.forEach(f -> message.append(System.lineSeparator()).append("  ").append(f.message()));
    throw new MojoFailureException(message.toString());
  }
}
