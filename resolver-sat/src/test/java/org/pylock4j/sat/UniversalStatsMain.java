package org.pylock4j.sat;

import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;

/** Prints a universal lock of a snapshot root set (not a test): {@code case requires-python}. */
final class UniversalStatsMain {
  public static void main(String[] args) {
    var u = UniversalRealDataTest.request(args[0], args[1]);
    Resolution r = SatResolver.create().resolve(u);
    System.out.println(r.statistics());
    for (LockedPackage p : r.packages()) {
      System.out.println(p.name() + " " + p.version() + (p.marker() == null ? "" : " ; " + p.marker()));
    }
    System.out.println(UniversalValidity.problems(r, u.source()));
  }
}
