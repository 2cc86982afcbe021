package org.pylock4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pylock4j.requirement.Marker;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.version.SpecifierSet;
import org.pylock4j.version.Version;

/**
 * The packaging language on real data: 2,945 Requires-Dist strings of pypi-snapshot (every second
 * distinct one; {@code requires-dist.txt}, made by bench/sample_requires_dist.py), about half with
 * a marker, a third in the old {@code name (>=1.0)} form.
 *
 * <pre>{@code java -jar bench/target/benchmarks.jar PackagingBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PackagingBenchmark {

  private List<String> lines;
  private List<Requirement> requirements;
  private List<Marker> markers;
  private List<SpecifierSet> specifiers;
  private MarkerEnvironment environment;
  private MarkerEnvironment withExtra;
  private Version version;

  /** Reads the sample. */
  @Setup
  public void setUp() {
    lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        PackagingBenchmark.class.getResourceAsStream("requires-dist.txt"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.startsWith("#") && !line.isBlank()) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    requirements = lines.stream().map(Requirement::parse).toList();
    specifiers = requirements.stream().map(Requirement::specifier).toList();
    environment = MarkerEnvironment.cpython("3.11", MarkerEnvironment.Platform.LINUX_X86_64);
    withExtra = environment.withExtra("test");
    markers = requirements.stream().flatMap(r -> r.markerIfAny().stream())
        .filter(this::defined).toList();
    version = Version.parse("1.4.2");
  }

  /** False for the few markers {@code packaging} also refuses to evaluate (e.g. '===' on names). */
  private boolean defined(Marker m) {
    try {
      m.evaluate(environment);
      m.evaluate(withExtra);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Parses all 2,945 strings as PEP 508 requirements. */
  @Benchmark
  public void parseRequirements(Blackhole bh) {
    for (String line : lines) {
      bh.consume(Requirement.parse(line));
    }
  }

  /** Evaluates every marker of the sample (about 1,500, less the few undefined ones) with and without an extra. */
  @Benchmark
  public int evaluateMarkers() {
    int n = 0;
    for (Marker m : markers) {
      if (m.evaluate(environment)) {
        n++;
      }
      if (m.evaluate(withExtra)) {
        n++;
      }
    }
    return n;
  }

  /** Tests one version against every specifier set of the sample. */
  @Benchmark
  public int specifierContains() {
    int n = 0;
    for (SpecifierSet s : specifiers) {
      if (s.contains(version)) {
        n++;
      }
    }
    return n;
  }
}
