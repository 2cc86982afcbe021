package org.pylock4j.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.UnsatisfiableException;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.sat.SatResolver;
import org.pylock4j.version.Version;

/** {@code lock --avoid-vulnerable}: the real SAT resolver over an in-memory index and the offline OSV test records. */
class AvoidVulnerableTest {

  private static final InMemoryPackageSource INDEX = InMemoryPackageSource.builder()
      .version("requests", "2.30.0", "urllib3>=1.21.1,<3")
      .version("requests", "2.31.0", "urllib3>=1.21.1,<3")
      .version("requests", "2.32.3", "urllib3>=1.21.1,<3")
      .version("urllib3", "1.26.16")
      .version("urllib3", "1.26.18")
      .version("urllib3", "2.0.5")
      .build();

  static ResolutionRequest request(String... roots) {
    ResolutionRequest.Builder b = ResolutionRequest.builder()
        .target(TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64))
        .source(INDEX);
    for (String r : roots) {
      b.requirement(Requirement.parse(r));
    }
    return b.build();
  }

  static Map<String, String> pins(Resolution r) {
    return r.packages().stream().collect(java.util.stream.Collectors.toMap(
        p -> p.name().normalized(), p -> p.version().toString(), (a, b) -> a, java.util.TreeMap::new));
  }

  @Test
  void picksTheNewestSolutionWithoutKnownVulnerabilities() {
    ResolutionRequest request = request("requests", "urllib3<2.1");
    assertEquals(Map.of("requests", "2.32.3", "urllib3", "2.0.5"), pins(SatResolver.create().resolve(request)));
    try (VulnerabilityAudit audit = VulnerabilityAudit.builder().offlineExport(VulnerabilityAuditTest.EXPORT).build()) {
      Resolution safe = audit.resolveAvoidingVulnerable(SatResolver.create(), request);
      assertEquals(Map.of("requests", "2.32.3", "urllib3", "1.26.18"), pins(safe));
      assertEquals(List.of(), audit.audit(safe).findings());
    }
  }

  @Test
  void exclusionsOfAPageCarryTheAdvisoryIds() {
    try (VulnerabilityAudit audit = VulnerabilityAudit.builder().offlineExport(VulnerabilityAuditTest.EXPORT).build()) {
      Map<Version, String> excluded = audit.exclusions(INDEX.page(ProjectName.of("urllib3")).join());
      assertEquals(Map.of(
          Version.parse("1.26.16"), "known vulnerability GHSA-v845-jxx5-vc9f (CVE-2023-43804, PYSEC-2023-192)",
          Version.parse("2.0.5"), "known vulnerability GHSA-v845-jxx5-vc9f (CVE-2023-43804, PYSEC-2023-192)"),
          excluded);
    }
  }

  @Test
  void explainsWhenOnlyVulnerableVersionsSatisfyTheRequirements() {
    try (VulnerabilityAudit audit = VulnerabilityAudit.builder().offlineExport(VulnerabilityAuditTest.EXPORT).build()) {
      UnsatisfiableException e = assertThrows(UnsatisfiableException.class,
          () -> audit.resolveAvoidingVulnerable(SatResolver.create(), request("requests<2.32")));
      String why = "requests: no candidate version matches <2.32 (2.30.0 excluded by the request"
          + " (known vulnerabilities GHSA-9wx4-h78v-vm56 (CVE-2024-35195), GHSA-j8r2-6x86-q33q"
          + " (CVE-2023-32681, PYSEC-2023-74)); 2.31.0 excluded by the request (known vulnerability"
          + " GHSA-9wx4-h78v-vm56 (CVE-2024-35195)))";
      assertEquals("cannot resolve the requirements: root requires requests<2.32; " + why,
          e.getMessage());
      assertEquals(List.of("root requires requests<2.32", why), e.causes());
    }
  }

  @Test
  void ignoredAdvisoriesAreNotAvoided() {
    try (VulnerabilityAudit audit = VulnerabilityAudit.builder()
        .offlineExport(VulnerabilityAuditTest.EXPORT).ignore(List.of("CVE-2023-43804")).build()) {
      Resolution r = audit.resolveAvoidingVulnerable(SatResolver.create(), request("requests", "urllib3<2.1"));
      assertEquals(Map.of("requests", "2.32.3", "urllib3", "2.0.5"), pins(r));
    }
  }
}
