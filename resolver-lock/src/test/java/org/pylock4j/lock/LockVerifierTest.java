package org.pylock4j.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.Resolver;
import org.pylock4j.sat.SatResolver;
import org.pylock4j.version.Version;

/**
 * Verifies locks against an in-memory index of real files (real names and sha256 digests) with
 * {@link SatResolver}; the "index later" states change it the way real indexes change.
 */
class LockVerifierTest {

  private static final Resolver RESOLVER = SatResolver.create();

  /** requests' four unconditional Requires-Dist lines, as in its 2.32 metadata. */
  private static final List<String> REQUESTS_DEPS = List.of("charset_normalizer<4,>=2",
      "idna<4,>=2.5", "urllib3<3,>=1.21.1", "certifi>=2017.4.17");

  @TempDir Path dir;

  /** An index whose files can be replaced, removed or yanked before it is built. */
  private static final class Index {
    final Map<String, DistributionFile> files = new LinkedHashMap<>();
    final Map<String, List<String>> deps = new LinkedHashMap<>();

    Index add(String filename, List<String> requiresDist) {
      files.put(filename, LockFixtures.file(filename));
      deps.put(filename, requiresDist);
      return this;
    }

    Index add(String filename) {
      return add(filename, List.of());
    }

    Index replace(String filename, DistributionFile file) {
      files.put(filename, file);
      return this;
    }

    InMemoryPackageSource build() {
      InMemoryPackageSource.Builder b = InMemoryPackageSource.builder().index(LockFixtures.INDEX);
      files.forEach((name, f) -> b.file(f, new CoreMetadata("2.1", f.project().normalized(),
          f.version().toString(), deps.get(name), null, List.of(), List.of())));
      return b.build();
    }
  }

  private static Index before() {
    return new Index()
        .add("requests-2.32.3-py3-none-any.whl", REQUESTS_DEPS)
        .add("certifi-2024.8.30-py3-none-any.whl")
        .add("charset_normalizer-3.3.2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl")
        .add("charset_normalizer-3.3.2-py3-none-any.whl")
        .add("idna-3.7-py3-none-any.whl")
        .add("urllib3-2.2.2-py3-none-any.whl")
        .add("six-1.17.0-py2.py3-none-any.whl");
  }

  private static ResolutionRequest request(InMemoryPackageSource source, String... roots) {
    ResolutionRequest.Builder b = ResolutionRequest.builder()
        .target(LockFixtures.target())
        .source(source);
    for (String r : roots) {
      b.requirement(Requirement.parse(r));
    }
    return b.build();
  }

  private Path lock(ResolutionRequest request, String fileName) {
    Resolution resolution = RESOLVER.resolve(request);
    Path path = dir.resolve(fileName);
    LockFiles.write(path, fileName.endsWith(".toml")
        ? LockFiles.writePylock(LockFiles.fromResolution(resolution, LockOptions.defaults()))
        : LockFiles.writeRequirementsTxt(resolution, LockOptions.defaults()));
    return path;
  }

  @Test
  void aFreshLockIsClean() {
    ResolutionRequest request = request(before().build(), "requests>=2.31");
    LockVerification v = LockVerifier.verify(lock(request, "pylock.toml"), request, RESOLVER);
    assertTrue(v.isClean(), v.render());
    assertEquals("pylock.toml is up to date (5 packages, 6 files checked against the index)",
        v.render());
    v.requireClean();
  }

