package org.pylock4j.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.Pylock;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.PackageSource;
import org.pylock4j.resolve.ProjectPage;
import org.pylock4j.version.Version;

class LockDiffTest {

  static String h(char c) {
    return String.valueOf(c).repeat(64);
  }

  static String pkg(String name, String version, String index, String... wheels) {
    StringBuilder b = new StringBuilder("\n[[packages]]\nname = \"" + name + "\"\nversion = \"" + version
        + "\"\nindex = \"" + index + "\"\n");
    for (String w : wheels) {
      String[] f = w.split("=");
      b.append("\n[[packages.wheels]]\nname = \"").append(f[0]).append("\"\nurl = \"https://files.example/")
          .append(f[0]).append("\"\nhashes = { sha256 = \"").append(h(f[1].charAt(0))).append("\" }\n");
    }
    return b.toString();
  }

  static String identity(String repo) {
    return "\n[[packages.attestation-identities]]\nkind = \"GitHub\"\nrepository = \"" + repo
        + "\"\nworkflow = \"release.yml\"\n";
  }

  static Pylock lock(String... packages) {
    return LockFiles.readPylock(
        "lock-version = \"1.0\"\ncreated-by = \"pylock4j\"\n" + String.join("", packages), "pylock.toml");
  }

  static final String PYPI = "https://pypi.org/simple/";

  @Test
  void reportsEveryKindOfChangeAndFlagsTheSuspiciousOnes() {
    Pylock before = lock(
        pkg("certifi", "2024.8.30", PYPI, "certifi-2024.8.30-py3-none-any.whl=a"),
        pkg("idna", "3.7", PYPI, "idna-3.7-py3-none-any.whl=b"),
        pkg("internal-tool", "1.0", "https://internal.example/simple/", "internal_tool-1.0-py3-none-any.whl=c"),
        pkg("requests", "2.32.3", PYPI, "requests-2.32.3-py3-none-any.whl=d") + identity("psf/requests"),
        pkg("six", "1.16.0", PYPI, "six-1.16.0-py2.py3-none-any.whl=e"),
        pkg("urllib3", "2.2.1", PYPI, "urllib3-2.2.1-py3-none-any.whl=f") + identity("urllib3/urllib3"),
        pkg("zipp", "3.20.0", PYPI, "zipp-3.20.0-py3-none-any.whl=1"));
    Pylock after = lock(
        pkg("certifi", "2024.2.2", PYPI, "certifi-2024.2.2-py3-none-any.whl=2"),
        pkg("internal-tool", "1.0", PYPI, "internal_tool-1.0-py3-none-any.whl=c"),
        pkg("leftpad", "0.1", PYPI, "leftpad-0.1-py3-none-any.whl=3"),
        pkg("requests", "2.32.3", PYPI, "requests-2.32.3-py3-none-any.whl=d") + identity("evil/requests"),
        pkg("six", "1.16.0", PYPI, "six-1.16.0-py2.py3-none-any.whl=4", "six-1.16.0-py3-none-any.whl=5"),
        pkg("urllib3", "2.2.2", PYPI, "urllib3-2.2.2-py3-none-any.whl=6"),
        pkg("zipp", "3.20.0", PYPI, "zipp-3.20.0-py3-none-any.whl=1"));
    LockDiff diff = LockDiff.compare(before, after);
    assertEquals(List.of(
        "~ certifi 2024.8.30 -> 2024.2.2 (downgraded)",
        "- idna 3.7 (removed)",
        "! internal-tool 1.0 (index changed: https://internal.example/simple/ -> https://pypi.org/simple/)",
        "+ leftpad 0.1 (added)",
        "! requests 2.32.3 (identity changed: GitHub{repository=psf/requests, workflow=release.yml}"
            + " -> GitHub{repository=evil/requests, workflow=release.yml})",
        "! six 1.16.0 (hash changed: six-1.16.0-py2.py3-none-any.whl sha256:" + h('e') + " -> sha256:" + h('4') + ")",
        "! six 1.16.0 (files added: six-1.16.0-py3-none-any.whl)",
        "~ urllib3 2.2.1 -> 2.2.2 (upgraded)",
        "! urllib3 2.2.2 (identity removed: GitHub{repository=urllib3/urllib3, workflow=release.yml} -> )"),
        diff.changes().stream().map(LockChange::message).toList());
    assertEquals(List.of("internal-tool", "requests", "six", "six", "urllib3"),
        diff.redFlags().stream().map(c -> c.name().normalized()).toList());
    assertTrue(diff.needsReview());
  }

