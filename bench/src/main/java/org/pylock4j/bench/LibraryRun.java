package org.pylock4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.pylock4j.error.UnsatisfiableException;
import org.pylock4j.metadata.TagSet;
import org.pylock4j.pypi.IndexStatistics;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.PackageSource;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.sat.SatResolver;

/**
 * The library in one warm JVM: a child process of {@link Compare}, so that its memory is its own.
 * Prints {@code key<TAB>value} lines on stdout.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar org.pylock4j.bench.LibraryRun --index-url URL \
 *     --roots FILE --environment ENV.json [--reps 5] [--warmup-seconds 5] [--relock LINE] \
 *     [--pip-report R.json]
 * }</pre>
 *
 * <ol>
 *   <li>warm-up: whole resolutions, each with a new {@link PypiIndex} (no cache), for
 *       {@code --warmup-seconds} and at least 5 times;
 *   <li>{@code fresh}: the same, measured: every page and metadata file is fetched over HTTP;
 *   <li>{@code reused}: one {@link PypiIndex} kept between resolutions (its in-memory caches are
 *       warm), as an IDE or a build tool holding the library would;
 *   <li>{@code relock}: the IDE case: the lock of step 3 plus one added requirement line, resolved
 *       with the lock's versions as preferences, on the reused index;
 *   <li>{@code pipcheck}: when pip's report is given, is pip's answer a solution for pylock4j (its
 *       pins added as {@code ==} requirements), and where does it first differ in pylock4j's
 *       lexicographic objective.
 * </ol>
 */
public final class LibraryRun {

  private final SatResolver resolver = SatResolver.create();
  private final List<String> indexUrls;
  private final List<Requirement> roots;
  private final TargetEnvironment target;

  private LibraryRun(List<String> indexUrls, List<Requirement> roots, TargetEnvironment target) {
    this.indexUrls = List.copyOf(indexUrls);
    this.roots = roots;
    this.target = target;
  }

  /** Runs the measurements; see the class comment. */
  public static void main(String[] args) throws IOException {
    Options o = Options.parse(args);
    LibraryRun run =
        new LibraryRun(
            o.all("--index-url"),
            Pins.roots(Path.of(o.require("--roots"))),
            target(Path.of(o.require("--environment"))));
    run.measure(
        o.getInt("--reps", 5),
        o.getDouble("--warmup-seconds", 5),
        o.get("--relock", null),
        o.has("--pip-report") ? Path.of(o.get("--pip-report", null)) : null);
    out("vmhwm.kb", Long.toString(vmHwmKb()));
  }

  /** The target of a JSON marker environment (Linux x86_64 tags). */
  static TargetEnvironment target(Path environmentJson) throws IOException {
    Map<String, String> values = new TreeMap<>();
    new ObjectMapper()
        .readTree(Files.readAllBytes(environmentJson))
        .fields()
        .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
    MarkerEnvironment markers = MarkerEnvironment.of(values);
    if (!"linux".equals(values.get("sys_platform"))
        || !"x86_64".equals(values.get("platform_machine"))) {
      throw new IllegalArgumentException("the bench targets Linux x86_64, not " + values);
    }
    return new TargetEnvironment(
        markers,
        TagSet.cpython(values.get("python_version"), MarkerEnvironment.Platform.LINUX_X86_64));
  }

  private PypiIndex newIndex() {
    return PypiIndex.builder().indexUrls(indexUrls).build();
  }

  private ResolutionRequest.Builder request(PackageSource source, List<Requirement> requirements) {
    return ResolutionRequest.builder().requirements(requirements).target(target).source(source);
  }

  private void measure(int reps, double warmupSeconds, String relock, Path pipReport) {
    long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
    int warmups = 0;
    while (warmups < 5 || System.nanoTime() < warmupEnd && warmups < 500) {
      try (PypiIndex index = newIndex()) {
        attempt(request(index, roots).build());
      }
      warmups++;
    }
    out("warmup.runs", Integer.toString(warmups));

    List<Double> fresh = new ArrayList<>();
    IndexStatistics freshStats = null;
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      try (PypiIndex index = newIndex()) {
        attempt(request(index, roots).build());
        freshStats = index.statistics();
      }
      fresh.add(ms(t0));
    }
    out("fresh.ms", join(fresh));
    out("fresh.requests", freshStats.pageRequests() + "+" + freshStats.metadataRequests());

