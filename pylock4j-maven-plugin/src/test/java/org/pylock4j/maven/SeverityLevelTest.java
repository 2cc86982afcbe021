package org.pylock4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.trust.Finding;
import org.pylock4j.trust.PackageVersion;
import org.pylock4j.trust.Severity;
import org.pylock4j.version.Version;

class SeverityLevelTest {

  private static Finding finding(Severity... severity) {
    return new Finding(new PackageVersion(ProjectName.of("requests"), Version.parse("2.30.0")),
        "GHSA-j8r2-6x86-q33q", List.of("CVE-2023-32681"), "leak", List.of("2.31.0"), List.of(severity));
  }

  @Test
  void aFindingIsRatedByItsHighestDatabaseRating() {
    assertEquals(SeverityLevel.HIGH, SeverityLevel.of(finding(
        new Severity(Severity.DATABASE, "MODERATE"), new Severity(Severity.DATABASE, "HIGH"),
        new Severity("CVSS_V3", "CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:H/I:N/A:N"))));
  }

  @Test
  void aFindingWithoutADatabaseRatingIsUnknownAndFailsEveryThreshold() {
    SeverityLevel level = SeverityLevel.of(finding(new Severity("CVSS_V3", "CVSS:3.1/AV:N")));
    assertEquals(SeverityLevel.UNKNOWN, level);
    assertTrue(level.fails(SeverityLevel.CRITICAL));
  }

  @Test
  void aThresholdLetsLowerRatingsPass() {
    assertFalse(SeverityLevel.MODERATE.fails(SeverityLevel.HIGH));
    assertTrue(SeverityLevel.HIGH.fails(SeverityLevel.HIGH));
    assertTrue(SeverityLevel.LOW.fails(SeverityLevel.LOW));
  }

  @Test
  void thresholdsParseCaseInsensitivelyWithMediumAsModerate() {
    assertEquals(SeverityLevel.MODERATE, SeverityLevel.parse("medium"));
    assertEquals(SeverityLevel.CRITICAL, SeverityLevel.parse(" Critical "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeverityLevel.parse("unknown"));
    assertEquals("failOnSeverity unknown is not one of LOW, MODERATE, HIGH, CRITICAL", e.getMessage());
  }
}
