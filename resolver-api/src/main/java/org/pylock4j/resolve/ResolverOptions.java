package org.pylock4j.resolve;

import java.time.Duration;

/**
 * Limits of one resolution. Breaching one fails the resolution with a message naming the setting,
 * except {@code maxExplanationConflicts}: it only makes the explanation of an unsatisfiable
 * request less precise.
 *
 * @param maxRounds the most rounds of the lazy loop (default 1000: real sets take 3 to 9; a deep
 *     backtracking trap of 50 projects × 100 versions takes 68, a cycle of 200 × 200 takes 216)
 * @param maxParallelFetches the most page and metadata requests in flight (default 16)
 * @param timeout the wall-time budget of the whole resolution, explaining a failure included
 *     (default 10 minutes)
 * @param explanationTimeout the wall-time budget for explaining why a request is unsatisfiable,
 *     once that is proven (default 10 seconds: real conflicts take milliseconds)
 * @param maxExplanationConflicts the most solver conflicts spent on that explanation (default
 *     100,000: real conflicts need a few hundred)
 * @param maxProjects the most distinct projects the resolution may consider, roots and discovered
 *     dependencies together (default 10,000: the largest real sets have a few hundred); checked
 *     before the pages of the projects over it are fetched
 *
 * <p>When the explanation's budget runs out (either of its two limits, or the resolution's {@code
 * timeout}), it is an unsatisfiable core that is true but not minimal, or, when not even that was
 * found, the root requirements, and its message says which limit stopped it; the resolution still
 * ends as unsatisfiable ({@link org.pylock4j.error.UnsatisfiableException}).
 */
public record ResolverOptions(
    int maxRounds,
    int maxParallelFetches,
    Duration timeout,
    Duration explanationTimeout,
    long maxExplanationConflicts,
    int maxProjects) {

  /** The default of {@link #explanationTimeout()}: 10 seconds. */
  public static final Duration DEFAULT_EXPLANATION_TIMEOUT = Duration.ofSeconds(10);

  /** The default of {@link #maxExplanationConflicts()}: 100,000. */
  public static final long DEFAULT_MAX_EXPLANATION_CONFLICTS = 100_000;

  /** The default of {@link #maxProjects()}: 10,000. */
  public static final int DEFAULT_MAX_PROJECTS = 10_000;

  /** The defaults. */
  public static final ResolverOptions DEFAULTS =
      new ResolverOptions(1000, 16, Duration.ofMinutes(10));

  /**
   * Checks the values.
   *
   * @param maxRounds the most rounds of the lazy loop (default 1000: real sets take 3 to 9; a
   *     deep backtracking trap of 50 projects × 100 versions takes 68, a 200 × 200 cycle 216)
   * @param maxParallelFetches the most page and metadata requests in flight (default 16)
   * @param timeout the wall-time budget of the whole resolution (default 10 minutes)
   * @param explanationTimeout the wall-time budget for explaining why a request is unsatisfiable,
   *     once that is proven (default 10 seconds: real conflicts take milliseconds)
   * @param maxExplanationConflicts the most solver conflicts spent on that explanation (default
   *     100,000: real conflicts need a few hundred)
   * @param maxProjects the most distinct projects the resolution may consider (default 10,000)
   */
  public ResolverOptions {
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds must be positive, was " + maxRounds);
    }
    if (maxParallelFetches < 1) {
      throw new IllegalArgumentException(
          "maxParallelFetches must be positive, was " + maxParallelFetches);
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (explanationTimeout == null || explanationTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "explanationTimeout must not be negative, was " + explanationTimeout);
    }
    if (maxExplanationConflicts < 0) {
      throw new IllegalArgumentException(
          "maxExplanationConflicts must not be negative, was " + maxExplanationConflicts);
    }
    if (maxProjects < 1) {
      throw new IllegalArgumentException("maxProjects must be positive, was " + maxProjects);
    }
  }

  /**
   * Limits with the default {@link #maxProjects()}.
   *
   * @param maxRounds the most rounds of the lazy loop
   * @param maxParallelFetches the most requests in flight
   * @param timeout the wall-time budget, must not be null
   * @param explanationTimeout the wall-time budget of explaining an unsatisfiable request
   * @param maxExplanationConflicts the most solver conflicts spent on that explanation
   */
  public ResolverOptions(int maxRounds, int maxParallelFetches, Duration timeout,
      Duration explanationTimeout, long maxExplanationConflicts) {
    this(maxRounds, maxParallelFetches, timeout, explanationTimeout, maxExplanationConflicts,
        DEFAULT_MAX_PROJECTS);
  }

  /**
   * Limits with the default {@link #explanationTimeout()}, {@link #maxExplanationConflicts()} and
   * {@link #maxProjects()}.
   *
   * @param maxRounds the most rounds of the lazy loop
   * @param maxParallelFetches the most requests in flight
   * @param timeout the wall-time budget, must not be null
   */
  public ResolverOptions(int maxRounds, int maxParallelFetches, Duration timeout) {
    this(
        maxRounds,
        maxParallelFetches,
        timeout,
        DEFAULT_EXPLANATION_TIMEOUT,
        DEFAULT_MAX_EXPLANATION_CONFLICTS,
        DEFAULT_MAX_PROJECTS);
  }
}
