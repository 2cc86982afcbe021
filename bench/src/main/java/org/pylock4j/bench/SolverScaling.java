package org.pylock4j.bench;

import java.util.Locale;
import org.pylock4j.error.ResolutionLimitException;
import org.pylock4j.requirement.MarkerEnvironment.Platform;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.ResolverOptions;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.sat.SatResolver;

/**
 * What the synthetic shapes of {@link SolverBenchmark} cost, beyond time: rounds of the lazy loop,
 * solver calls, metadata fetched, and whether the default limits ({@link
 * ResolverOptions#DEFAULTS}) let them finish. A quick, reproducible companion of the JMH numbers.
 *
 * <pre>{@code java -cp bench/target/benchmarks.jar org.pylock4j.bench.SolverScaling [SHAPE...]}</pre>
 */
public final class SolverScaling {

  private SolverScaling() {}

  /** Prints one Markdown row per shape (default: those of SolverBenchmark). */
  public static void main(String[] args) {
    String[] shapes = args.length > 0 ? args : new String[] {
      "grid:50x50", "grid:100x100", "grid:200x100", "grid:300x200",
      "trap:10x50", "trap:20x50", "trap:10x100", "trap:50x100"};
    System.out.println("| shape | projects × versions | default limits | rounds | solver calls "
        + "| metadata fetched | time, 3 runs (ms) |");
    System.out.println("|---|---|---|---:|---:|---:|---|");
    for (String shape : shapes) {
      String[] kind = shape.split(":");
      String[] size = kind[1].split("x");
      int a = Integer.parseInt(size[0]);
      int b = Integer.parseInt(size[1]);
      boolean grid = kind[0].equals("grid");
      InMemoryPackageSource source =
          grid ? SyntheticUniverses.grid(a, b, 42) : SyntheticUniverses.trap(a, b);
      ResolutionRequest.Builder request = ResolutionRequest.builder()
          .requirement(Requirement.parse(grid ? "p0" : "a0"))
          .target(TargetEnvironment.cpython("3.12", Platform.LINUX_X86_64))
          .source(source);
      String defaults;
      try {
        SatResolver.create().resolve(request.build());
        defaults = "ok";
      } catch (ResolutionLimitException e) {
        defaults = "**fails**: " + e.getMessage();
      }
      request.options(SolverBenchmark.ROUNDS);
      StringBuilder times = new StringBuilder();
      Resolution r = null;
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        r = SatResolver.create().resolve(request.build());
        times.append(i == 0 ? "" : ", ")
            .append(String.format(Locale.ROOT, "%.0f", (System.nanoTime() - t0) / 1e6));
      }
      var s = r.statistics();
      System.out.println("| " + shape + " | " + source.projects().size() + " × " + b + " | "
          + defaults + " | " + s.rounds() + " | " + s.solverCalls() + " | " + s.metadataFetched()
          + " | " + times + " |");
    }
  }
}
