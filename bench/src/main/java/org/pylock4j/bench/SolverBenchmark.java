package org.pylock4j.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pylock4j.requirement.MarkerEnvironment.Platform;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.ResolverOptions;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.sat.SatResolver;

/**
 * Whole resolutions of synthetic problems from an in-memory source (no I/O), showing how time
 * grows with the number of projects × versions and with the depth of a backtracking trap.
 *
 * <pre>{@code java -jar bench/target/benchmarks.jar SolverBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SolverBenchmark {

  /**
   * {@code grid:PxV} or {@code trap:DEPTHxV}. The traps need more rounds of the lazy loop than the
   * default limit (200) from trap:50x100 on, so this benchmark raises the limit ({@link #ROUNDS});
   * {@link SolverScaling} reports the rounds each shape needs.
   */
  @Param({
    "grid:50x50", "grid:100x100", "grid:200x100", "grid:300x200",
    "trap:10x50", "trap:20x50", "trap:10x100", "trap:50x100"
  })
  public String shape;

  /** The round limit of these runs. */
  static final ResolverOptions ROUNDS = new ResolverOptions(100_000, 16, Duration.ofMinutes(10));

  private final SatResolver resolver = SatResolver.create();
  private ResolutionRequest request;

  /** Builds the universe. */
  @Setup
  public void setUp() {
    String[] kind = shape.split(":");
    String[] size = kind[1].split("x");
    int a = Integer.parseInt(size[0]);
    int b = Integer.parseInt(size[1]);
    InMemoryPackageSource source =
        kind[0].equals("grid") ? SyntheticUniverses.grid(a, b, 42) : SyntheticUniverses.trap(a, b);
    request =
        ResolutionRequest.builder()
            .requirement(Requirement.parse(kind[0].equals("grid") ? "p0" : "a0"))
            .target(TargetEnvironment.cpython("3.12", Platform.LINUX_X86_64))
            .source(source)
            .options(ROUNDS)
            .build();
  }

  /** One resolution, lazy loop included. */
  @Benchmark
  public Resolution resolve() {
    return resolver.resolve(request);
  }
}
