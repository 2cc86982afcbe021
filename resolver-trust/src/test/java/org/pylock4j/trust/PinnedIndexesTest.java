package org.pylock4j.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pylock4j.error.UnsatisfiableException;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.sat.SatResolver;

class PinnedIndexesTest {

  static final String INTERNAL = "https://internal.example/simple/";

  /** The public index, where an attacker uploaded a higher version of the internal name. */
  static final InMemoryPackageSource PUBLIC = InMemoryPackageSource.builder()
      .version("acme-internal", "99.0")
      .version("six", "1.16.0")
      .build();

  static LockedPackage resolveOne(ResolutionRequest.Builder b, String name) {
    return SatResolver.create().resolve(b.build()).find(ProjectName.of(name)).orElseThrow();
  }

  static ResolutionRequest.Builder request(org.pylock4j.resolve.PackageSource source) {
    return ResolutionRequest.builder()
        .target(TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64))
        .source(source)
        .requirement(Requirement.parse("acme-internal"))
        .requirement(Requirement.parse("six"));
  }

  @Test
  void aPinnedProjectComesFromItsIndexWhateverTheOthersOffer() {
    InMemoryPackageSource internal = InMemoryPackageSource.builder().index(INTERNAL).version("acme-internal", "1.2").build();
    PinnedIndexes source = PinnedIndexes.builder(PUBLIC).pin(ProjectName.of("acme-internal"), internal).build();
    LockedPackage acme = resolveOne(request(source), "acme-internal");
    assertEquals("1.2", acme.version().toString());
    assertEquals(INTERNAL, acme.index());
    assertEquals("https://pypi.org/simple/", resolveOne(request(source), "six").index());
  }

  @Test
  void aPinnedProjectMissingFromItsIndexIsNeverTakenFromTheOthers() {
    InMemoryPackageSource internal = InMemoryPackageSource.builder().index(INTERNAL).build();
    PinnedIndexes source = PinnedIndexes.builder(PUBLIC).pin(ProjectName.of("acme-internal"), internal).build();
    assertThrows(UnsatisfiableException.class, () -> SatResolver.create().resolve(request(source).build()));
  }

  @Test
  void pinningOneProjectToTwoIndexesIsRefused() {
    InMemoryPackageSource a = InMemoryPackageSource.builder().build();
    InMemoryPackageSource b = InMemoryPackageSource.builder().build();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PinnedIndexes.builder(PUBLIC).pin(ProjectName.of("Acme_Internal"), a).pin(ProjectName.of("acme-internal"), b));
    assertEquals("project acme-internal is already pinned to another index", e.getMessage());
  }
}
