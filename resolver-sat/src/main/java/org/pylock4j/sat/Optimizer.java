package org.pylock4j.sat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.ResolutionStrategy;
import org.pylock4j.version.Version;
import org.sat4j.core.VecInt;

/**
 * The lexicographic optimum (DESIGN "One answer"): projects in a fixed order; for each, not
 * installed if the choices so far allow it, else its most preferred admissible version. One
 * incremental solver, a growing vector of unit assumptions: a project the last model leaves out is
 * fixed without a call; otherwise probe {@code ¬inst[p]}, then the most preferred version, then a
 * binary search over the preference order bounded by the last model.
 */
final class Optimizer {

  private final Encoder encoder;
  private final ResolutionStrategy strategy;
  private final Map<ProjectName, Version> preferences;

  Optimizer(Encoder encoder, ResolutionStrategy strategy, Map<ProjectName, Version> preferences) {
    this.encoder = encoder;
    this.strategy = strategy;
    this.preferences = preferences;
  }

  /**
   * The optimal model over the projects in {@code order}, or null when the clauses are
   * unsatisfiable.
   */
  boolean[] optimise(List<Project> order) {
    VecInt assumptions = new VecInt();
    if (!encoder.solve(assumptions)) {
      return null;
    }
    boolean[] model = encoder.model();
    for (Project p : order) {
      if (!model[p.instVar]) {
        assumptions.push(-p.instVar);
        continue;
      }
      assumptions.push(-p.instVar);
      if (encoder.solve(assumptions)) {
        model = encoder.model();
        continue;
      }
      assumptions.pop();
      assumptions.push(p.instVar);
      List<Candidate> ranked = preferenceOrder(p);
      int best = chosen(ranked, model);
      if (best > 0) {
        assumptions.push(ranked.get(0).var);
        if (encoder.solve(assumptions)) {
          model = encoder.model();
          best = 0;
        }
        assumptions.pop();
      }
      if (best > 1) {
        int mark = assumptions.size();
        for (int j = best + 1; j < ranked.size(); j++) {
          assumptions.push(-ranked.get(j).var);
        }
        int lo = 1;
        while (lo < best) {
          int mid = (lo + best) >>> 1;
          int probe = assumptions.size();
          for (int j = mid + 1; j <= best; j++) {
            assumptions.push(-ranked.get(j).var);
          }
          if (encoder.solve(assumptions)) {
            model = encoder.model();
            int improved = chosen(ranked, model);
            for (int j = improved + 1; j <= mid; j++) {
              assumptions.push(-ranked.get(j).var);
            }
            best = improved;
          } else {
            assumptions.shrinkTo(probe);
            lo = mid + 1;
          }
        }
        assumptions.shrinkTo(mark);
      }
      assumptions.push(ranked.get(best).var);
    }
    return model;
  }

  /** Candidates of {@code p} still possible, most preferred first. */
  List<Candidate> preferenceOrder(Project p) {
    List<Candidate> ranked = new ArrayList<>();
    for (Candidate c : p.candidates) {
      if (c.state != Candidate.State.REMOVED) {
        ranked.add(c);
      }
    }
    boolean lowest =
        strategy == ResolutionStrategy.LOWEST
            || (strategy == ResolutionStrategy.LOWEST_DIRECT && p.direct);
    if (lowest) {
      Collections.reverse(ranked);
    }
    Version preferred = preferences.get(p.name);
    if (preferred != null) {
      for (int i = 0; i < ranked.size(); i++) {
        if (ranked.get(i).version.equals(preferred)) {
          ranked.add(0, ranked.remove(i));
          break;
        }
      }
    }
    return ranked;
  }

  private static int chosen(List<Candidate> ranked, boolean[] model) {
    for (int i = 0; i < ranked.size(); i++) {
      if (model[ranked.get(i).var]) {
        return i;
      }
    }
    throw new IllegalStateException("a model installs a project without a possible candidate");
  }
}