    try (PypiIndex shared = newIndex()) {
      long t0 = System.nanoTime();
      Object first = attempt(request(shared, roots).build());
      out("reused.first.ms", Double.toString(ms(t0)));
      IndexStatistics before = shared.statistics();
      List<Double> reused = new ArrayList<>();
      for (int i = 0; i < reps; i++) {
        long t = System.nanoTime();
        attempt(request(shared, roots).build());
        reused.add(ms(t));
      }
      IndexStatistics after = shared.statistics();
      out("reused.ms", join(reused));
      out("reused.requests",
          (after.pageRequests() - before.pageRequests()) + "+"
              + (after.metadataRequests() - before.metadataRequests()));
      if (first instanceof Resolution base) {
        describe(base);
        if (relock != null) {
          relock(shared, base, Requirement.parse(relock), reps);
        }
        if (pipReport != null && Files.exists(pipReport)) {
          checkPip(shared, base, Pins.fromPipReport(pipReport));
        }
      } else {
        UnsatisfiableException e = (UnsatisfiableException) first;
        out("result", "unsat");
        out("causes", String.join(" ; ", e.causes()));
      }
    }
  }

  private void describe(Resolution r) {
    out("result", "ok");
    out("packages", Integer.toString(r.packages().size()));
    StringJoiner pins = new StringJoiner(" ");
    r.packages().forEach(p -> pins.add(p.name() + "==" + p.version()));
    out("pins", pins.toString());
    var s = r.statistics();
    out("stats", "candidates=" + s.candidates() + " pages=" + s.pagesFetched() + " metadata="
        + s.metadataFetched() + " rounds=" + s.rounds() + " solverCalls=" + s.solverCalls());
  }

  private void relock(PypiIndex shared, Resolution base, Requirement added, int reps) {
    List<Requirement> changed = new ArrayList<>(roots);
    changed.add(added);
    ResolutionRequest.Builder b = request(shared, changed);
    for (LockedPackage p : base.packages()) {
      b.prefer(p.name(), p.version());
    }
    ResolutionRequest request = b.build();
    long t0 = System.nanoTime();
    Object first = attempt(request);
    out("relock.first.ms", Double.toString(ms(t0)));
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < Math.max(reps, 5); i++) {
      long t = System.nanoTime();
      attempt(request);
      times.add(ms(t));
    }
    out("relock.ms", join(times));
    if (first instanceof Resolution r) {
      out("relock.changed", String.join(" ; ",
          Pins.differences(Pins.fromResolution(r), Pins.fromResolution(base), "new", "old")));
    } else {
      out("relock.changed", "unsat: " + ((UnsatisfiableException) first).causes());
    }
  }

  private void checkPip(PypiIndex shared, Resolution base, Map<String, String> pip) {
    Map<String, String> ours = Pins.fromResolution(base);
    out("lexfirst", Pins.firstLexicographicDifference(base, ours, pip));
    if (Pins.differences(ours, pip).isEmpty()) {
      out("pipcheck", "same");
      return;
    }
    List<Requirement> forced = new ArrayList<>(roots);
    pip.forEach((name, version) -> forced.add(Requirement.parse(name + "==" + version)));
    Object r = attempt(request(shared, forced).build());
    if (r instanceof Resolution withPip) {
      Map<String, String> extra = new TreeMap<>(Pins.fromResolution(withPip));
      extra.keySet().removeAll(pip.keySet());
      out("pipcheck", "pip's pins are a solution here too"
          + (extra.isEmpty() ? "" : "; with them pylock4j also needs " + extra));
    } else {
      out("pipcheck", "pip's pins are not a solution here: "
          + String.join(" ; ", ((UnsatisfiableException) r).causes()));
    }
  }

  /** The resolution, or the {@link UnsatisfiableException} (a result too: time to the proof). */
  private Object attempt(ResolutionRequest request) {
    try {
      return resolver.resolve(request);
    } catch (UnsatisfiableException e) {
      return e;
    }
  }

  private static double ms(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  private static String join(List<Double> values) {
    StringJoiner j = new StringJoiner(",");
    values.forEach(v -> j.add(String.format(java.util.Locale.ROOT, "%.3f", v)));
    return j.toString();
  }

  static void out(String key, String value) {
    System.out.println(key + "\t" + value.replace('\n', ' ').replace('\t', ' '));
    System.out.flush();
  }

  /** Peak resident set size of this JVM (Linux {@code VmHWM}), or -1. */
  static long vmHwmKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