  @Test
  void everyKindOfDriftIsListedInProjectOrder() {
    Path lock = lock(request(before().build(), "requests>=2.31"), "pylock.toml");
    DistributionFile certifi = LockFixtures.file("certifi-2024.8.30-py3-none-any.whl");
    DistributionFile urllib3 = LockFixtures.file("urllib3-2.2.2-py3-none-any.whl");
    String otherDigest = LockFixtures.file("urllib3-2.5.0-py3-none-any.whl").sha256().orElseThrow();
    Index later = before()
        .add("requests-2.32.4-py3-none-any.whl", REQUESTS_DEPS)
        .add("idna-3.10-py3-none-any.whl")
        .add("certifi-2024.6.2-py3-none-any.whl")
        .replace(certifi.filename(), new DistributionFile(certifi.project(), certifi.version(),
            certifi.filename(), certifi.url(), certifi.hashes(), null, "broken CA bundle", null,
            -1, null))
        .replace(urllib3.filename(), new DistributionFile(urllib3.project(), urllib3.version(),
            urllib3.filename(), urllib3.url(), Map.of("sha256", otherDigest), null, null, null,
            -1, null));
    later.files.remove("charset_normalizer-3.3.2-py3-none-any.whl");
    ResolutionRequest request = request(later.build(), "requests>=2.31", "six");

    LockVerification v = LockVerifier.verify(lock, request, RESOLVER);

    ProjectName certifiName = ProjectName.of("certifi");
    assertEquals(List.of(
        new LockDrift.RootsChanged(List.of("requests>=2.31"), List.of("requests>=2.31", "six")),
        new LockDrift.VersionChanged(certifiName, Version.parse("2024.8.30"),
            Version.parse("2024.6.2")),
        new LockDrift.FileYanked(certifiName, Version.parse("2024.8.30"),
            "certifi-2024.8.30-py3-none-any.whl", "broken CA bundle"),
        new LockDrift.FileMissingUpstream(ProjectName.of("charset-normalizer"),
            Version.parse("3.3.2"), "charset_normalizer-3.3.2-py3-none-any.whl"),
        new LockDrift.VersionChanged(ProjectName.of("idna"), Version.parse("3.7"),
            Version.parse("3.10")),
        new LockDrift.VersionChanged(ProjectName.of("requests"), Version.parse("2.32.3"),
            Version.parse("2.32.4")),
        new LockDrift.PackageAdded(ProjectName.of("six"), Version.parse("1.17.0")),
        new LockDrift.HashChanged(ProjectName.of("urllib3"), Version.parse("2.2.2"),
            "urllib3-2.2.2-py3-none-any.whl", "sha256", urllib3.sha256().orElseThrow(),
            otherDigest)), v.drifts());
    assertFalse(v.isClean());
    assertEquals("""
        pylock.toml differs from a fresh resolution (8 drifts):
          - root requirements changed: the lock has [requests>=2.31], the request has [requests>=2.31, six]
          - certifi: version changed 2024.8.30 -> 2024.6.2
          - certifi 2024.8.30: certifi-2024.8.30-py3-none-any.whl was yanked (broken CA bundle)
          - charset-normalizer 3.3.2: charset_normalizer-3.3.2-py3-none-any.whl is no longer on the index
          - idna: version changed 3.7 -> 3.10
          - requests: version changed 2.32.3 -> 2.32.4
          - six: added (1.17.0)
          - urllib3 2.2.2: sha256 of urllib3-2.2.2-py3-none-any.whl changed: lock a448b2f64d686155468037e1ace9f2d2199776e17f0a46610480d311f73e3472, index e6b01673c0fa6a13e374b50871808eb3bf7046c4b125b216f6bf1cc604cff0dc""",
        v.render());
    LockVerification.LockDriftException e =
        assertThrows(LockVerification.LockDriftException.class, v::requireClean);
    assertEquals(v.render(), e.getMessage());
  }

  @Test
  void aPackageNoLongerNeededIsRemoved() {
    Path lock = lock(request(before().build(), "requests>=2.31", "six"), "pylock.toml");
    LockVerification v = LockVerifier.verify(lock,
        request(before().build(), "requests>=2.31"), RESOLVER);
    assertEquals(List.of(
        new LockDrift.RootsChanged(List.of("requests>=2.31", "six"), List.of("requests>=2.31")),
        new LockDrift.PackageRemoved(ProjectName.of("six"), Version.parse("1.17.0"))),
        v.drifts());
  }

