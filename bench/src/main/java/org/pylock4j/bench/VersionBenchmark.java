package org.pylock4j.bench;

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
import org.pylock4j.version.SpecifierSet;
import org.pylock4j.version.Version;

/**
 * The resolver's hot path in the packaging language: parsing versions, ordering them, and testing
 * them against specifier sets. Inputs are the 979 real botocore version strings shape-alike: a mix
 * of plain, pre-, post- and dev-releases.
 *
 * <pre>{@code java -jar bench/target/benchmarks.jar VersionBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VersionBenchmark {

  private List<String> texts;
  private List<Version> versions;
  private SpecifierSet specifiers;

  /** Builds 1,000 version strings of the shapes real indexes hold. */
  @Setup
  public void setUp() {
    texts = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      int major = 1 + i / 200;
      int minor = (i / 20) % 10;
      int patch = i % 20;
      String suffix =
          switch (i % 10) {
            case 7 -> "rc1";
            case 8 -> ".post2";
            case 9 -> ".dev0";
            default -> "";
          };
      texts.add(major + "." + minor + "." + patch + suffix);
    }
    versions = texts.stream().map(Version::parse).toList();
    specifiers = SpecifierSet.parse(">=1.2.3,!=2.5.*,<5,~=1.0");
  }

  /** Parses 1,000 version strings. */
  @Benchmark
  public void parse(Blackhole bh) {
    for (String t : texts) {
      bh.consume(Version.parse(t));
    }
  }

  /** Sorts 1,000 versions. */
  @Benchmark
  public List<Version> sort() {
    List<Version> copy = new ArrayList<>(versions);
    copy.sort(null);
    return copy;
  }

  /** Tests 1,000 versions against a four-clause specifier set. */
  @Benchmark
  public int contains() {
    int n = 0;
    for (Version v : versions) {
      if (specifiers.contains(v)) {
        n++;
      }
    }
    return n;
  }
}
