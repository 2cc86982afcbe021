package org.pylock4j.sat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pylock4j.requirement.MarkerTree;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DependencyEdge;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionStatistics;

/**
 * Reads the lock graph out of the optimal model: from the roots, along every requirement whose
 * marker holds (with the extras that are active), collecting packages, active extras and edges,
 * and checking that each edge is satisfied.
 */
final class GraphBuilder {

  private final Problem problem;
  private final Map<ProjectName, Candidate> chosen = new HashMap<>();
  private final Map<ProjectName, Set<String>> extras = new TreeMap<>();
  private final Deque<Object[]> queue = new ArrayDeque<>();
  private final List<DependencyEdge> rootEdges = new ArrayList<>();
  private final Set<DependencyEdge> edges = new LinkedHashSet<>();

  /** In a universal region: where each package is installed, filled by {@link #build}. */
  final Map<ProjectName, MarkerTree> regionPackages = new TreeMap<>();
  private final FileEnvironments fileEnvironments;

  GraphBuilder(Problem problem, boolean[] model, FileEnvironments fileEnvironments) {
    this.problem = problem;
    this.fileEnvironments = fileEnvironments;
    for (Project p : problem.projects.values()) {
      if (p.ready()) {
        for (Candidate c : p.candidates) {
          if (model[c.var]) {
            chosen.put(p.name, c);
          }
        }
      }
    }
  }

  Resolution build(ResolutionStatistics statistics) {
    for (Requirement r : problem.roots) {
      if (!problem.markers.holds(r.marker())) {
        continue;
      }
      Candidate q = target(r);
      DependencyEdge edge = new DependencyEdge(null, q.project.name, r);
      if (!rootEdges.contains(edge)) {
        rootEdges.add(edge);
      }
      activate(q, null);
      r.extras().forEach(e -> activate(q, e));
    }
    while (!queue.isEmpty()) {
      Object[] item = queue.poll();
      Candidate c = (Candidate) item[0];
      for (Requirement r : problem.dependencies(c, (String) item[1])) {
        Candidate q = target(r);
        edges.add(new DependencyEdge(c.project.name, q.project.name, r));
        activate(q, null);
        r.extras().forEach(e -> activate(q, e));
      }
    }
    List<DependencyEdge> sorted = new ArrayList<>(edges);
    sorted.sort(Comparator.comparing(DependencyEdge::from)
        .thenComparing(DependencyEdge::to)
        .thenComparing(e -> e.requirement().toString()));
    List<DependencyEdge> all = new ArrayList<>(rootEdges);
    sorted.stream().filter(e -> !all.contains(e)).forEach(all::add);
    List<LockedPackage> packages = new ArrayList<>();
    MarkerTree region = problem.markers.region();
    RegionMarkers where = region == null ? null : new RegionMarkers(problem, chosen);
    extras.forEach((name, active) -> {
      Candidate c = chosen.get(name);
      active.remove("");
      List<DistributionFile> files = c.files;
      if (where != null) {
        MarkerTree installed = where.installed(name);
        if (installed.isAlwaysFalse()) {
          return; // reached only under markers that never hold where its requirer is installed
        }
        active.removeIf(e -> where.withExtra(name, e).isAlwaysFalse());
        files = c.files.stream()
            .filter(f -> !fileEnvironments.of(f.filename()).isDisjoint(installed)).toList();
        regionPackages.put(name, installed);
      }
      for (String extra : active) {
        if (!provides(c, extra)) {
          problem.warn(c + " does not provide the extra '" + extra + "'");
        }
      }
      String index = c.directUrl != null ? null
          : c.project.page != null && !files.isEmpty() ? c.project.page.indexOf(files.get(0))
          : c.project.index;
      packages.add(new LockedPackage(name, c.version, files, index, active, c.directUrl));
    });
    if (where != null) {
      all.removeIf(e -> (e.from() != null && !regionPackages.containsKey(e.from()))
          || !regionPackages.containsKey(e.to()));
    }
    return new Resolution(problem.roots, problem.request.target(), packages, all,
        problem.warnings, statistics);
  }

  /** Whether {@code c} declares {@code extra} (Provides-Extra, or a requirement under it). */
  private boolean provides(Candidate c, String extra) {
    if (c.metadata == null) {
      return true;
    }
    for (String e : c.metadata.providesExtra()) {
      if (ProjectName.normalize(e).equals(extra)) {
        return true;
      }
    }
    return !problem.dependencies(c, extra).isEmpty();
  }

  private Candidate target(Requirement r) {
    Candidate q = chosen.get(r.projectName());
    Project p = problem.projects.get(r.projectName());
    if (q == null || p == null || !contains(problem.matching(p, r), q.var)) {
      throw new IllegalStateException("the optimal model does not satisfy " + r);
    }
    return q;
  }

  private static boolean contains(int[] vars, int var) {
    for (int v : vars) {
      if (v == var) {
        return true;
      }
    }
    return false;
  }

  /** Marks {@code c} installed ({@code extra} null) or one of its extras active. */
  private void activate(Candidate c, String extra) {
    Set<String> active = extras.computeIfAbsent(c.project.name, k -> new TreeSet<>());
    String key = extra == null ? "" : extra;
    if (active.add(key)) {
      queue.add(new Object[] {c, extra});
    }
  }
}
