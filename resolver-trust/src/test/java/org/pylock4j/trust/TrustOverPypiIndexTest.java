package org.pylock4j.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.testing.SimpleIndexServer;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/** The trust calls over a real {@link PypiIndex} on loopback HTTP (pypi.org pages from poetry's fixtures). */
class TrustOverPypiIndexTest {

  /** resolver-index's test data (tests run in the module's directory). */
  static Path poetryIndex() {
    return Path.of("../resolver-index/src/test/resources/indexes/poetry").toAbsolutePath();
  }

  @Test
  void newProjectsInADiffGetTheirHistoryFromTheIndexUploadTimes() {
    try (SimpleIndexServer server = SimpleIndexServer.start(poetryIndex());
        PypiIndex index = PypiIndex.builder().indexUrl(server.indexUrl()).netrc(null).build()) {
      var before = LockDiffTest.lock(LockDiffTest.pkg("six", "1.11.0", server.indexUrl(), "six-1.11.0-py2.py3-none-any.whl=a"));
      var after = LockDiffTest.lock(
          LockDiffTest.pkg("six", "1.11.0", server.indexUrl(), "six-1.11.0-py2.py3-none-any.whl=a"),
          LockDiffTest.pkg("requests", "2.19.0", server.indexUrl(), "requests-2.19.0-py2.py3-none-any.whl=b"),
          LockDiffTest.pkg("isodate", "0.7.0", server.indexUrl(), "isodate-0.7.0-py3-none-any.whl=c"));
      LockDiff diff = LockDiff.compare(before, after).withHistory(index, Instant.parse("2024-11-01T00:00:00Z"));
      assertEquals(List.of(
          "+ isodate 0.7.0 (added; first upload 2024-10-08, 23 days ago, 1 release)",
          "+ requests 2.19.0 (added; first upload 2017-06-14, 2696 days ago, 6 releases)"),
          diff.changes().stream().map(LockChange::message).toList());
      assertEquals(List.of(true, false), diff.changes().stream().map(LockChange::needsReview).toList());
    }
  }

  @Test
  void exclusionsForAPageServedOverHttp() {
    try (SimpleIndexServer server = SimpleIndexServer.start(poetryIndex());
        PypiIndex index = PypiIndex.builder().indexUrl(server.indexUrl()).netrc(null).build();
        VulnerabilityAudit audit = VulnerabilityAudit.builder().offlineExport(VulnerabilityAuditTest.EXPORT).build()) {
      Map<Version, String> excluded = audit.exclusions(index.page(ProjectName.of("requests")).join());
      assertEquals(List.of("2.18.0", "2.18.1", "2.18.2", "2.18.3", "2.18.4", "2.19.0"),
          excluded.keySet().stream().map(Version::toString).toList());
      assertEquals("known vulnerabilities GHSA-9wx4-h78v-vm56 (CVE-2024-35195),"
          + " GHSA-j8r2-6x86-q33q (CVE-2023-32681, PYSEC-2023-74)",
          excluded.get(Version.parse("2.19.0")));
    }
  }
}
