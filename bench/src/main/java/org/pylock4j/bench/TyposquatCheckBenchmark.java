package org.pylock4j.bench;

import java.util.List;
import java.util.Map;
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
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.trust.TyposquatCheck;
import org.pylock4j.trust.TyposquatWarning;

/**
 * The typosquat check: building it over the 15,000-name ranking, and checking names (a typosquat,
 * a popular name, an unknown name).
 *
 * <pre>
 * mvn -B -q -o -pl bench -am package -DskipTests
 * M=~/.m2/repository
 * java -cp "bench/target/classes:resolver-api/target/classes:resolver-pypi/target/classes:$(ls \
 *     $M/org/openjdk/jmh/jmh-core/1.37/*.jar $M/net/sf/jopt-simple/jopt-simple/*&#47;*.jar \
 *     $M/org/apache/commons/commons-math3/*&#47;*.jar | tr '\n' ':')" \
 *     org.openjdk.jmh.Main TyposquatCheckBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TyposquatCheckBenchmark {

  private Map<ProjectName, Integer> ranking;
  private TyposquatCheck check;
  private final ProjectName typosquat = ProjectName.of("reqeusts");
  private final ProjectName popular = ProjectName.of("charset-normalizer");
  private final ProjectName unknown = ProjectName.of("acme-internal-billing-client");

  @Setup
  public void setUp() {
    ranking = TyposquatCheck.readRanking(TyposquatCheck.class.getResourceAsStream(TyposquatCheck.RESOURCE));
    check = TyposquatCheck.of(ranking, TyposquatCheck.Options.DEFAULTS);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public TyposquatCheck build() {
    return TyposquatCheck.of(ranking, TyposquatCheck.Options.DEFAULTS);
  }

  @Benchmark
  public List<TyposquatWarning> checkTyposquat() {
    return check.check(typosquat);
  }

  @Benchmark
  public List<TyposquatWarning> checkPopular() {
    return check.check(popular);
  }

  @Benchmark
  public List<TyposquatWarning> checkUnknown() {
    return check.check(unknown);
  }
}
