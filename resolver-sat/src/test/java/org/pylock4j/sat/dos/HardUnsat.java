package org.pylock4j.sat.dos;

import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.TargetEnvironment;

/** The hard unsatisfiable inputs of issue 18, as in-memory indexes. */
final class HardUnsat {
  private HardUnsat() {}

  /**
   * {@code n} projects of {@code m} versions in a cycle: {@code p_i==v} requires {@code
   * p_{i+1}<v}, so no choice of versions works. Roots: {@code p0}, or every project.
   */
  static ResolutionRequest.Builder cycle(int n, int m, boolean allRoots) {
    InMemoryPackageSource.Builder b = InMemoryPackageSource.builder();
    for (int i = 0; i < n; i++) {
      for (int v = 1; v <= m; v++) {
        b.version("p" + i, v + ".0", "p" + ((i + 1) % n) + "<" + v + ".0");
      }
    }
    ResolutionRequest.Builder r = request(b);
    for (int i = 0; i < (allRoots ? n : 1); i++) {
      r.requirement(Requirement.parse("p" + i));
    }
    return r;
  }

  /**
   * The same cycle with a way out: version 1.0 of the last project requires nothing. The one
   * optimum: {@code p_i == m - i} for all but the last, which is 1.0.
   */
  static ResolutionRequest.Builder cycleWithExit(int n, int m) {
    InMemoryPackageSource.Builder b = InMemoryPackageSource.builder();
    for (int i = 0; i < n; i++) {
      for (int v = 1; v <= m; v++) {
        if (i == n - 1 && v == 1) {
          b.version("p" + i, v + ".0");
        } else {
          b.version("p" + i, v + ".0", "p" + ((i + 1) % n) + "<" + v + ".0");
        }
      }
    }
    return request(b).requirement(Requirement.parse("p0"));
  }

  /**
   * The backtracking trap of the bench ({@code SyntheticUniverses.trap}): {@code a_i==v} requires
   * {@code a_(i+1)==v}, the last requires {@code z==v}, and every {@code z} but 1.0 requires a
   * project no index has; only the oldest versions fit.
   */
  static ResolutionRequest.Builder trap(int depth, int versions) {
    InMemoryPackageSource.Builder b = InMemoryPackageSource.builder();
    for (int i = 0; i < depth; i++) {
      for (int v = 1; v <= versions; v++) {
        String next = i + 1 < depth ? "a" + (i + 1) : "z";
        b.version("a" + i, v + ".0", next + "==" + v + ".0");
      }
    }
    for (int v = 1; v <= versions; v++) {
      if (v == 1) {
        b.version("z", v + ".0");
      } else {
        b.version("z", v + ".0", "missing-dependency>=1");
      }
    }
    return request(b).requirement(Requirement.parse("a0"));
  }

  /**
   * The pigeonhole principle: {@code pigeons} projects ("pigeon0", …) of {@code holes} versions
   * each, every version of a pigeon excluding that version of every other pigeon, all required.
   */
  static ResolutionRequest.Builder pigeons(int pigeons, int holes) {
    InMemoryPackageSource.Builder b = InMemoryPackageSource.builder();
    for (int i = 0; i < pigeons; i++) {
      for (int h = 1; h <= holes; h++) {
        String[] deps = new String[pigeons - 1];
        int k = 0;
        for (int j = 0; j < pigeons; j++) {
          if (j != i) {
            deps[k++] = "pigeon" + j + "!=" + h + ".0";
          }
        }
        b.version("pigeon" + i, h + ".0", deps);
      }
    }
    ResolutionRequest.Builder r = request(b);
    for (int i = 0; i < pigeons; i++) {
      r.requirement(Requirement.parse("pigeon" + i));
    }
    return r;
  }

  private static ResolutionRequest.Builder request(InMemoryPackageSource.Builder b) {
    return ResolutionRequest.builder()
        .target(TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64))
        .source(b.build());
  }
}
