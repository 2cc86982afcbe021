package org.pylock4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pylock4j.resolve.InMemoryPackageSource;

/**
 * Synthetic resolution problems of a chosen size, for measuring how solving time grows. Seeded:
 * the same arguments always give the same universe.
 */
final class SyntheticUniverses {

  private SyntheticUniverses() {}

  /**
   * {@code projects} projects {@code p0 … p(n-1)} with {@code versions} versions each. Version
   * {@code v} of {@code p_i} requires up to three projects of higher index, each with a range
   * around {@code v}, so the newest versions of everything fit only loosely and the solver must
   * search. The root requires {@code p0}.
   */
  static InMemoryPackageSource grid(int projects, int versions, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    InMemoryPackageSource.Builder b = InMemoryPackageSource.builder();
    for (int p = 0; p < projects; p++) {
      for (int v = 1; v <= versions; v++) {
        List<String> deps = new ArrayList<>();
        int fanOut = p + 1 < projects ? 1 + random.nextInt(3) : 0;
        for (int d = 0; d < fanOut; d++) {
          int q = p + 1 + random.nextInt(Math.min(10, projects - p - 1));
          int lo = Math.max(1, v - 1 - random.nextInt(versions / 4 + 1));
          int hi = Math.min(versions, v + random.nextInt(versions / 4 + 1));
          deps.add("p" + q + ">=" + lo + ".0,<=" + hi + ".0");
        }
        b.version("p" + p, v + ".0", null, deps);
      }
    }
    return b.build();
  }

  /**
   * A backtracking trap of depth {@code depth} with {@code versions} versions per project: the
   * root requires {@code a0}; every version {@code v} of {@code a_i} requires {@code
   * a_(i+1)==v}, the last of the chain requires {@code z==v}, and every {@code z} but 1.0 requires
   * a project no index has. Only the oldest version of every project fits; a resolver that
   * commits to newest versions first must undo the whole chain, {@code versions} times.
   */
  static InMemoryPackageSource trap(int depth, int versions) {
    InMemoryPackageSource.Builder b = InMemoryPackageSource.builder();
    for (int i = 0; i < depth; i++) {
      for (int v = 1; v <= versions; v++) {
        String next = i + 1 < depth ? "a" + (i + 1) + "==" + v + ".0" : "z==" + v + ".0";
        b.version("a" + i, v + ".0", null, List.of(next));
      }
    }
    for (int v = 1; v <= versions; v++) {
      b.version("z", v + ".0", null, v == 1 ? List.of() : List.of("missing-dependency>=1"));
    }
    return b.build();
  }
}
