package org.pylock4j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.resolve.UniversalTarget;
import org.pylock4j.version.SpecifierSet;
import org.pylock4j.sat.SatResolver;

/**
 * Real root sets resolved over the real metadata of the 2020-11-17 snapshot (resolvelib's cheroot
 * index), held in memory: the resolver's own cost, warm, without HTTP. Run from the repository root
 * (the bench's own root sets are read from {@code bench/roots}):
 *
 * <pre>{@code java -jar bench/target/benchmarks.jar RealSetBenchmark -p snapshot=/work/shared/pypi-snapshot}</pre>
 *
 * <p>{@code resolve}: a whole resolution. {@code relock}: the IDE case: the set's lock plus one
 * added requirement line, with the lock's versions as preferences. {@code universal}: the same
 * roots locked for every environment with Python {@code >=3.8} (issue 15; compare with {@code
 * resolve}):
 *
 * <pre>{@code java -jar bench/target/benchmarks.jar 'RealSetBenchmark.(resolve|universal)' -p set=uv-jupyter}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RealSetBenchmark {

  /** The line {@code relock} adds to each set. */
  static final Map<String, String> ADDED =
      Map.of(
          "resolvelib-cheroot", "requests",
          "uv-black", "requests",
          "uv-boto3", "requests",
          "uv-jupyter", "requests",
          "web", "pytest",
          "data-science", "pyyaml",
          "jupyterlab-ish", "tqdm");

  /** A root set: {@code uv-*} and {@code resolvelib-*} from the snapshot, the others from bench/roots. */
  @Param({"resolvelib-cheroot", "uv-boto3", "uv-jupyter", "web", "data-science", "jupyterlab-ish"})
  public String set;

  /** The pypi-snapshot directory. */
  @Param({"/work/shared/pypi-snapshot"})
  public String snapshot;

  /** The directory of the bench's own root sets. */
  @Param({"bench/roots"})
  public String roots;

  private final SatResolver resolver = SatResolver.create();
  private ResolutionRequest request;
  private ResolutionRequest relockRequest;
  private ResolutionRequest universalRequest;

  /** Loads the source and resolves the set once (the lock the re-lock starts from). */
  @Setup
  public void setUp() {
    InMemoryPackageSource source = SnapshotSource.load(Path.of(snapshot), SnapshotSource.CHEROOT);
    Path file = set.startsWith("uv-") || set.startsWith("resolvelib-")
        ? Path.of(snapshot, "roots", set + ".txt")
        : Path.of(roots, set + ".txt");
    List<Requirement> requirements = Pins.roots(file);
    TargetEnvironment target = TargetEnvironment.cpython("3.11", Platform.LINUX_X86_64);
    request = ResolutionRequest.builder().requirements(requirements).target(target).source(source)
        .build();
    Resolution base = resolver.resolve(request);
    List<Requirement> changed = new ArrayList<>(requirements);
    changed.add(Requirement.parse(ADDED.get(set)));
    ResolutionRequest.Builder b =
        ResolutionRequest.builder().requirements(changed).target(target).source(source);
    for (LockedPackage p : base.packages()) {
      b.prefer(p.name(), p.version());
    }
    relockRequest = b.build();
    universalRequest = request.toBuilder()
        .universal(UniversalTarget.of(SpecifierSet.parse(">=3.8"))).build();
  }

  /** The same roots, one lock for every environment with Python >=3.8. */
  @Benchmark
  public Resolution universal() {
    return resolver.resolve(universalRequest);
  }

  /** A whole resolution. */
  @Benchmark
  public Resolution resolve() {
    return resolver.resolve(request);
  }

  /** The lock plus one line, with the lock's versions preferred. */
  @Benchmark
  public Resolution relock() {
    return resolver.resolve(relockRequest);
  }
}