  @Test
  void aNewWheelForALockedVersionIsAFileAdded() {
    Index onlyPure = before();
    onlyPure.files.remove(
        "charset_normalizer-3.3.2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    Path lock = lock(request(onlyPure.build(), "requests>=2.31"), "pylock.toml");
    LockVerification v = LockVerifier.verify(lock,
        request(before().build(), "requests>=2.31"), RESOLVER);
    assertEquals(List.of(new LockDrift.FileAdded(ProjectName.of("charset-normalizer"),
        Version.parse("3.3.2"),
        "charset_normalizer-3.3.2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl")),
        v.drifts());
  }

  @Test
  void requirementsFilesAreCheckedByHashValue() {
    ResolutionRequest request = request(before().build(), "requests>=2.31");
    Path lock = lock(request, "requirements.txt");
    LockVerification clean = LockVerifier.verify(lock, request, RESOLVER);
    assertEquals(
        "requirements.txt is up to date (5 packages, 6 files checked against the index)",
        clean.render());

    DistributionFile idna = LockFixtures.file("idna-3.7-py3-none-any.whl");
    String otherDigest = LockFixtures.file("idna-3.10-py3-none-any.whl").sha256().orElseThrow();
    Index later = before().replace(idna.filename(), new DistributionFile(idna.project(),
        idna.version(), idna.filename(), idna.url(), Map.of("sha256", otherDigest), null, null,
        null, -1, null));
    LockVerification v = LockVerifier.verify(lock, request(later.build(), "requests>=2.31"),
        RESOLVER);
    assertEquals(List.of(
        new LockDrift.FileAdded(ProjectName.of("idna"), Version.parse("3.7"),
            "idna-3.7-py3-none-any.whl"),
        new LockDrift.UnknownHash(ProjectName.of("idna"), Version.parse("3.7"),
            "sha256:" + idna.sha256().orElseThrow())), v.drifts());
  }

  @Test
  void aResolverThatFailsFailsTheVerification() {
    ResolutionRequest request = request(before().build(), "requests>=2.31");
    Path lock = lock(request, "pylock.toml");
    Resolver failing = new Resolver() {
      @Override
      public Resolution resolve(ResolutionRequest r) {
        throw new org.pylock4j.error.PylockException("index down");
      }

      @Override
      public java.util.concurrent.CompletableFuture<Resolution> resolveAsync(
          ResolutionRequest r) {
        throw new UnsupportedOperationException();
      }
    };
    assertEquals("index down", assertThrows(org.pylock4j.error.PylockException.class,
        () -> LockVerifier.verify(lock, request, failing)).getMessage());
  }

  @Test
  void aLockedFileTheResolutionNoLongerUsesIsAFileRemoved() {
    ResolutionRequest request = request(before().build(), "requests>=2.31");
    Path lock = lock(request, "pylock.toml");
    String pure = "charset_normalizer-3.3.2-py3-none-any.whl";
    Resolver withoutPureWheel = new Resolver() {
      @Override
      public Resolution resolve(ResolutionRequest r) {
        Resolution full = RESOLVER.resolve(r);
        List<org.pylock4j.resolve.LockedPackage> packages = new java.util.ArrayList<>();
        for (org.pylock4j.resolve.LockedPackage p : full.packages()) {
          packages.add(new org.pylock4j.resolve.LockedPackage(p.name(), p.version(),
              p.files().stream().filter(f -> !f.filename().equals(pure)).toList(), p.index(),
              p.extras(), p.directUrl()));
        }
        return new Resolution(full.roots(), full.target(), packages, full.edges(),
            full.warnings(), full.statistics());
      }

      @Override
      public java.util.concurrent.CompletableFuture<Resolution> resolveAsync(
          ResolutionRequest r) {
        throw new UnsupportedOperationException();
      }
    };
    assertEquals(List.of(new LockDrift.FileRemoved(ProjectName.of("charset-normalizer"),
        Version.parse("3.3.2"), pure)),
        LockVerifier.verify(lock, request, withoutPureWheel).drifts());
  }

  @Test
  void aFileTheIndexListsWithoutHashCannotBeChecked() {
    ResolutionRequest request = request(before().build(), "requests>=2.31");
    Path lock = lock(request, "pylock.toml");
    DistributionFile idna = LockFixtures.file("idna-3.7-py3-none-any.whl");
    Index later = before().replace(idna.filename(), new DistributionFile(idna.project(),
        idna.version(), idna.filename(), idna.url(), Map.of(), null, null, null, -1, null));
    LockVerification v =
        LockVerifier.verify(lock, request(later.build(), "requests>=2.31"), RESOLVER);
    assertEquals(List.of(new LockDrift.HashUnverifiable(ProjectName.of("idna"),
        Version.parse("3.7"), "idna-3.7-py3-none-any.whl")), v.drifts());
    assertEquals("""
        pylock.toml differs from a fresh resolution (1 drift):
          - idna 3.7: cannot check idna-3.7-py3-none-any.whl (the index gives no hash in an \
        algorithm the lock records)""", v.render());
  }

  @Test
  void entriesForOtherEnvironmentsAreLeftOut() {
    ResolutionRequest request = request(before().build(), "requests>=2.31");
    Pylock lock = LockFiles.fromResolution(RESOLVER.resolve(request), LockOptions.defaults());
    List<PylockPackage> packages = new java.util.ArrayList<>(lock.packages());
    packages.add(new PylockPackage(ProjectName.of("pywin32"), Version.parse("306"),
        "sys_platform == 'win32'", null, List.of(), LockFixtures.INDEX, null, null, null, null,
        List.of(), List.of(), Map.of()));
    Pylock multi = new Pylock(lock.lockVersion(), List.of(), null, List.of(), List.of(),
        List.of(), lock.createdBy(), packages, lock.tool());
    assertEquals(List.of(), LockVerifier.verify(multi, "pylock.toml", request, RESOLVER).drifts());
  }
}