  @Test
  void identicalLocksHaveNoChanges() {
    Pylock a = lock(pkg("six", "1.16.0", PYPI, "six-1.16.0-py2.py3-none-any.whl=e"));
    LockDiff diff = LockDiff.compare(a, a);
    assertTrue(diff.isEmpty());
    assertFalse(diff.needsReview());
    assertEquals("", diff.report());
  }

  @Test
  void requirementsTxtFlagsAReplacedHashForTheSameVersion() {
    var before = LockFiles.readRequirementsTxt(
        "six==1.16.0 \\\n    --hash=sha256:" + h('a') + "\nidna==3.7 \\\n    --hash=sha256:" + h('b') + "\n", "old.txt");
    var after = LockFiles.readRequirementsTxt(
        "six==1.16.0 \\\n    --hash=sha256:" + h('c') + "\nidna==3.7 \\\n    --hash=sha256:" + h('b')
            + " \\\n    --hash=sha256:" + h('d') + "\n", "new.txt");
    assertEquals(List.of(
        "! idna 3.7 (files added: sha256:" + h('d') + ")",
        "! six 1.16.0 (hash changed: hashes sha256:" + h('a') + " replaced by sha256:" + h('c') + ")"),
        LockDiff.compare(before, after).changes().stream().map(LockChange::message).toList());
  }

  @Test
  void addedProjectsGetTheirAgeAndReleaseCountFromTheIndex() {
    Pylock before = lock(pkg("six", "1.16.0", PYPI, "six-1.16.0-py2.py3-none-any.whl=e"));
    Pylock after = lock(
        pkg("six", "1.16.0", PYPI, "six-1.16.0-py2.py3-none-any.whl=e"),
        pkg("leftpad", "0.1", PYPI, "leftpad-0.1-py3-none-any.whl=3"),
        pkg("idna", "3.7", PYPI, "idna-3.7-py3-none-any.whl=b"));
    Instant now = Instant.parse("2026-11-25T00:00:00Z");
    PackageSource index = pages(Map.of(
        "leftpad", List.of(file("leftpad", "0.1", "2026-11-13T08:00:00Z")),
        "idna", List.of(file("idna", "2.0", "2013-07-01T00:00:00Z"), file("idna", "3.6", "2023-11-25T00:00:00Z"),
            file("idna", "3.7", null))));
    LockDiff diff = LockDiff.compare(before, after).withHistory(index, now);
    assertEquals(List.of(
        "+ idna 3.7 (added; first upload 2013-07-01, 4895 days ago, 3 releases)",
        "+ leftpad 0.1 (added; first upload 2026-11-13, 11 days ago, 1 release)"),
        diff.changes().stream().map(LockChange::message).toList());
    assertEquals(List.of(false, true), diff.changes().stream().map(LockChange::needsReview).toList());
  }

  static DistributionFile file(String name, String version, String uploaded) {
    return new DistributionFile(ProjectName.of(name), Version.parse(version), name + "-" + version + "-py3-none-any.whl",
        "https://files.example/" + name, Map.of(), null, null, uploaded == null ? null : Instant.parse(uploaded), -1, null);
  }

  static PackageSource pages(Map<String, List<DistributionFile>> files) {
    return new PackageSource() {
      @Override
      public CompletableFuture<ProjectPage> page(ProjectName project) {
        return CompletableFuture.completedFuture(
            new ProjectPage(project, PYPI, files.getOrDefault(project.normalized(), List.of())));
      }

      @Override
      public CompletableFuture<CoreMetadata> metadata(DistributionFile file) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException());
      }
    };
  }
}
