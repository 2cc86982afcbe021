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
    long maxExplanationConflicts) {

  /** The default of {@link #explanationTimeout()}: 10 seconds. */
  public static final Duration DEFAULT_EXPLANATION_TIMEOUT = Duration.ofSeconds(10);

  /** The default of {@link #maxExplanationConflicts()}: 100,000. */
  public static final long DEFAULT_MAX_EXPLANATION_CONFLICTS = 100_000;

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
  }

  /**
   * Limits with the default {@link #explanationTimeout()} and {@link #maxExplanationConflicts()}.
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
        DEFAULT_MAX_EXPLANATION_CONFLICTS);
  }
}
