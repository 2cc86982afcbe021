package org.pylock4j.sat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pylock4j.requirement.MarkerTree;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.SpecifierSet;
import org.pylock4j.version.Version;

/**
 * Where an unsatisfiable universal region may be split so that each part resolves: the markers
 * of the requirements in the minimal core (roots in input order, then dependencies in the order
 * their clauses were made), then the Requires-Python of versions of the core's projects that the
 * region's Pythons exclude (newest first, so newer Pythons get newer versions), then the required
 * environments (so a failure names the one that fails). Only markers that
 * cut the region into two non-empty parts, both writable as PEP 508 markers, are kept.
 */
final class Splits {

  private Splits() {}

  static List<MarkerTree> of(Problem problem, List<Origin> core) {
    MarkerTree region = problem.markers.region();
    Set<MarkerTree> candidates = new LinkedHashSet<>();
    Set<ProjectName> projects = new LinkedHashSet<>();
    for (Origin o : core) {
      if (o instanceof Origin.Root r) {
        candidates.add(problem.markers.tree(r.requirement().marker()).withExtra(""));
        projects.add(r.requirement().projectName());
      } else if (o instanceof Origin.Dependency d) {
        MarkerTree t = problem.markers.tree(d.requirement().marker());
        candidates.add(t.withExtra(d.extra() == null ? "" : d.extra()));
        projects.add(d.requirement().projectName());
      } else if (o instanceof Origin.Removed r) {
        projects.add(r.candidate().project.name);
      }
    }
    for (ProjectName name : projects) {
      Project p = problem.projects.get(name);
      if (p == null) {
        continue;
      }
      List<Map.Entry<Version, String>> rejected = new ArrayList<>(p.requiresPythonRejected.entrySet());
      for (int i = rejected.size() - 1; i >= 0; i--) {
        try {
          candidates.add(MarkerTree.requiresPython(SpecifierSet.parse(rejected.get(i).getValue())));
        } catch (RuntimeException unparsable) {
          // admitted everywhere by the selector; nothing to split on
        }
      }
    }
    for (org.pylock4j.requirement.Marker required
        : problem.request.universal().orElseThrow().requiredEnvironments()) {
      candidates.add(MarkerTree.of(required));
    }
    List<MarkerTree> splits = new ArrayList<>();
    for (MarkerTree s : candidates) {
      MarkerTree in = region.and(s);
      MarkerTree out = region.and(s.not());
      if (in.isAlwaysFalse() || out.isAlwaysFalse()) {
        continue;
      }
      try {
        in.toString();
        out.toString();
      } catch (IllegalStateException inexpressible) {
        continue;
      }
      splits.add(s);
    }
    return splits;
  }
}
