package org.pylock4j.sat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pylock4j.requirement.MarkerTree;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;

/**
 * Where each chosen package of a universal region is installed: the least fixed point of
 * "a root's marker (within the region) installs its project (with its extras); a package
 * installed in {@code M} (with extra {@code e} active in {@code M_e}) installs the target of each
 * requirement in {@code (M and marker[extra=""]) or OR_e (M_e and marker[extra=e])}". That is the
 * conjunction of markers along each path from a root, and the disjunction over paths: true exactly
 * where something needs the package.
 */
final class RegionMarkers {

  private final Problem problem;
  private final Map<ProjectName, Candidate> chosen;
  private final Map<ProjectName, MarkerTree> installed = new TreeMap<>();
  private final Map<ProjectName, Map<String, MarkerTree>> extras = new HashMap<>();

  RegionMarkers(Problem problem, Map<ProjectName, Candidate> chosen) {
    this.problem = problem;
    this.chosen = chosen;
    MarkerTree region = problem.markers.region();
    Deque<ProjectName> work = new ArrayDeque<>();
    for (Requirement r : problem.roots) {
      MarkerTree where = problem.markers.tree(r.marker()).withExtra("").and(region);
      add(r, where, work);
    }
    while (!work.isEmpty()) {
      ProjectName p = work.poll();
      Candidate c = chosen.get(p);
      if (c == null) {
        continue;
      }
      MarkerTree base = installed(p);
      Map<String, MarkerTree> active = extras.getOrDefault(p, Map.of());
      for (Requirement r : c.requirements) {
        MarkerTree marker = problem.markers.tree(r.marker());
        MarkerTree where = base.and(marker.withExtra(""));
        for (Map.Entry<String, MarkerTree> e : active.entrySet()) {
          where = where.or(e.getValue().and(marker.withExtra(e.getKey())));
        }
        if (where.isAlwaysFalse()) {
          continue;
        }
        List<Requirement> replaced = problem.overridesOf(r.projectName());
        if (replaced == null) {
          add(r, where, work);
        } else {
          for (Requirement o : replaced) {
            add(o, where.and(problem.markers.tree(o.marker()).withExtra("")), work);
          }
        }
      }
    }
  }

  private void add(Requirement r, MarkerTree where, Deque<ProjectName> work) {
    if (where.isAlwaysFalse() || !chosen.containsKey(r.projectName())) {
      return;
    }
    ProjectName q = r.projectName();
    boolean changed = false;
    MarkerTree before = installed(q);
    MarkerTree after = before.or(where);
    if (!after.equals(before)) {
      installed.put(q, after);
      changed = true;
    }
    for (String e : r.extras()) {
      Map<String, MarkerTree> byExtra = extras.computeIfAbsent(q, k -> new TreeMap<>());
      MarkerTree old = byExtra.getOrDefault(e, MarkerTree.never());
      MarkerTree now = old.or(where);
      if (!now.equals(old)) {
        byExtra.put(e, now);
        changed = true;
      }
    }
    if (changed) {
      work.add(q);
    }
  }

  /** Where {@code p} is installed (never when nothing in the region needs it). */
  MarkerTree installed(ProjectName p) {
    return installed.getOrDefault(p, MarkerTree.never());
  }

  /** Where {@code p} is installed with {@code extra} active. */
  MarkerTree withExtra(ProjectName p, String extra) {
    return extras.getOrDefault(p, Map.of()).getOrDefault(extra, MarkerTree.never());
  }
}
