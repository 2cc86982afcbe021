package org.pylock4j.maven;

import java.util.List;
import java.util.Locale;
import org.pylock4j.trust.Finding;
import org.pylock4j.trust.Severity;

/**
 * The threshold of {@code audit}'s {@code failOnSeverity}, on the scale of the advisory databases'
 * own ratings (OSV's {@code database_specific.severity}: GitHub's LOW, MODERATE, HIGH, CRITICAL).
 * A finding is rated by its highest database rating; a finding without one is rated {@link
 * #UNKNOWN} and fails the build at every threshold, since nothing says it is harmless.
 */
enum SeverityLevel {
  LOW,
  MODERATE,
  HIGH,
  CRITICAL,
  UNKNOWN;

  /** Parses a threshold; {@code MEDIUM} is {@code MODERATE}. */
  static SeverityLevel parse(String text) {
    String key = text.strip().toUpperCase(Locale.ROOT);
    if (key.equals("MEDIUM")) {
      return MODERATE;
    }
    for (SeverityLevel level : List.of(LOW, MODERATE, HIGH, CRITICAL)) {
      if (level.name().equals(key)) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "failOnSeverity " + text + " is not one of LOW, MODERATE, HIGH, CRITICAL");
  }

  /** The highest database rating of {@code finding}, or {@link #UNKNOWN}. */
  static SeverityLevel of(Finding finding) {
    SeverityLevel best = null;
    for (Severity s : finding.severity()) {
      if (!Severity.DATABASE.equals(s.type())) {
        continue;
      }
      SeverityLevel level;
      try {
        level = parse(s.score());
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (best == null || level.ordinal() > best.ordinal()) {
        best = level;
      }
    }
    return best == null ? UNKNOWN : best;
  }

  /** Whether a finding rated this fails a build whose threshold is {@code threshold}. */
  boolean fails(SeverityLevel threshold) {
    return ordinal() >= threshold.ordinal();
  }
}
