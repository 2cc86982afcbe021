package org.pylock4j.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.PylockException;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.resolve.PublisherIdentity;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.Resolver;
import org.pylock4j.sat.SatResolver;
import org.pylock4j.version.Version;

/**
 * PEP 740 publisher identities in {@code pylock.toml} (PEP 751 {@code attestation-identities})
 * and publisher drift in {@link LockVerifier}. Files are real (names and sha256 from {@code
 * lock/real-files.tsv}); the identities are made up for the test ({@code example-org/...}).
 */
class PublisherDriftTest {

  private static final Resolver RESOLVER = SatResolver.create();
  private static final String SIX = "six-1.17.0-py2.py3-none-any.whl";
  private static final String IDNA = "idna-3.7-py3-none-any.whl";
  private static final PublisherIdentity SIX_RELEASE = PublisherIdentity.of("GitHub",
      Map.of("repository", "example-org/six", "workflow", "release.yml", "environment", "pypi"));
  private static final PublisherIdentity SIX_FORK = PublisherIdentity.of("GitHub",
      Map.of("repository", "someone-else/six", "workflow", "release.yml"));

  private static ResolutionRequest request() {
    InMemoryPackageSource.Builder b = InMemoryPackageSource.builder().index(LockFixtures.INDEX);
    for (String name : List.of(SIX, IDNA)) {
      DistributionFile f = LockFixtures.file(name);
      b.file(f, new CoreMetadata("2.1", f.project().normalized(), f.version().toString(),
          List.of(), null, List.of(), List.of()));
    }
    return ResolutionRequest.builder().target(LockFixtures.target()).source(b.build())
        .requirement(Requirement.parse("six")).requirement(Requirement.parse("idna"))
        .build();
  }

  /** A lookup over a map by filename, counting its calls. */
  private static final class Lookup implements PublisherLookup {
    final Map<String, List<PublisherIdentity>> byFile = new HashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public CompletableFuture<List<PublisherIdentity>> publishers(DistributionFile file) {
      calls.incrementAndGet();
      return CompletableFuture.completedFuture(byFile.getOrDefault(file.filename(), List.of()));
    }
  }

  private static Pylock lock(Map<String, List<PublisherIdentity>> identities) {
    Resolution resolution = RESOLVER.resolve(request());
    return LockFiles.fromResolution(resolution,
        LockOptions.builder().publisherIdentities(identities).build());
  }

  @Test
  void identitiesAreWrittenPerPackageAndReadBack() {
    Pylock lock = lock(Map.of(SIX, List.of(SIX_RELEASE)));
    String text = LockFiles.writePylock(lock);
    assertTrue(text.contains("""
        [[packages.attestation-identities]]
        kind = "GitHub"
        environment = "pypi"
        repository = "example-org/six"
        workflow = "release.yml"
        """), text);
    Pylock read = LockFiles.readPylock(text, "pylock.toml");
    assertEquals(lock, read);
    PylockPackage six = read.find(ProjectName.of("six")).get(0);
    assertEquals(List.of(SIX_RELEASE),
        six.attestationIdentities().stream().map(a -> a.toPublisherIdentity()).toList());
    assertEquals(List.of(),
        read.find(ProjectName.of("idna")).get(0).attestationIdentities());
  }

  @Test
  void theSameIdentityOnSeveralFilesIsWrittenOnce() {
    Pylock lock = lock(Map.of(SIX, List.of(SIX_RELEASE, SIX_RELEASE)));
    assertEquals(1, lock.find(ProjectName.of("six")).get(0)
        .attestationIdentities().size());
  }

  @Test
  void unchangedPublishersAreClean() {
    Lookup lookup = new Lookup();
    lookup.byFile.put(SIX, List.of(SIX_RELEASE));
    LockVerification v = LockVerifier.verify(lock(Map.of(SIX, List.of(SIX_RELEASE))),
        "pylock.toml", request(), RESOLVER, lookup);
    assertTrue(v.isClean(), v.render());
    // only the package with recorded identities is looked up
    assertEquals(1, lookup.calls.get());
  }

  @Test
  void aChangedPublisherIsFlagged() {
    Lookup lookup = new Lookup();
    lookup.byFile.put(SIX, List.of(SIX_FORK));
    LockVerification v = LockVerifier.verify(lock(Map.of(SIX, List.of(SIX_RELEASE))),
        "pylock.toml", request(), RESOLVER, lookup);
    assertEquals(List.of(new LockDrift.PublisherChanged(ProjectName.of("six"),
        Version.parse("1.17.0"), List.of(SIX_RELEASE), List.of(SIX_FORK))), v.drifts());
    assertEquals("""
        pylock.toml differs from a fresh resolution (1 drift):
          - six 1.17.0: publisher changed: lock [GitHub environment=pypi \
        repository=example-org/six workflow=release.yml], index [GitHub \
        repository=someone-else/six workflow=release.yml]""", v.render());
  }

  @Test
  void aPublisherThatDisappearedIsFlagged() {
    LockVerification v = LockVerifier.verify(lock(Map.of(SIX, List.of(SIX_RELEASE))),
        "pylock.toml", request(), RESOLVER, new Lookup());
    assertEquals(List.of(new LockDrift.PublisherRemoved(ProjectName.of("six"),
        Version.parse("1.17.0"), List.of(SIX_RELEASE))), v.drifts());
    assertEquals("six 1.17.0: publisher identity gone: the lock records [GitHub "
        + "environment=pypi repository=example-org/six workflow=release.yml], the index serves "
        + "no provenance for its files", v.drifts().get(0).describe());
  }

  @Test
  void anAddedPublisherIsNotADriftAndNoLookupSkipsTheCheck() {
    Lookup lookup = new Lookup();
    lookup.byFile.put(IDNA, List.of(SIX_FORK));
    assertTrue(LockVerifier.verify(lock(Map.of()), "pylock.toml", request(), RESOLVER, lookup)
        .isClean());
    assertEquals(0, lookup.calls.get());
    // the four-argument form never looks publishers up
    assertTrue(LockVerifier.verify(lock(Map.of(SIX, List.of(SIX_RELEASE))), "pylock.toml",
        request(), RESOLVER).isClean());
  }

  @Test
  void aFailingLookupFailsTheVerification() {
    PublisherLookup failing = file -> CompletableFuture.failedFuture(
        new PylockException("provenance of " + file.filename() + " unreadable"));
    PylockException e = org.junit.jupiter.api.Assertions.assertThrows(PylockException.class,
        () -> LockVerifier.verify(lock(Map.of(SIX, List.of(SIX_RELEASE))), "pylock.toml",
            request(), RESOLVER, failing));
    assertEquals("provenance of " + SIX + " unreadable", e.getMessage());
  }

  @Test
  void reLockingComparesPublishersByProject() {
    Pylock before = lock(Map.of(SIX, List.of(SIX_RELEASE), IDNA, List.of(SIX_RELEASE)));
    assertEquals(List.of(), LockVerifier.publisherDrift(before, before));
    Pylock after = lock(Map.of(SIX, List.of(SIX_FORK)));
    assertEquals(List.of(
        new LockDrift.PublisherRemoved(ProjectName.of("idna"), Version.parse("3.7"),
            List.of(SIX_RELEASE)),
        new LockDrift.PublisherChanged(ProjectName.of("six"), Version.parse("1.17.0"),
            List.of(SIX_RELEASE), List.of(SIX_FORK))),
        LockVerifier.publisherDrift(before, after));
    // identities appearing are not drift
    assertEquals(List.of(), LockVerifier.publisherDrift(lock(Map.of()), after));
  }
}
