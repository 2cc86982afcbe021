package org.pylock4j.trust;

import java.util.Objects;

/**
 * One severity rating of a vulnerability, as OSV gives it.
 *
 * @param type {@code CVSS_V2}, {@code CVSS_V3}, {@code CVSS_V4}, {@code Ubuntu} (the OSV {@code
 *     severity[].type}), or {@code DATABASE} for a database's own rating ({@code
 *     database_specific.severity}, e.g. GitHub's {@code HIGH})
 * @param score the CVSS vector (e.g. {@code CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:H/I:N/A:N}) or the
 *     rating
 */
public record Severity(String type, String score) {

  /** The type of a database's own rating. */
  public static final String DATABASE = "DATABASE";

  /**
   * Checks the fields.
   *
   * @param type {@code CVSS_V2}, {@code CVSS_V3}, {@code CVSS_V4}, {@code Ubuntu} (the OSV {@code
   *     severity[].type}), or {@code DATABASE} for a database's own rating ({@code
   *     database_specific.severity}, e.g. GitHub's {@code HIGH})
   * @param score the CVSS vector (e.g. {@code CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:H/I:N/A:N}) or the
   *     rating
   */
  public Severity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(score, "score");
  }

  @Override
  public String toString() {
    return type + " " + score;
  }
}
