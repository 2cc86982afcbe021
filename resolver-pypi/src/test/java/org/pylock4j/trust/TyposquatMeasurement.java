package org.pylock4j.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pylock4j.requirement.ProjectName;

/**
 * Measures {@link TyposquatCheck} on real names (not a test: run by hand).
 *
 * <pre>
 * java -cp ... org.pylock4j.trust.TyposquatMeasurement /work/.library/env/packages/pypi.tsv [ratio]
 * </pre>
 *
 * <p>Prints how many of the ranked projects warn against each other, the warning rate over every
 * PyPI name, and the time per check.
 */
final class TyposquatMeasurement {
  public static void main(String[] args) throws IOException {
    double ratio = args.length > 1 ? Double.parseDouble(args[1]) : TyposquatCheck.Options.DEFAULTS.minPopularityRatio();
    long t0 = System.nanoTime();
    TyposquatCheck standard = TyposquatCheck.standard();
    long t1 = System.nanoTime();
    System.out.printf("load+index standard: %.1f ms%n", (t1 - t0) / 1e6);
    TyposquatCheck.Options d = TyposquatCheck.Options.DEFAULTS;
    TyposquatCheck check = TyposquatCheck.of(
        TyposquatCheck.readRanking(TyposquatCheck.class.getResourceAsStream(TyposquatCheck.RESOURCE)),
        new TyposquatCheck.Options(d.minEditLength(), d.minAffixCoreLength(), ratio, d.maxTargetRank()));
    List<String> all = new ArrayList<>();
    List<ProjectName> ranked = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String[] f = line.split("\t", -1);
      if (f[0].equals("name") || !ProjectName.isValid(f[0])) {
        continue;
      }
      all.add(f[0]);
      if (!f[3].isEmpty()) {
        ranked.add(ProjectName.of(f[0]));
      }
    }
    int flagged = 0;
    Map<TyposquatWarning.Kind, Integer> kinds = new java.util.EnumMap<>(TyposquatWarning.Kind.class);
    for (ProjectName p : ranked) {
      List<TyposquatWarning> w = check.check(p);
      if (!w.isEmpty()) {
        flagged++;
        kinds.merge(w.get(0).kind(), 1, Integer::sum);
        if (args.length > 2) {
          System.out.println("  ranked " + check.rank(p).getAsInt() + " " + w.get(0).message());
        }
      }
    }
    System.out.printf("ratio %.0f: ranked projects that warn: %d of %d (%.2f%%) %s%n", ratio, flagged,
        ranked.size(), 100.0 * flagged / ranked.size(), kinds);
    // every PyPI name, warm
    int allFlagged = 0;
    kinds.clear();
    for (int round = 0; round < 2; round++) {
      allFlagged = 0;
      long s = System.nanoTime();
      for (String n : all) {
        List<TyposquatWarning> w = check.check(ProjectName.of(n));
        if (!w.isEmpty()) {
          allFlagged++;
          if (round == 1) {
            kinds.merge(w.get(0).kind(), 1, Integer::sum);
          }
        }
      }
      long e = System.nanoTime();
      System.out.printf("round %d: %d names in %.0f ms (%.2f us/name); warn: %d (%.2f%%)%n", round, all.size(),
          (e - s) / 1e6, (e - s) / 1e3 / all.size(), allFlagged, 100.0 * allFlagged / all.size());
    }
    System.out.println("by kind over all names: " + kinds);
  }
}
