package org.pylock4j.sat;

class ProfileOracleMain {
  public static void main(String[] args) {
    int fails = 0;
    for (int seed = 0; seed < Integer.parseInt(args[0]); seed++) {
      try {
        OraclePropertyTest.check(seed);
      } catch (Throwable e) {
        if (fails++ < 2) System.out.println("seed " + seed + " " + e.getMessage().substring(0, Math.min(300, e.getMessage().length())));
      }
    }
    System.out.println("fails " + fails);
  }
}
