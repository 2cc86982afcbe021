package org.pylock4j.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.UnsatisfiableException;
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
}
