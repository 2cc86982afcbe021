package org.pylock4j.trust;

import java.util.List;

/**
 * The result of a {@link VulnerabilityAudit}.
 *
 * @param checked the package versions looked up, sorted
 * @param findings the known vulnerabilities, sorted by package, then id; ignored ones excluded
 * @param ignored the findings that an ignore entry matched (by id or alias), same order
 */
public record AuditReport(List<PackageVersion> checked, List<Finding> findings, List<Finding> ignored) {

  /**
   * Copies the lists.
   *
   * @param checked the package versions looked up, sorted
   * @param findings the known vulnerabilities, sorted by package, then id; ignored ones excluded
   * @param ignored the findings that an ignore entry matched (by id or alias), same order
   */
  public AuditReport {
    checked = List.copyOf(checked);
    findings = List.copyOf(findings);
    ignored = List.copyOf(ignored);
  }

  /**
   * {@return whether something (not ignored) was found: {@code pylock4j audit} exits non-zero then}
   */
  public boolean hasFindings() {
    return !findings.isEmpty();
  }

  /** {@return the distinct package versions with at least one finding, sorted} */
  public List<PackageVersion> vulnerablePackages() {
    return findings.stream().map(Finding::affected).distinct().sorted().toList();
  }
}
