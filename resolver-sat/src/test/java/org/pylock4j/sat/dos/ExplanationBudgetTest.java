package org.pylock4j.sat.dos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.UnsatisfiableException;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.ConflictCause;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.ResolverOptions;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.sat.SatResolver;

/**
 * Explaining an unsatisfiable request is bounded: when its budget runs out the resolution still
 * ends as unsatisfiable, with a true explanation that says it is not minimal and which limit
 * stopped it. The time bound only guards against a hang.
 */
class ExplanationBudgetTest {

  private static final Duration HANG = Duration.ofSeconds(120);

  /**
   * {@code n} projects of {@code m} versions in a cycle: {@code p_i==v} requires {@code
   * p_{i+1}<v}, so no choice of versions works.
   */
  private static ResolutionRequest.Builder cycle(int n, int m) {
    InMemoryPackageSource.Builder b = InMemoryPackageSource.builder();
    for (int i = 0; i < n; i++) {
      for (int v = 1; v <= m; v++) {
        b.version("p" + i, v + ".0", "p" + ((i + 1) % n) + "<" + v + ".0");
      }
    }
    return ResolutionRequest.builder()
        .target(TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64))
        .source(b.build())
        .requirement(Requirement.parse("p0"));
  }

  private static UnsatisfiableException unsatisfiable(ResolutionRequest request) {
    return assertThrows(
        UnsatisfiableException.class,
        () -> assertTimeoutPreemptively(HANG, () -> SatResolver.create().resolve(request)));
  }

  private static ResolverOptions limits(Duration explanationTimeout, long conflicts) {
    ResolverOptions d = ResolverOptions.DEFAULTS;
    return new ResolverOptions(
        d.maxRounds(), d.maxParallelFetches(), d.timeout(), explanationTimeout, conflicts);
  }

  @Test
  void noConflictsToSpendGivesTheUnminimisedCoreAndNamesTheSetting() {
    UnsatisfiableException e =
        unsatisfiable(
            cycle(4, 4).options(limits(ResolverOptions.DEFAULT_EXPLANATION_TIMEOUT, 0)).build());
    // the first proof needs no conflict here (propagation alone), so its core is known
    assertTrue(
        e.getMessage().startsWith(
            "cannot resolve the requirements: root requires p0; p0 1.0 requires p1<1.0;"),
        e.getMessage());
    assertTrue(
        e.getMessage().endsWith(
            "; so no version of p0 satisfies them all (not minimal: explaining stopped after 0"
                + " solver conflicts (ResolverOptions.maxExplanationConflicts))"),
        e.getMessage());
    assertEquals(new ConflictCause.RootRequirement(Requirement.parse("p0")), e.conflict().get(0));
  }

  @Test
  void noTimeToSpendGivesTheRootsAndNamesTheSetting() {
    UnsatisfiableException e =
        unsatisfiable(
            cycle(4, 4)
                .options(limits(Duration.ZERO, ResolverOptions.DEFAULT_MAX_EXPLANATION_CONFLICTS))
                .build());
    assertEquals(
        "cannot resolve the requirements: root requires p0 (not minimal: explaining stopped after"
            + " its time budget of PT0S (ResolverOptions.explanationTimeout))",
        e.getMessage());
  }

  @Test
  void withTheDefaultBudgetASmallCycleIsExplainedMinimally() {
    UnsatisfiableException e = unsatisfiable(cycle(2, 2).build());
    assertTrue(e.getMessage().startsWith("cannot resolve the requirements: root requires p0;"),
        e.getMessage());
    assertTrue(!e.getMessage().contains("not minimal"), e.getMessage());
  }

  @Test
  void aLongExplanationListsThirtyCausesAndCountsTheRest() {
    UnsatisfiableException e = unsatisfiable(cycle(8, 8).build());
    int total = e.causes().size();
    assertTrue(total > 30, "causes: " + total);
    assertTrue(e.getMessage().contains("; … and " + (total - 30) + " more"), e.getMessage());
    assertEquals(
        String.join("; ", e.causes().subList(0, 30)),
        e.getMessage()
            .substring("cannot resolve the requirements: ".length())
            .split("; … and ")[0]);
  }
}
