package org.pylock4j.sat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.pylock4j.resolve.ResolutionRequest;

/**
 * Rough warm timings, single target against universal, of the snapshot's root sets (not a test;
 * the bench module has the comparison of record). Run: {@code java -cp <test classpath>
 * org.pylock4j.sat.UniversalTimingMain [repeats] [case…]}.
 */
final class UniversalTimingMain {
  public static void main(String[] args) {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<String> cases = args.length > 1 ? List.of(args).subList(1, args.length)
        : List.of("uv-jupyter", "uv-boto3", "uv-black", "resolvelib-cheroot");
    System.out.printf("%-25s %10s %10s %6s%n", "case", "single ms", "univ ms", "ratio");
    for (String name : cases) {
      ResolutionRequest universal = UniversalRealDataTest.request(name, ">=3.8");
      ResolutionRequest single = universal.toBuilder().universal(null).build();
      double s = median(single, repeats);
      double u = median(universal, repeats);
      System.out.printf("%-25s %10.1f %10.1f %6.2f%n", name, s, u, u / s);
    }
  }

  private static double median(ResolutionRequest request, int repeats) {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      long t = System.nanoTime();
      SatResolver.create().resolve(request);
      times.add((System.nanoTime() - t) / 1e6);
    }
    List<Double> warm = new ArrayList<>(times.subList(repeats / 2, repeats));
    Collections.sort(warm);
    return warm.get(warm.size() / 2);
  }
}
