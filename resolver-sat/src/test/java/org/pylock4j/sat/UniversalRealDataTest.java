package org.pylock4j.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.UniversalTarget;
import org.pylock4j.version.SpecifierSet;

/**
 * Universal locks of the snapshot's root sets (real 2020 PyPI metadata and filenames): valid and
 * minimal in every environment of {@link UniversalValidity#matrix()}, and with one version per
 * project except the projects listed, which are forked (and why is in docs/design-notes.md).
 */
class UniversalRealDataTest {

  static ResolutionRequest request(String name, String requiresPython) {
    Snapshot.Case c = Snapshot.rootSet(name);
    return ResolutionRequest.builder()
        .requirements(c.requirements())
        .target(SatResolverTest.TARGET)
        .source(Snapshot.source(c.snapshotId()))
        .universal(UniversalTarget.of(SpecifierSet.parse(requiresPython)))
        .build();
  }

  @ParameterizedTest(name = "{0} requires-python {1}")
  @CsvSource(delimiter = '|', value = {
      "uv-jupyter|>=3.8|",
      "uv-black|>=3.8|",
      "uv-boto3|>=3.8|",
      "resolvelib-cheroot|>=3.8|",
      "resolvelib-chalice|>=3.8|",
      "resolvelib-with-without-extras|>=3.8|",
  })
  void validEverywhereWithForksOnlyWhereForced(String name, String requiresPython, String forked) {
    ResolutionRequest request = request(name, requiresPython);
    Resolution r = SatResolver.create().resolve(request);
    assertEquals(List.of(), UniversalValidity.problems(r, request.source()));
    Map<String, String> multi = new TreeMap<>();
    for (LockedPackage p : r.packages()) {
      if (r.packages().stream().filter(q -> q.name().equals(p.name())).count() > 1) {
        multi.merge(p.name().toString(), p.version() + " ; " + p.marker(), (a, b) -> a + " | " + b);
      }
    }
    StringBuilder all = new StringBuilder();
    for (LockedPackage p : r.packages()) {
      all.append(p.name()).append(' ').append(p.version())
          .append(p.marker() == null ? "" : " ; " + p.marker()).append('\n');
    }
    System.out.println(name + " (" + r.statistics() + ")\n" + all);
    assertEquals(forked == null ? "" : forked, String.join(", ", multi.keySet()), multi.toString());
  }
}
