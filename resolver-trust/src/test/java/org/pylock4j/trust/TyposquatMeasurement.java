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
 * mvn -B -q -o -pl resolver-trust -am test-compile
 * java -cp resolver-trust/target/classes:resolver-trust/target/test-classes:resolver-lock/target/classes:resolver-api/target/classes \
 *     org.pylock4j.trust.TyposquatMeasurement PYPI.TSV [RATIO [list]]
 * </pre>
 *
 * <p>PYPI.TSV is the development environment's packages/pypi.tsv (every PyPI name, download rank
 * for the top 15,000). Prints the set-up cost, how many of the ranked projects warn against each
 * other (with {@code list}: which), the warning rate over every PyPI name, and the CPU time per
 * check against a full scan of all popular names.
 */
final class TyposquatMeasurement {
  public static void main(String[] args) throws IOException {
    double ratio = args.length > 1 ? Double.parseDouble(args[1]) : TyposquatCheck.Options.DEFAULTS.minPopularityRatio();
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = cpu.getCurrentThreadCpuTime();
    TyposquatCheck standard = TyposquatCheck.standard();
    long t1 = cpu.getCurrentThreadCpuTime();
    System.out.printf("load+index standard (cold JVM): %.1f ms CPU%n", (t1 - t0) / 1e6);
    for (int i = 0; i < 3; i++) {
      long a = cpu.getCurrentThreadCpuTime();
      TyposquatCheck.of(TyposquatCheck.readRanking(TyposquatCheck.class.getResourceAsStream(TyposquatCheck.RESOURCE)),
          TyposquatCheck.Options.DEFAULTS);
      System.out.printf("load+index again: %.1f ms CPU%n", (cpu.getCurrentThreadCpuTime() - a) / 1e6);
    }
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
    // every PyPI name
    List<ProjectName> allNames = all.stream().map(ProjectName::of).toList();
    int allFlagged = 0;
    for (int round = 0; round < 2; round++) {
      long s = cpu.getCurrentThreadCpuTime();
      Map<ProjectName, List<TyposquatWarning>> found = check.checkAll(allNames);
      long e = cpu.getCurrentThreadCpuTime();
      allFlagged = found.size();
      kinds.clear();
      found.values().forEach(w -> kinds.merge(w.get(0).kind(), 1, Integer::sum));
      System.out.printf("all names round %d: %d names in %.0f ms CPU (%.2f us/name); warn: %d (%.2f%%)%n", round,
          allNames.size(), (e - s) / 1e6, (e - s) / 1e3 / allNames.size(), allFlagged, 100.0 * allFlagged / allNames.size());
    }
    // brute force for comparison: one-edit test of the folded name against every ranked name
    List<String> targets = ranked.stream().map(p -> TyposquatCheck.skeleton(p.normalized())).toList();
    List<ProjectName> sample = allNames.subList(0, 50_000);
    for (int round = 0; round < 2; round++) {
      int hits = 0;
      long s = cpu.getCurrentThreadCpuTime();
      for (ProjectName n : sample) {
        String k = TyposquatCheck.skeleton(n.normalized());
        for (String t : targets) {
          if (TyposquatCheck.oneEdit(k, t) != null) {
            hits++;
          }
        }
      }
      long e = cpu.getCurrentThreadCpuTime();
      System.out.printf("brute force round %d: %d names x %d targets in %.0f ms CPU (%.2f us/name), %d pairs%n", round,
          sample.size(), targets.size(), (e - s) / 1e6, (e - s) / 1e3 / sample.size(), hits);
    }
    System.out.println("by kind over all names: " + kinds);
  }
}
