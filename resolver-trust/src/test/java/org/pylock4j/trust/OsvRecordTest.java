package org.pylock4j.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

class OsvRecordTest {

  private static final ProjectName DEMO = ProjectName.of("demo-pkg");

  static OsvRecord load(String id) throws IOException {
    try (InputStream in = OsvRecordTest.class.getResourceAsStream("osv/PyPI/" + id + ".json")) {
      return OsvRecord.parse(new ObjectMapper().readTree(in));
    }
  }

  /** TEST-2026-1: introduced 3.0, last_affected 3.2, introduced 1.0, fixed 1.5.post1 (unsorted on purpose). */
  @ParameterizedTest
  @CsvSource({
    "0.5, false", "1.0, true", "1.0rc1, false", "1.5, true", "1.5.post1, false", "1.5.post2, false",
    "2.0, false", "3.0, true", "3.1rc1, true", "3.2, true", "3.2.0, true", "3.2.post1, false", "3.2.1, false",
  })
  void lastAffectedAndFixedFollowTheSchema(String version, boolean affected) throws IOException {
    assertEquals(affected, load("TEST-2026-1").affects(DEMO, Version.parse(version)));
  }

  /** TEST-2026-2: introduced 4.0 with limit 4.3, and the versions list [0.9]; the npm entry is ignored. */
  @ParameterizedTest
  @CsvSource({"0.9, true", "0.9.0, true", "0.9.1, false", "3.9, false", "4.0, true", "4.2.9, true", "4.3, false", "5, false"})
  void limitAndVersionsListFollowTheSchema(String version, boolean affected) throws IOException {
    assertEquals(affected, load("TEST-2026-2").affects(DEMO, Version.parse(version)));
  }

  @ParameterizedTest
  @CsvSource({"1.26.16, true", "1.26.17, false", "1.27, false", "2.0.0a1, false", "2.0.0, true", "2.0.5, true", "2.0.6, false"})
  void twoAffectedEntriesOfOnePackageEachCount(String version, boolean affected) throws IOException {
    assertEquals(affected, load("GHSA-v845-jxx5-vc9f").affects(ProjectName.of("urllib3"), Version.parse(version)));
  }

  @org.junit.jupiter.api.Test
  void withdrawnRecordsAffectNothing() throws IOException {
    assertEquals(false, load("TEST-2026-3").affects(DEMO, Version.parse("1.0")));
  }

  @org.junit.jupiter.api.Test
  void summaryFallsBackToTheFirstLineOfDetailsAndSeverityCollectsEverySource() throws IOException {
    OsvRecord pysec = load("PYSEC-2023-74");
    assertEquals(
        "Requests is a HTTP library. Since Requests 2.3.0, Requests has been leaking Proxy-Authorization headers to destination servers when redirected to an HTTPS endpoint.",
        pysec.summary);
    OsvRecord ghsa = load("GHSA-v845-jxx5-vc9f");
    assertEquals(
        List.of(new Severity("CVSS_V3", "CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:H/I:H/A:H"),
            new Severity("CVSS_V4", "CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"),
            new Severity("DATABASE", "MODERATE")),
        ghsa.severityFor(ProjectName.of("urllib3")));
    assertEquals(List.of("1.26.17", "2.0.6"), ghsa.fixedAfter(ProjectName.of("urllib3"), Version.parse("1.26.5")));
    assertEquals(List.of("2.0.6"), ghsa.fixedAfter(ProjectName.of("urllib3"), Version.parse("2.0.1")));
  }
}
