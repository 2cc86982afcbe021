package org.pylock4j.sat.dos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pylock4j.error.ResolutionLimitException;
import org.pylock4j.error.UnsatisfiableException;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.ResolverOptions;
import org.pylock4j.sat.SatResolver;

/**
 * Deciding that a request is unsatisfiable is bounded (issue 18, finding 10): inputs that walk
 * down hundreds of versions round after round make the lazy loop turn eager instead of optimising
 * every round, and end as unsatisfiable with an explanation naming the cycle; the answer of a
 * satisfiable input that turns eager is still the one optimum. An input whose proof is
 * exponential for any resolution-based solver (the pigeonhole principle) ends at the resolution's
 * time budget, naming it. The timeouts only guard against a hang (see HardUnsatMain for figures).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class UnsatisfiabilityIsBoundedTest {

  private static UnsatisfiableException unsatisfiable(ResolutionRequest.Builder request) {
    return assertThrows(
        UnsatisfiableException.class, () -> SatResolver.create().resolve(request.build()));
  }

  private static void assertNamesTheCycle(UnsatisfiableException e, String... projects) {
    for (String p : projects) {
      assertTrue(java.util.regex.Pattern.compile("\\b" + p + "\\b").matcher(e.getMessage()).find(),
          p + ": " + e.getMessage());
    }
    assertTrue(e.causes().size() > 30, "causes: " + e.causes().size());
  }

  @Test
  void aCycleOf200ProjectsOf200VersionsIsUnsatisfiable() {
    UnsatisfiableException e = unsatisfiable(HardUnsat.cycle(200, 200, false));
    assertTrue(e.getMessage().startsWith(
        "cannot resolve the requirements: root requires p0; p0 1.0 requires p1<1.0;"),
        e.getMessage());
    assertNamesTheCycle(e, "p0", "p1");
  }

  @Test
  void aCycleWhoseProjectsAreAllRequiredIsUnsatisfiable() {
    UnsatisfiableException e = unsatisfiable(HardUnsat.cycle(80, 80, true));
    assertTrue(e.getMessage().startsWith("cannot resolve the requirements: root requires p"),
        e.getMessage());
  }

  @Test
  void aSatisfiableCycleThatTurnsEagerStillGetsTheOptimum() {
    int n = 40;
    int m = 60;
    Resolution r = SatResolver.create().resolve(HardUnsat.cycleWithExit(n, m).build());
    Map<String, String> expected = new TreeMap<>();
    for (int i = 0; i < n - 1; i++) {
      expected.put("p" + i, (m - i) + ".0");
    }
    expected.put("p" + (n - 1), "1.0");
    Map<String, String> actual = new TreeMap<>();
    for (LockedPackage p : r.packages()) {
      actual.put(p.name().toString(), p.version().toString());
    }
    assertEquals(expected, actual);
    // more rounds than are optimised: the eager rounds ran
    assertTrue(r.statistics().rounds() > 16, r.statistics().toString());
  }

  @Test
  void aSmallSatisfiableCycleStaysLazyWithTheSameShapeOfAnswer() {
    Resolution r = SatResolver.create().resolve(HardUnsat.cycleWithExit(3, 5).build());
    Map<String, String> actual = new TreeMap<>();
    for (LockedPackage p : r.packages()) {
      actual.put(p.name().toString(), p.version().toString());
    }
    assertEquals(Map.of("p0", "5.0", "p1", "4.0", "p2", "1.0"), actual);
    assertTrue(r.statistics().rounds() <= 16, r.statistics().toString());
  }

  @Test
  void thePigeonholePrincipleEndsAtTheTimeBudgetNamingIt() {
    ResolverOptions d = ResolverOptions.DEFAULTS;
    ResolverOptions oneSecond = new ResolverOptions(d.maxRounds(), d.maxParallelFetches(),
        Duration.ofSeconds(1), d.explanationTimeout(), d.maxExplanationConflicts());
    // 11 pigeons in 10 holes: no resolution proof is shorter than exponential (Haken 1985);
    // Sat4j needs minutes for 10 in 9, so one second cannot decide it
    ResolutionLimitException e = assertThrows(ResolutionLimitException.class,
        () -> SatResolver.create().resolve(HardUnsat.pigeons(11, 10).options(oneSecond).build()));
    assertEquals("timeout", e.setting());
    assertEquals(
        "the resolution took longer than its time budget of PT1S (ResolverOptions.timeout)",
        e.getMessage());
  }

  @Test
  void smallPigeonholesAreProvenUnsatisfiable() {
    UnsatisfiableException e = unsatisfiable(HardUnsat.pigeons(4, 3));
    assertTrue(e.getMessage().contains("pigeon0"), e.getMessage());
  }
}
