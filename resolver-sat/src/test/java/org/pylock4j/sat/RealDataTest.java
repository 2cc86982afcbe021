package org.pylock4j.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.version.Version;

class RealDataTest {

  static final TargetEnvironment PY38 =
      TargetEnvironment.cpython("3.8", MarkerEnvironment.Platform.LINUX_X86_64);

  static ResolutionRequest request(String name) {
    Snapshot.Case c = Snapshot.rootSet(name);
    return ResolutionRequest.builder()
        .requirements(c.requirements())
        .target(c.snapshotId() != null ? PY38 : SatResolverTest.TARGET)
        .source(Snapshot.source(c.snapshotId()))
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"resolvelib-chalice", "resolvelib-cheroot", "resolvelib-pyrex-1.9.8",
      "resolvelib-with-without-extras", "resolvelib-conflict-with-dependency",
      "resolvelib-different-extras", "uv-boto3", "uv-black", "uv-jupyter"})
  void show(String name) {
    try {
      Resolution r = SatResolver.create().resolve(request(name));
      Map<String, String> diff = new TreeMap<>();
      Map<String, String> actual = SatResolverTest.versions(r);
      Map<String, String> expected = Snapshot.expected(name);
      actual.forEach((k, v) -> {
        String e = expected.get(k);
        if (e == null || !Version.parse(v).equals(Version.tryParse(e).orElse(null))) {
          diff.put(k, e + " -> " + v);
        }
      });
      expected.forEach((k, v) -> {
        if (!actual.containsKey(k)) {
          diff.put(k, v + " -> (none)");
        }
      });
      System.out.println(name + " " + r.statistics() + " diff " + diff + " warnings " + r.warnings());
    } catch (RuntimeException e) {
      System.out.println(name + " " + e);
    }
  }
}
