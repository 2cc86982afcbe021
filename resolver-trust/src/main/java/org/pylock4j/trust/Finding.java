package org.pylock4j.trust;

import java.util.List;
import java.util.Objects;

/**
 * A known vulnerability of one package version.
 *
 * @param affected the package version it affects
 * @param id the advisory id (OSV {@code id}: {@code GHSA-…}, {@code PYSEC-…}, …)
 * @param aliases other ids of the same vulnerability ({@code CVE-…}, {@code GHSA-…}, {@code
 *     PYSEC-…}), in the advisory's order
 * @param summary the one-line summary, or the first line of the details when there is none; may
 *     be empty
 * @param fixedVersions the versions that fix it and are newer than the affected one, oldest
 *     first; empty when no fix is known
 * @param severity the ratings the advisory gives, possibly none
 */
public record Finding(
    PackageVersion affected,
    String id,
    List<String> aliases,
    String summary,
    List<String> fixedVersions,
    List<Severity> severity) {

  /**
   * Copies the lists.
   *
   * @param affected the package version it affects
   * @param id the advisory id (OSV {@code id}: {@code GHSA-…}, {@code PYSEC-…}, …)
   * @param aliases other ids of the same vulnerability ({@code CVE-…}, {@code GHSA-…}, {@code
   *     PYSEC-…}), in the advisory's order
   * @param summary the one-line summary, or the first line of the details when there is none; may
   *     be empty
   * @param fixedVersions the versions that fix it and are newer than the affected one, oldest
   *     first; empty when no fix is known
   * @param severity the ratings the advisory gives, possibly none
   */
  public Finding {
    Objects.requireNonNull(affected, "affected");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(summary, "summary");
    aliases = List.copyOf(aliases);
    fixedVersions = List.copyOf(fixedVersions);
    severity = List.copyOf(severity);
  }

  /**
   * Whether the advisory reports malicious code (an OSV {@code MAL-} record, from the OpenSSF
   * malicious-packages feed): the release itself is the attack, there is nothing to fix but to
   * remove it.
   *
   * @return true when the advisory reports malware
   */
  public boolean isMalware() {
    return id.regionMatches(true, 0, "MAL-", 0, 4)
        || aliases.stream().anyMatch(a -> a.regionMatches(true, 0, "MAL-", 0, 4));
  }

  /**
   * Whether {@code idOrAlias} names this vulnerability (its id or one of its aliases).
   *
   * @param idOrAlias an id or alias, e.g. {@code CVE-2023-32681}; must not be null
   * @return true when it is this finding's id or one of its aliases
   */
  public boolean isNamed(String idOrAlias) {
    return id.equalsIgnoreCase(idOrAlias) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(idOrAlias));
  }

  /**
   * {@return the id followed by the aliases in parentheses, e.g. {@code GHSA-j8r2-6x86-q33q (CVE-2023-32681, PYSEC-2023-74)}}
   */
  public String ids() {
    return aliases.isEmpty() ? id : id + " (" + String.join(", ", aliases) + ")";
  }

  /**
   * One line for a person, starting with {@code MALWARE: } for a {@linkplain #isMalware()
   * malware} report: {@code requests==2.30.0: GHSA-j8r2-6x86-q33q (CVE-2023-32681,
   * PYSEC-2023-74) Unintended leak of Proxy-Authorization header; fixed in 2.31.0; severity
   * CVSS_V3 CVSS:3.1/…, DATABASE MODERATE}.
   *
   * @return the line, never null
   */
  public String message() {
    StringBuilder b = new StringBuilder();
    if (isMalware()) {
      b.append("MALWARE: ");
    }
    b.append(affected).append(": ").append(ids());
    if (!summary.isEmpty()) {
      b.append(' ').append(summary);
    }
    b.append(fixedVersions.isEmpty() ? "; no fixed version known" : "; fixed in " + String.join(", ", fixedVersions));
    if (!severity.isEmpty()) {
      b.append("; severity ");
      b.append(String.join(", ", severity.stream().map(Severity::toString).toList()));
    }
    return b.toString();
  }
}
