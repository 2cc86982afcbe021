package org.pylock4j.sat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.pylock4j.error.UnsatisfiableException;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;

/**
 * Rough timings of the real root sets, for the report (not a test; the bench module has the JMH
 * benchmarks). Run: {@code java -cp <test classpath> org.pylock4j.sat.TimingMain [repeats]}.
 * The first run of each set is "cold" only in that set; the very first includes JIT warm-up.
 */
final class TimingMain {
  public static void main(String[] args) {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    String[] cases = {
      "resolvelib-chalice", "resolvelib-cheroot", "resolvelib-conflict-with-dependency",
      "resolvelib-different-extras", "resolvelib-pyrex-1.9.8", "resolvelib-with-without-extras",
      "uv-boto3", "uv-black", "uv-jupyter", "pip-scenarios-problematic-pandas-aws-boto3",
      "pip-scenarios-big-packages-dask-complete"
    };
    System.out.printf("%-45s %9s %9s %8s %7s %6s %6s %6s %6s %s%n", "case", "first ms", "warm ms",
        "warm cpu",
        "cands", "pages", "meta", "rounds", "calls", "packages");
    for (String name : cases) {
      ResolutionRequest request = RealDataTest.request(name);
      List<Double> times = new ArrayList<>();
      long cpuWarm = 0;
      String outcome = "";
      Resolution last = null;
      for (int i = 0; i < repeats; i++) {
        long t = System.nanoTime();
        long cpu = cpuNanos();
        try {
          last = SatResolver.create().resolve(request);
          outcome = last.packages().size() + " packages";
        } catch (UnsatisfiableException e) {
          outcome = "unsatisfiable (" + e.causes().size() + " causes)";
        }
        times.add((System.nanoTime() - t) / 1e6);
        if (i >= repeats / 2) {
          cpuWarm += cpuNanos() - cpu;
        }
      }
      double first = times.get(0);
      List<Double> warm = new ArrayList<>(times.subList(repeats / 2, repeats));
      Collections.sort(warm);
      var s = last == null ? null : last.statistics();
      System.out.printf("%-45s %9.1f %9.1f %8.1f %7s %6s %6s %6s %6s %s%n", name, first,
          warm.get(warm.size() / 2), cpuWarm / 1e6 / (repeats - repeats / 2), s == null ? "-" : s.candidates(),
          s == null ? "-" : s.pagesFetched(), s == null ? "-" : s.metadataFetched(),
          s == null ? "-" : s.rounds(), s == null ? "-" : s.solverCalls(), outcome);
    }
  }

  private static long cpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
  }
}
