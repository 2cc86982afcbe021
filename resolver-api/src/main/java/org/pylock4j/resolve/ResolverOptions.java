package org.pylock4j.resolve;

import java.time.Duration;

/**
 * Limits of one resolution. Breaching one fails the resolution with a message naming the setting.
 *
 * @param maxRounds the most rounds of the lazy loop (default 1000: real sets take 3 to 9; a deep
 *     backtracking trap of 50 projects × 100 versions takes 358)
 * @param maxParallelFetches the most page and metadata requests in flight (default 16)
 * @param timeout the wall-time budget of the whole resolution (default 10 minutes)
 */
public record ResolverOptions(int maxRounds, int maxParallelFetches, Duration timeout) {

  /** The defaults. */
  public static final ResolverOptions DEFAULTS = new ResolverOptions(1000, 16, Duration.ofMinutes(10));

  /**
   * Checks the values.
   *
   * @param maxRounds the most rounds of the lazy loop (default 1000: real sets take 3 to 9; a deep
   *     backtracking trap of 50 projects × 100 versions takes 358)
   * @param maxParallelFetches the most page and metadata requests in flight (default 16)
   * @param timeout the wall-time budget of the whole resolution (default 10 minutes)
   */
  public ResolverOptions {
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds must be positive, was " + maxRounds);
    }
    if (maxParallelFetches < 1) {
      throw new IllegalArgumentException(
          "maxParallelFetches must be positive, was " + maxParallelFetches);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
  }
}
