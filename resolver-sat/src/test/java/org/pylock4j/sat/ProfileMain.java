package org.pylock4j.sat;

import org.pylock4j.resolve.ResolutionRequest;

final class ProfileMain {
  public static void main(String[] args) {
    ResolutionRequest request = RealDataTest.request(args[0]);
    long end = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
    int n = 0;
    while (System.nanoTime() < end) {
      try {
        SatResolver.create().resolve(request);
      } catch (RuntimeException e) {
        // unsatisfiable sets are profiled too
      }
      n++;
    }
    System.out.println(n + " runs");
  }
}
