package org.pylock4j.sat;

import java.util.Random;
import org.pylock4j.error.UnsatisfiableException;
import org.pylock4j.resolve.ResolutionRequest;

class ProfileOracleMain {
  public static void main(String[] args) {
    for (int rep = 0; rep < 3; rep++) {
      long sat = 0, unsat = 0; int ns = 0, nu = 0;
      for (int seed = 0; seed < 3000; seed++) {
        ResolutionRequest r = OraclePropertyTest.request(OraclePropertyTest.generate(new Random(seed)));
        long t = System.nanoTime();
        try {
          SatResolver.create().resolve(r);
          sat += System.nanoTime() - t; ns++;
        } catch (UnsatisfiableException e) {
          unsat += System.nanoTime() - t; nu++;
        }
      }
      System.out.printf("sat %d in %d ms, unsat %d in %d ms%n", ns, sat / 1000000, nu, unsat / 1000000);
    }
  }
}
