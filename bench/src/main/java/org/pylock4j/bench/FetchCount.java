package org.pylock4j.bench;

import java.nio.file.Path;
import java.util.List;
import org.pylock4j.requirement.MarkerEnvironment.Platform;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.ResolutionStatistics;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.sat.SatResolver;

/**
 * Rounds of the lazy loop and metadata fetched per real root set, over the snapshot in memory
 * (no HTTP, so it runs in seconds): what the lazy loop's prefetch costs and saves.
 *
 * <pre>{@code java -cp bench/target/benchmarks.jar org.pylock4j.bench.FetchCount [--snapshot DIR] [--set NAME]...}</pre>
 */
public final class FetchCount {

  private FetchCount() {}

  /** Prints one tab-separated line per set: name, packages, rounds, metadata fetched, pages, solver calls. */
  public static void main(String[] args) {
    Options o = Options.parse(args);
    Path snapshot = Path.of(o.get("--snapshot", "/work/shared/pypi-snapshot"));
    List<String> sets = o.all("--set").isEmpty()
        ? List.of("resolvelib-cheroot", "uv-black", "uv-boto3", "uv-jupyter", "web", "data-science",
            "jupyterlab-ish")
        : o.all("--set");
    InMemoryPackageSource source = SnapshotSource.load(snapshot, SnapshotSource.CHEROOT);
    TargetEnvironment target = TargetEnvironment.cpython("3.11", Platform.LINUX_X86_64);
    SatResolver resolver = SatResolver.create();
    System.out.println("set\tpackages\trounds\tmetadata\tpages\tsolver calls");
    for (String set : sets) {
      Path file = set.startsWith("uv-") || set.startsWith("resolvelib-")
          ? snapshot.resolve("roots").resolve(set + ".txt")
          : Path.of("bench/roots", set + ".txt");
      List<Requirement> roots = Pins.roots(file);
      Resolution r = resolver.resolve(ResolutionRequest.builder().requirements(roots).target(target)
          .source(source).build());
      ResolutionStatistics s = r.statistics();
      System.out.println(set + "\t" + r.packages().size() + "\t" + s.rounds() + "\t"
          + s.metadataFetched() + "\t" + s.pagesFetched() + "\t" + s.solverCalls());
    }
  }
}
