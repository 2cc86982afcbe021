package org.pylock4j.sat;

final class ShowMain {
  public static void main(String[] args) {
    try {
      var r = SatResolver.create().resolve(RealDataTest.request(args[0]));
      System.out.println(SatResolverTest.versions(r) + "\n" + r.statistics() + "\n" + r.warnings());
    } catch (RuntimeException e) {
      System.out.println(e.getMessage());
    }
  }
}
