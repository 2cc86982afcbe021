package org.pylock4j.pypi.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pylock4j.pypi.Dists;
import org.pylock4j.pypi.IndexStrategy;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.sat.SatResolver;

/**
 * Finding 8: under unsafe-best-match, a version taken from the public index (dependency
 * confusion) is recorded with the public index, not the internal one, so a review sees it.
 */
class BestMatchIndexTest {

  private static EvilServer index(String version) {
    String wheel = "acme-" + version + "-py3-none-any.whl";
    byte[] bytes = Dists.wheel("acme", version, Dists.metadata("acme", version), 10);
    return new EvilServer()
        .json("/simple/acme/", EvilServer.page("acme", "{\"filename\": \"" + wheel + "\", \"url\": \""
            + wheel + "\", \"hashes\": {\"sha256\": \"" + EvilServer.sha256(bytes) + "\"}}"))
        .bytes("/simple/acme/" + wheel, bytes);
  }

  @Test
  void theLockNamesTheIndexThatServedTheFile() {
    try (EvilServer internal = index("1.0"); EvilServer pub = index("99.0");
        PypiIndex source = Hostile.client(internal.indexUrl(), pub.indexUrl())
            .indexStrategy(IndexStrategy.UNSAFE_BEST_MATCH).warnings(w -> { }).build()) {
      Resolution resolution = SatResolver.create().resolve(ResolutionRequest.builder()
          .target(TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64))
          .source(source).requirement(Requirement.parse("acme")).build());
      LockedPackage acme = resolution.packages().get(0);
      assertEquals("99.0", acme.version().toString());
      assertEquals(pub.indexUrl(), acme.index());
    }
  }
}
