package org.pylock4j.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.ResolutionLimitException;
import org.pylock4j.error.UnsatisfiableException;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.ConflictCause;
import org.pylock4j.resolve.DependencyEdge;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.PackageSource;
import org.pylock4j.resolve.PrereleasePolicy;
import org.pylock4j.resolve.ProjectPage;
import org.pylock4j.resolve.ResolutionListener;
import org.pylock4j.resolve.ResolverOptions;
import org.pylock4j.resolve.ResolutionStrategy;
import org.pylock4j.version.Version;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.TargetEnvironment;

class SatResolverTest {

  static final TargetEnvironment TARGET =
      TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64);

  static ResolutionRequest.Builder request(InMemoryPackageSource source, String... roots) {
    ResolutionRequest.Builder b = ResolutionRequest.builder().target(TARGET).source(source);
    for (String r : roots) {
      b.requirement(Requirement.parse(r));
    }
    return b;
  }

  static Map<String, String> versions(Resolution r) {
    Map<String, String> m = new TreeMap<>();
    for (LockedPackage p : r.packages()) {
      m.put(p.name().toString(), p.version().toString());
    }
    return m;
  }

  @Test
  void picksNewestVersionsThatSatisfyEveryRequirement() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("a", "1.0", "b>=1")
        .version("a", "2.0", "b>=2", "c")
        .version("b", "1.0")
        .version("b", "2.0")
        .version("b", "3.0")
        .version("c", "1.0", "b<3")
        .build();
    Resolution r = SatResolver.create().resolve(request(source, "a").build());
    assertEquals(Map.of("a", "2.0", "b", "2.0", "c", "1.0"), versions(r));
  }

  @Test
  void explainsClassicConflict() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("a", "2.1", "b<1")
        .version("b", "0.9")
        .version("b", "2.0")
        .version("c", "1.0", "b>=2")
        .build();
    UnsatisfiableException e = assertThrows(UnsatisfiableException.class,
        () -> SatResolver.create().resolve(request(source, "a>=2", "c").build()));
    assertEquals(List.of("root requires a>=2", "root requires c", "a 2.1 requires b<1",
        "c 1.0 requires b>=2"), e.causes());
    assertEquals("cannot resolve the requirements: root requires a>=2; root requires c;"
        + " a 2.1 requires b<1; c 1.0 requires b>=2; so no version of b satisfies them all",
        e.getMessage());
  }

  static Resolution resolve(InMemoryPackageSource source, String... roots) {
    return SatResolver.create().resolve(request(source, roots).build());
  }

  static UnsatisfiableException unsat(InMemoryPackageSource source, String... roots) {
    return assertThrows(UnsatisfiableException.class, () -> resolve(source, roots));
  }

  static DistributionFile file(String project, String version, String filename, String yanked,
      String requiresPython, Instant uploaded) {
    return new DistributionFile(ProjectName.of(project), Version.parse(version), filename,
        "https://example.org/files/" + filename, Map.of("sha256", "ab" + filename.length()),
        requiresPython, yanked, uploaded, 10, null);
  }

  static CoreMetadata metadata(String metadataVersion, String name, String version,
      List<String> dynamic, String... requiresDist) {
    return new CoreMetadata(metadataVersion, name, version, List.of(requiresDist), null, List.of(),
        dynamic);
  }

  @Test
  void decidesDependenciesAfterTheirDependentsSoAnEarlyNameDoesNotPullAnOldVersion() {
    // With a plain name order, "atomicwrites" (sorting before "pytest") would be kept out by
    // choosing a pytest that does not need it.
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("pytest", "3.0")
        .version("pytest", "3.10", "atomicwrites>=1")
        .version("atomicwrites", "1.4")
        .build();
    assertEquals(Map.of("pytest", "3.10", "atomicwrites", "1.4"), versions(resolve(source, "pytest")));
  }

  @Test
  void siblingsAreDecidedInNameOrder() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("app", "1.0", "bbb", "aaa")
        .version("aaa", "1.0")
        .version("aaa", "2.0", "bbb<2")
        .version("bbb", "1.0")
        .version("bbb", "2.0", "aaa<2")
        .build();
    assertEquals(Map.of("app", "1.0", "aaa", "2.0", "bbb", "1.0"), versions(resolve(source, "app")));
  }

  @Test
  void lowestDirectTakesTheOldestDirectAndTheNewestTransitive() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("a", "1.0", "b")
        .version("a", "2.0", "b")
        .version("b", "1.0")
        .version("b", "2.0")
        .build();
    Resolution r = SatResolver.create().resolve(
        request(source, "a").strategy(ResolutionStrategy.LOWEST_DIRECT).build());
    assertEquals(Map.of("a", "1.0", "b", "2.0"), versions(r));
    Resolution lowest = SatResolver.create().resolve(
        request(source, "a").strategy(ResolutionStrategy.LOWEST).build());
    assertEquals(Map.of("a", "1.0", "b", "1.0"), versions(lowest));
  }

  @Test
  void preferenceWinsOverNewerWhenAdmissible() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("a", "1.0").version("a", "2.0").version("a", "3.0").build();
    Resolution r = SatResolver.create().resolve(request(source, "a")
        .prefer(ProjectName.of("a"), Version.parse("2.0")).build());
    assertEquals(Map.of("a", "2.0"), versions(r));
    Resolution notAdmissible = SatResolver.create().resolve(request(source, "a>=3")
        .prefer(ProjectName.of("a"), Version.parse("2.0")).build());
    assertEquals(Map.of("a", "3.0"), versions(notAdmissible));
  }

  @Test
  void extrasOfExtrasSelfDependenciesAndCycles() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("pkg", "1.0", "pkg[b]; extra == 'all'", "x; extra == 'b'", "cyc")
        .version("x", "1.0")
        .version("cyc", "1.0", "pkg>=1")
        .build();
    Resolution r = resolve(source, "Pkg[ALL]");
    assertEquals(Map.of("pkg", "1.0", "x", "1.0", "cyc", "1.0"), versions(r));
    assertEquals(Set.of("all", "b"), r.find(ProjectName.of("pkg")).orElseThrow().extras());
    assertTrue(r.edges().contains(new DependencyEdge(ProjectName.of("cyc"), ProjectName.of("pkg"),
        Requirement.parse("pkg>=1"))));
  }

  @Test
  void nonNormalisedNamesMeetAndRootLinesIntersect() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("foo-bar", "1.0").version("foo-bar", "2.0").version("foo-bar", "3.0")
        .version("app", "1.0", "Foo_Bar<3")
        .build();
    assertEquals(Map.of("app", "1.0", "foo-bar", "2.0"),
        versions(resolve(source, "app", "FOO.bar>=1", "foo-bar!=3.0")));
  }

  @Test
  void constraintsRestrictWithoutAddingAndOverridesReplaceDeclaredRequirements() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("a", "1.0", "b<2")
        .version("b", "1.0").version("b", "2.0").version("b", "3.0")
        .version("c", "1.0")
        .build();
    Resolution constrained = SatResolver.create().resolve(request(source, "a")
        .constraint(Requirement.parse("b<1.5")).constraint(Requirement.parse("c<1")).build());
    assertEquals(Map.of("a", "1.0", "b", "1.0"), versions(constrained));
    Resolution overridden = SatResolver.create().resolve(request(source, "a")
        .override(Requirement.parse("b>=2")).build());
    assertEquals(Map.of("a", "1.0", "b", "3.0"), versions(overridden));
  }

  @Test
  void markersAreEvaluatedForTheTarget() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("a", "1.0", "win; sys_platform == 'win32'", "lin; sys_platform == 'linux'",
            "old; python_version < '3'")
        .version("win", "1.0").version("lin", "1.0").version("old", "1.0")
        .build();
    assertEquals(Map.of("a", "1.0", "lin", "1.0"), versions(resolve(source, "a")));
  }

  @Test
  void yankedOnlyWhenPinnedAndRequiresPythonAndExcludeNewerFilter() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .file(file("a", "1.0", "a-1.0-py3-none-any.whl", null, null, Instant.parse("2020-01-01T00:00:00Z")),
            metadata("2.1", "a", "1.0", List.of()))
        .file(file("a", "2.0", "a-2.0-py3-none-any.whl", "broken", null, Instant.parse("2021-01-01T00:00:00Z")),
            metadata("2.1", "a", "2.0", List.of()))
        .file(file("a", "3.0", "a-3.0-py3-none-any.whl", null, ">=3.13", Instant.parse("2022-01-01T00:00:00Z")),
            metadata("2.1", "a", "3.0", List.of()))
        .file(file("a", "2.5", "a-2.5-py3-none-any.whl", null, null, Instant.parse("2023-01-01T00:00:00Z")),
            metadata("2.1", "a", "2.5", List.of()))
        .build();
    assertEquals(Map.of("a", "2.5"), versions(resolve(source, "a")));
    assertEquals(Map.of("a", "2.0"), versions(resolve(source, "a==2.0")));
    Resolution older = SatResolver.create().resolve(request(source, "a")
        .excludeNewer(Instant.parse("2022-06-01T00:00:00Z")).build());
    assertEquals(Map.of("a", "1.0"), versions(older));
  }

  @Test
  void excludeNewerDoesNotAdmitFilesWithoutAnUploadTime() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .file(file("a", "1.0", "a-1.0-py3-none-any.whl", null, null, Instant.parse("2020-01-01T00:00:00Z")),
            metadata("2.1", "a", "1.0", List.of()))
        .file(file("a", "2.0", "a-2.0-py3-none-any.whl", null, null, null), metadata("2.1", "a", "2.0", List.of()))
        .file(file("b", "1.0", "b-1.0-py3-none-any.whl", null, null, null), metadata("2.1", "b", "1.0", List.of()))
        .build();
    Instant cutoff = Instant.parse("2022-06-01T00:00:00Z");
    assertEquals(Map.of("a", "1.0"), versions(SatResolver.create().resolve(request(source, "a")
        .excludeNewer(cutoff).build())));
    UnsatisfiableException e = assertThrows(UnsatisfiableException.class,
        () -> SatResolver.create().resolve(request(source, "b").excludeNewer(cutoff).build()));
    assertTrue(e.getMessage().contains("the index gives no upload time (PEP 700) for any version, so "
        + "exclude-newer admits none"), e.getMessage());
  }

  @Test
  void wheelsBestFirstThenSdistAndIncompatibleWheelsDropped() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .file(file("a", "1.0", "a-1.0.tar.gz", null, null, null), metadata("2.1", "a", "1.0", List.of()))
        .file(file("a", "1.0", "a-1.0-py3-none-any.whl", null, null, null),
            metadata("2.1", "a", "1.0", List.of()))
        .file(file("a", "1.0", "a-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", null, null, null),
            metadata("2.1", "a", "1.0", List.of()))
        .file(file("a", "1.0", "a-1.0-cp312-cp312-win_amd64.whl", null, null, null),
            metadata("2.1", "a", "1.0", List.of()))
        .build();
    Resolution r = resolve(source, "a");
    assertEquals(List.of("a-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", "a-1.0-py3-none-any.whl",
        "a-1.0.tar.gz"), r.packages().get(0).files().stream().map(DistributionFile::filename).toList());
    assertEquals(InMemoryPackageSource.DEFAULT_INDEX, r.packages().get(0).index());
  }

  @Test
  void sdistWithDynamicDependenciesIsNotACandidate() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .file(file("a", "1.0", "a-1.0.tar.gz", null, null, null),
            metadata("2.2", "a", "1.0", List.of()))
        .file(file("a", "2.0", "a-2.0.tar.gz", null, null, null),
            metadata("2.1", "a", "2.0", List.of()))
        .file(file("b", "1.0", "b-1.0.tar.gz", null, null, null),
            metadata("2.2", "b", "1.0", List.of("requires-dist")))
        .build();
    assertEquals(Map.of("a", "1.0"), versions(resolve(source, "a")));
    UnsatisfiableException e = unsat(source, "b");
    assertEquals(List.of("root requires b",
        "b 1.0: needs a build to know its dependencies; pylock4j never runs package code"),
        e.causes());
    UnsatisfiableException binary = assertThrows(UnsatisfiableException.class,
        () -> SatResolver.create().resolve(request(source, "a").onlyBinary(true).build()));
    assertEquals(List.of("root requires a", "a: no version has a wheel compatible with the target"
        + " (only binaries are allowed)"), binary.causes());
  }

  @Test
  void invalidRequiresDistSkipsTheVersionWithAWarning() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("ipython", "4.0")
        .version("ipython", "4.1", "setuptools (>=18.5decorator)")
        .build();
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    Resolution r = SatResolver.create().resolve(request(source, "ipython")
        .listener(new ResolutionListener() {
          @Override
          public void warning(String message) {
            heard.add(message);
          }
        }).build());
    assertEquals(Map.of("ipython", "4.0"), versions(r));
    assertEquals(1, r.warnings().size());
    assertTrue(r.warnings().get(0).startsWith(
        "skipping ipython 4.1: invalid Requires-Dist line 'setuptools (>=18.5decorator)'"),
        r.warnings().get(0));
    assertEquals(r.warnings(), heard);
  }

  @Test
  void directUrlRequirementIsTheOnlyCandidate() {
    String url = "https://example.org/wheels/foo-1.5-py3-none-any.whl";
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("foo", "2.0")
        .version("app", "1.0", "foo>=1")
        .urlMetadata(url, metadata("2.1", "foo", "1.5", List.of(), "bar"))
        .version("bar", "1.0")
        .build();
    Resolution r = resolve(source, "app", "foo @ " + url + "#sha256=" + "AB".repeat(32));
    assertEquals(Map.of("app", "1.0", "foo", "1.5", "bar", "1.0"), versions(r));
    LockedPackage foo = r.find(ProjectName.of("foo")).orElseThrow();
    assertEquals(url, foo.directUrl());
    assertEquals(Map.of("sha256", "ab".repeat(32)), foo.files().get(0).hashes());
  }

  @Test
  void aDirectUrlWithAMalformedHashIsBadInputNamingTheUrlWithoutItsPassword() {
    String url = "https://alice:s3cretPW@example.org/wheels/foo-1.5-py3-none-any.whl";
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .urlMetadata(url, metadata("2.1", "foo", "1.5", List.of()))
        .build();
    for (String fragment : List.of("sha256=zz&md5=1", "sha256=" + "a".repeat(63), "md5=" + "g".repeat(32))) {
      org.pylock4j.error.InvalidInputException e = assertThrows(
          org.pylock4j.error.InvalidInputException.class, () -> resolve(source, "foo @ " + url + "#" + fragment));
      assertTrue(e.getMessage().contains("gives a malformed"), e.getMessage());
      assertTrue(e.getMessage().contains("example.org/wheels/foo-1.5-py3-none-any.whl"), e.getMessage());
      assertFalse(e.getMessage().contains("s3cretPW"), e.getMessage());
    }
  }

  @Test
  void aLocalDirectUrlWithoutAHashIsHashed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path wheel = java.nio.file.Files.write(dir.resolve("foo-1.5-py3-none-any.whl"),
        "not really a wheel".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String url = wheel.toUri().toString();
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .urlMetadata(url, metadata("2.1", "foo", "1.5", List.of()))
        .build();
    LockedPackage foo = resolve(source, "foo @ " + url).find(ProjectName.of("foo")).orElseThrow();
    // sha256 of "not really a wheel", as `sha256sum` gives it
    assertEquals(Map.of("sha256", "5012353aa6a0734b468ac4dcad5b802e70382f41303f87cfe89d223e3a6be654"),
        foo.files().get(0).hashes());
  }

  @Test
  void prereleasesOnlyWhenNamedOrNecessary() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("a", "1.0").version("a", "2.0b1")
        .version("onlypre", "1.0a1")
        .build();
    assertEquals(Map.of("a", "1.0"), versions(resolve(source, "a")));
    assertEquals(Map.of("a", "2.0b1"), versions(resolve(source, "a>=2.0b1")));
    assertEquals(Map.of("onlypre", "1.0a1"), versions(resolve(source, "onlypre")));
    Resolution allow = SatResolver.create().resolve(
        request(source, "a").prereleases(PrereleasePolicy.ALLOW).build());
    assertEquals(Map.of("a", "2.0b1"), versions(allow));
    UnsatisfiableException disallow = assertThrows(UnsatisfiableException.class,
        () -> SatResolver.create().resolve(request(source, "onlypre")
            .prereleases(PrereleasePolicy.DISALLOW).build()));
    assertEquals(List.of("root requires onlypre",
        "onlypre: every version is a pre-release, and pre-releases are disallowed"),
        disallow.causes());
  }

  @Test
  void explainsProjectsWithoutCandidates() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("app", "1.0", "locket")
        .file(file("old", "1.0", "old-1.0-py3-none-any.whl", null, "<3", null),
            metadata("2.1", "old", "1.0", List.of()))
        .file(file("gone", "1.0", "gone-1.0-py3-none-any.whl", "oops", null, null),
            metadata("2.1", "gone", "1.0", List.of()))
        .file(file("win", "1.0", "win-1.0-cp312-cp312-win_amd64.whl", null, null, null),
            metadata("2.1", "win", "1.0", List.of()))
        .build();
    assertEquals(List.of("root requires app", "app 1.0 requires locket",
        "locket: no version on the index"), unsat(source, "app").causes());
    assertEquals(List.of("root requires old",
        "old: no version supports Python 3.12.0 (requires-python)"), unsat(source, "old").causes());
    assertEquals(List.of("root requires gone", "gone: every version is yanked"),
        unsat(source, "gone").causes());
    assertEquals(List.of("root requires win",
        "win: no version has a wheel compatible with the target or an sdist;"
            + " wheels exist for: cp312-cp312-win_amd64"),
        unsat(source, "win").causes());
  }

  @Test
  void noCompatibleWheelListsTheTagsThatExistDeduplicatedSortedAndCapped() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .file(file("np", "2.0", "np-2.0-cp312-cp312-win_amd64.whl", null, null, null),
            metadata("2.1", "np", "2.0", List.of()))
        .file(file("np", "2.0", "np-2.0-cp312-cp312-macosx_11_0_x86_64.macosx_11_0_arm64.whl",
                null, null, null), metadata("2.1", "np", "2.0", List.of()))
        .file(file("np", "1.0", "np-1.0-cp312-cp312-win_amd64.whl", null, null, null),
            metadata("2.1", "np", "1.0", List.of()))
        .file(file("np", "1.0", "np-1.0-cp311-cp311-manylinux_2_17_x86_64.whl", null, null, null),
            metadata("2.1", "np", "1.0", List.of()))
        .build();
    assertEquals(List.of("root requires np", "np: no version has a wheel compatible with the target"
        + " or an sdist; wheels exist for: cp311-cp311-manylinux_2_17_x86_64,"
        + " cp312-cp312-macosx_11_0_arm64, cp312-cp312-macosx_11_0_x86_64, cp312-cp312-win_amd64"),
        unsat(source, "np").causes());
    InMemoryPackageSource withSdist = InMemoryPackageSource.builder()
        .file(file("sd", "1.0", "sd-1.0.tar.gz", null, null, null),
            metadata("2.1", "sd", "1.0", List.of()))
        .file(file("sd", "1.0", "sd-1.0-cp312-cp312-win_amd64.whl", null, null, null),
            metadata("2.1", "sd", "1.0", List.of()))
        .build();
    UnsatisfiableException binary = assertThrows(UnsatisfiableException.class,
        () -> SatResolver.create().resolve(request(withSdist, "sd").onlyBinary(true).build()));
    assertEquals(List.of("root requires sd", "sd: no version has a wheel compatible with the target"
        + " (only binaries are allowed); wheels exist for: cp312-cp312-win_amd64"), binary.causes());
    InMemoryPackageSource.Builder many = InMemoryPackageSource.builder();
    for (int minor = 0; minor < 12; minor++) {
      many.file(file("old", "1." + minor, "old-1." + minor + "-cp2" + minor + "-none-win32.whl",
          null, null, null), metadata("2.1", "old", "1." + minor, List.of()));
    }
    assertEquals(List.of("root requires old", "old: no version has a wheel compatible with the"
        + " target or an sdist; wheels exist for: cp20-none-win32, cp21-none-win32, cp210-none-win32,"
        + " cp211-none-win32, cp22-none-win32, cp23-none-win32, cp24-none-win32, cp25-none-win32,"
        + " cp26-none-win32, cp27-none-win32 and 2 more"), unsat(many.build(), "old").causes());
  }

  @Test
  void explainsConflictAcrossManyVersionsAndCarriesData() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("six", "1.11").version("six", "1.12").version("six", "1.13")
        .version("virtualenv", "20.0.1", "six>=1.12")
        .version("virtualenv", "20.0.2", "six>=1.12")
        .build();
    UnsatisfiableException e = unsat(source, "six<1.12", "virtualenv>=20");
    assertEquals("cannot resolve the requirements: root requires six<1.12; root requires"
        + " virtualenv>=20; virtualenv 20.0.1, 20.0.2 require six>=1.12; so no version of six"
        + " satisfies them all", e.getMessage());
    assertEquals(new ConflictCause.Dependency(ProjectName.of("virtualenv"),
        List.of(Version.parse("20.0.1"), Version.parse("20.0.2")), null,
        Requirement.parse("six>=1.12")), e.conflict().get(2));
  }

  @Test
  void roundLimitNamesTheSetting() {
    InMemoryPackageSource.Builder b = InMemoryPackageSource.builder();
    for (int i = 0; i < 5; i++) {
      b.version("p" + i, "1.0", "p" + (i + 1));
    }
    b.version("p5", "1.0");
    ResolutionLimitException e = assertThrows(ResolutionLimitException.class,
        () -> SatResolver.create().resolve(request(b.build(), "p0")
            .options(new ResolverOptions(2, 4, java.time.Duration.ofMinutes(1))).build()));
    assertEquals("maxRounds", e.setting());
    assertEquals("the resolution needed more than 2 rounds of the lazy loop"
        + " (ResolverOptions.maxRounds)", e.getMessage());
  }

  @Test
  void cancellingTheFutureCancelsPendingFetches() throws Exception {
    CompletableFuture<ProjectPage> pending = new CompletableFuture<>();
    CountDownLatch asked = new CountDownLatch(1);
    PackageSource hanging = new PackageSource() {
      @Override
      public CompletableFuture<ProjectPage> page(ProjectName project) {
        asked.countDown();
        return pending;
      }

      @Override
      public CompletableFuture<CoreMetadata> metadata(DistributionFile file) {
        return new CompletableFuture<>();
      }
    };
    CompletableFuture<Resolution> future = SatResolver.create().resolveAsync(
        ResolutionRequest.builder().target(TARGET).source(hanging)
            .requirement(Requirement.parse("a")).build());
    assertTrue(asked.await(10, TimeUnit.SECONDS));
    CountDownLatch abandoned = new CountDownLatch(1);
    pending.whenComplete((v, e) -> abandoned.countDown());
    future.cancel(true);
    // The fetch thread may still be between asking and registering the request: wait for it.
    assertTrue(abandoned.await(10, TimeUnit.SECONDS));
    assertTrue(pending.isCancelled(), "the source's future was cancelled");
  }

  @Test
  void timeoutNamesTheSetting() {
    InMemoryPackageSource source = InMemoryPackageSource.builder().version("a", "1.0").build();
    ResolutionLimitException e = assertThrows(ResolutionLimitException.class,
        () -> SatResolver.create().resolve(request(source, "a")
            .options(new ResolverOptions(10, 4, java.time.Duration.ofNanos(1))).build()));
    assertEquals("timeout", e.setting());
    assertEquals("the resolution took longer than its time budget of PT0.000000001S"
        + " (ResolverOptions.timeout)", e.getMessage());
  }

  @Test
  void listenerHearsEveryEventInOrder() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("a", "1.0", "b").version("b", "1.0").build();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    Resolution r = SatResolver.create().resolve(request(source, "a").listener(
        new ResolutionListener() {
          @Override
          public void projectDiscovered(ProjectName project) {
            events.add("discovered " + project);
          }

          @Override
          public void pageFetched(ProjectPage page) {
            events.add("page " + page.name());
          }

          @Override
          public void metadataFetched(DistributionFile file) {
            events.add("metadata " + file.filename());
          }

          @Override
          public void roundSolved(int round, int unknownChosen) {
            events.add("round " + round + " " + unknownChosen);
          }

          @Override
          public void finished(Resolution resolution) {
            events.add("finished " + resolution.packages().size());
          }
        }).build());
    // b's page is asked for as soon as a's metadata names it, in the same batch.
    assertEquals(List.of("discovered a", "page a", "round 1 1", "discovered b", "page b",
        "metadata a-1.0-py3-none-any.whl", "round 2 1", "metadata b-1.0-py3-none-any.whl",
        "round 3 0", "finished 2"), events);
    assertEquals(new org.pylock4j.resolve.ResolutionStatistics(2, 2, 2, 3,
        r.statistics().solverCalls(), r.statistics().elapsed()), r.statistics());
    assertEquals(List.of(new DependencyEdge(null, ProjectName.of("a"), Requirement.parse("a")),
        new DependencyEdge(ProjectName.of("a"), ProjectName.of("b"), Requirement.parse("b"))),
        r.edges());
  }

  @Test
  void rootWhoseMarkerIsFalseIsIgnored() {
    InMemoryPackageSource source = InMemoryPackageSource.builder().version("a", "1.0").build();
    Resolution r = resolve(source, "a", "pywin32; sys_platform == 'win32'");
    assertEquals(Map.of("a", "1.0"), versions(r));
    assertEquals(2, r.roots().size());
  }

  @Test
  void indexFailureFailsTheResolution() {
    PackageSource failing = new PackageSource() {
      @Override
      public CompletableFuture<ProjectPage> page(ProjectName project) {
        return CompletableFuture.failedFuture(new org.pylock4j.error.IndexException(
            "503 Service Unavailable", "https://example.org/simple/a/", 503, null));
      }

      @Override
      public CompletableFuture<CoreMetadata> metadata(DistributionFile file) {
        throw new AssertionError();
      }
    };
    org.pylock4j.error.IndexException e = assertThrows(org.pylock4j.error.IndexException.class,
        () -> SatResolver.create().resolve(ResolutionRequest.builder().target(TARGET)
            .source(failing).requirement(Requirement.parse("a")).build()));
    assertEquals("503 Service Unavailable", e.getMessage());
  }

  @Test
  void explainsARequirementNoVersionOnTheIndexMatchesByNamingTheNewestCandidates() {
    InMemoryPackageSource.Builder builder = InMemoryPackageSource.builder();
    for (int minor = 0; minor < 7; minor++) {
      builder.version("a", "1." + minor);
    }
    builder.version("b", "2.0");
    InMemoryPackageSource source = builder.build();
    UnsatisfiableException many = assertThrows(UnsatisfiableException.class,
        () -> SatResolver.create().resolve(request(source, "a<1").build()));
    assertEquals(List.of("root requires a<1",
        "a: no version matches <1 (nearest: 1.0; candidates: … 1.2, 1.3, 1.4, 1.5, 1.6)"),
        many.causes());
    UnsatisfiableException one = assertThrows(UnsatisfiableException.class,
        () -> SatResolver.create().resolve(request(source, "b>=3").build()));
    assertEquals(List.of("root requires b>=3", "b: no version matches >=3 (candidates: 2.0)"),
        one.causes());
  }

  @Test
  void explainsARequirementNoVersionMatchesByNamingTheCandidatesNearestItsRange() {
    InMemoryPackageSource.Builder builder = InMemoryPackageSource.builder();
    for (String v : List.of("1.22.4", "1.23.4", "1.23.5", "1.24.4", "1.25.2", "1.26.4", "2.0.2",
        "2.1.3")) {
      builder.version("numpy", v);
    }
    InMemoryPackageSource source = builder.build();
    UnsatisfiableException e = assertThrows(UnsatisfiableException.class,
        () -> SatResolver.create().resolve(request(source, "numpy<1.24,>1.23.5").build()));
    assertEquals(List.of("root requires numpy<1.24,>1.23.5",
        "numpy: no version matches <1.24,>1.23.5 (nearest: 1.23.5, 1.24.4; candidates: … 1.24.4, "
            + "1.25.2, 1.26.4, 2.0.2, 2.1.3)"), e.causes());
  }

  @Test
  void explainsWhyTheVersionsARequirementNamesAreNotCandidates() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("a", "1.0")
        .version("a", "2.0")
        .file(file("a", "3.0", "a-3.0-py3-none-any.whl", "broken build", null, null),
            metadata("2.1", "a", "3.0", List.of()))
        .build();
    UnsatisfiableException e = assertThrows(UnsatisfiableException.class,
        () -> SatResolver.create().resolve(request(source, "a>=2")
            .exclude(ProjectName.of("a"), Version.parse("2.0"), "CVE-2024-0001").build()));
    assertEquals(List.of("root requires a>=2",
        "a: no candidate version matches >=2 (2.0 excluded by the request (CVE-2024-0001);"
            + " 3.0 yanked)"), e.causes());
    // An excluded version is named with the reason the request gave for it.
    UnsatisfiableException excludedOnly = assertThrows(UnsatisfiableException.class,
        () -> SatResolver.create().resolve(request(source, "a==2.0")
            .exclude(ProjectName.of("a"), Version.parse("2.0"), "CVE-2024-0001").build()));
    assertEquals(List.of("root requires a==2.0",
        "a: no candidate version matches ==2.0 (2.0 excluded by the request (CVE-2024-0001))"),
        excludedOnly.causes());
  }

  @Test
  void aVersionFilterExcludesVersionsOfEachPageInOneResolutionWithItsReason() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("app", "1.0", "a")
        .version("a", "1.0")
        .version("a", "2.0")
        .build();
    java.util.List<String> asked = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    org.pylock4j.resolve.VersionFilter filter = page -> {
      asked.add(page.name().toString());
      return java.util.concurrent.CompletableFuture.completedFuture(page.name().equals(ProjectName.of("a"))
          ? Map.of(Version.parse("2.0"), "known vulnerability GHSA-x")
          : Map.of());
    };
    Resolution r = SatResolver.create().resolve(request(source, "app").versionFilter(filter).build());
    assertEquals(Map.of("app", "1.0", "a", "1.0"), versions(r));
    assertEquals(java.util.List.of("a", "app"), asked.stream().sorted().toList(), "once per page");
    UnsatisfiableException e = assertThrows(UnsatisfiableException.class,
        () -> SatResolver.create().resolve(request(source, "a>=2").versionFilter(filter).build()));
    assertEquals(List.of("root requires a>=2",
        "a: no candidate version matches >=2 (2.0 excluded by the request (known vulnerability"
            + " GHSA-x))"), e.causes());
  }
}
