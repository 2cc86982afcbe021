package org.pylock4j.sat.dos;

import org.pylock4j.error.PylockException;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.ResolutionListener;
import org.pylock4j.sat.SatResolver;

/**
 * Timings of the hard inputs of issue 18 (not a test). Run: {@code java -Xmx256m -cp <test
 * classpath> org.pylock4j.sat.dos.HardUnsatMain KIND A B [all]}, KIND one of {@code cycle 200
 * 200 [all]}, {@code pigeons 11 10}, {@code trap 50 100}, {@code exit 40 60}.
 */
final class HardUnsatMain {
  public static void main(String[] args) {
    int a = Integer.parseInt(args[1]);
    int b = Integer.parseInt(args[2]);
    boolean all = args.length > 3 && args[3].equals("all");
    ResolutionRequest.Builder builder = switch (args[0]) {
      case "cycle" -> HardUnsat.cycle(a, b, all);
      case "exit" -> HardUnsat.cycleWithExit(a, b);
      case "trap" -> HardUnsat.trap(a, b);
      default -> HardUnsat.pigeons(a, b);
    };
    int[] rounds = new int[1];
    builder.listener(new ResolutionListener() {
      @Override
      public void roundSolved(int round, int unknown) {
        rounds[0] = round;
      }
    });
    long t = System.nanoTime();
    long cpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    String outcome;
    try {
      var r = SatResolver.create().resolve(builder.build());
      outcome = "resolved: " + r.packages().size() + " packages, " + r.statistics();
    } catch (PylockException e) {
      String m = e.getMessage();
      outcome = e.getClass().getSimpleName() + ": "
          + (m.length() > 300 ? m.substring(0, 300) + "…" : m);
    }
    cpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() - cpu;
    System.out.printf("%s %d %d%s: %.2f s (process CPU %.2f s), %d rounds; %s%n", args[0], a, b,
        all ? " all" : "", (System.nanoTime() - t) / 1e9, cpu / 1e9, rounds[0], outcome);
  }
}
