package org.pylock4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.requirement.MarkerEnvironment.Platform;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.sat.SatResolver;

class PinsTest {

  @TempDir Path dir;

  @Test
  void requirementsLockPinsKeepNamesWithExtrasAndSkipComments() throws IOException {
    Path lock = dir.resolve("lock.txt");
    Files.writeString(lock, """
        # via pytest
        Pandas[test]==1.0.1 \\
            --hash=sha256:00
        six==1.14.0
            # via python-dateutil
        zope.interface==5.2.0 ; python_version >= "3"
        """);
    assertEquals(Map.of("pandas", "1.0.1", "six", "1.14.0", "zope-interface", "5.2.0"),
        Pins.fromRequirementsLock(lock));
  }

  @Test
  void pipReportInstallListIsNormalised() throws IOException {
    Path report = dir.resolve("r.json");
    Files.writeString(report, """
        {"version": "1", "install": [
          {"metadata": {"name": "PyYAML", "version": "5.3.1"}},
          {"metadata": {"name": "six", "version": "1.15.0"}}]}
        """);
    assertEquals(Map.of("pyyaml", "5.3.1", "six", "1.15.0"), Pins.fromPipReport(report));
  }

  @Test
  void differencesCompareAsPep440Versions() {
    assertEquals(List.of("b: pylock4j 2.0, pip —", "c: pylock4j 1.0, pip 1.1"),
        Pins.differences(Map.of("a", "1.0.0", "b", "2.0", "c", "1.0"),
            Map.of("a", "1.0", "c", "1.1")));
  }

  @Test
  void firstDifferenceFollowsTheOptimisersWalkFromTheRoots() {
    // app needs zlib and alib; the walk decides app, then alib and zlib (name order), then c
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("app", "1.0", "zlib", "alib")
        .version("alib", "1.0", "c")
        .version("zlib", "1.0")
        .version("zlib", "2.0")
        .version("c", "1.0")
        .build();
    Resolution ours = SatResolver.create().resolve(ResolutionRequest.builder()
        .requirement(Requirement.parse("app"))
        .target(TargetEnvironment.cpython("3.11", Platform.LINUX_X86_64))
        .source(source).build());
    Map<String, String> pins = Pins.fromResolution(ours);
    assertEquals("zlib: pylock4j 2.0 vs pip 1.0 → pylock4j (newer)",
        Pins.firstLexicographicDifference(ours, pins,
            Map.of("app", "1.0", "alib", "1.0", "zlib", "1.0", "c", "1.0")));
    assertEquals("extra: pylock4j — vs pip 1.0 → pylock4j (leaves it out)",
        Pins.firstLexicographicDifference(ours, pins,
            Map.of("app", "1.0", "alib", "1.0", "zlib", "2.0", "c", "1.0", "extra", "1.0")));
    assertEquals("", Pins.firstLexicographicDifference(ours, pins, pins));
  }
}
