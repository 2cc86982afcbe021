package org.pylock4j.sat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.ResolutionStrategy;
import org.pylock4j.version.Version;
import org.sat4j.core.VecInt;

/**
 * The one optimal answer (DESIGN "One answer", refined): projects are decided one at a time in
 * breadth-first order from the roots — the direct requirements in input order, then, as each
 * decided version's dependencies become active, the projects they name, in name order — each
 * taking its most preferred version that some complete solution still allows; every project no
 * decided package requires is not installed.
 *
 * <p>Deciding a project before the projects it depends on is what makes the answer the one a
 * person expects: with a fixed name order, a dependency that sorts first ({@code atomicwrites}
 * before {@code pytest}) would be kept out by choosing an old version of its dependent.
 *
 * <p>One incremental solver, a growing vector of unit assumptions: a project whose most preferred
 * version the last model already has is fixed without a call; otherwise probe that version, then
 * binary-search the preference order with unit assumptions bounded by the last model.
 */
final class Optimizer {

  private final Problem problem;
  private final Encoder encoder;
  private final ResolutionStrategy strategy;
  private final Map<ProjectName, Version> preferences;

  Optimizer(Problem problem, Encoder encoder) {
    this.problem = problem;
    this.encoder = encoder;
    this.strategy = problem.request.strategy();
    this.preferences = problem.request.preferences();
  }

  /** Some model, or null when the clauses are unsatisfiable: one solver call. */
  boolean[] satisfy() {
    return encoder.solve(new VecInt()) ? encoder.model() : null;
  }

  /** Thrown when a bounded optimisation has spent its budget. */
  static final class OverBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OverBudget() {
      super(null, null, false, false);
    }
  }

  /** The solver's propagations after which {@link #optimise(long)} gives up. */
  private long budget = Long.MAX_VALUE;

  /**
   * The optimal model, or null when the clauses are unsatisfiable; throws {@link OverBudget} once
   * the solver has propagated more than {@code budget} literals in all (see {@link
   * StopListener#propagations()}).
   */
  boolean[] optimise(long budget) {
    this.budget = budget;
    try {
      return optimise();
    } finally {
      this.budget = Long.MAX_VALUE;
    }
  }

  private boolean solve(VecInt assumptions) {
    boolean sat = encoder.solve(assumptions);
    if (encoder.stop().propagations() > budget) {
      throw new OverBudget();
    }
    return sat;
  }

  /** The optimal model, or null when the clauses are unsatisfiable. */
  boolean[] optimise() {
    VecInt assumptions = new VecInt();
    if (!solve(assumptions)) {
      return null;
    }
    Walk walk = new Walk();
    for (Requirement r : problem.roots) {
      if (problem.markers.holds(r.marker())) {
        Project q = problem.projects.get(r.projectName());
        walk.enqueue(q);
        new TreeSet<>(r.extras()).forEach(e -> walk.request(q, e));
      }
    }
    boolean[] model = encoder.model();
    while (!walk.queue.isEmpty()) {
      Project p = walk.queue.poll();
      if (!p.ready() || !model[p.instVar]) {
        continue; // cannot happen: a required project is installed in every model
      }
      model = decide(p, assumptions, model);
      walk.decided(p, chosen(p, model));
    }
    boolean pruned = false;
    for (Project p : problem.projects.values()) {
      if (p.ready() && !walk.decided.containsKey(p)) {
        assumptions.push(-p.instVar);
        pruned |= model[p.instVar];
      }
    }
    if (pruned) {
      if (!solve(assumptions)) {
        throw new IllegalStateException("removing unrequired projects made the problem unsatisfiable");
      }
      model = encoder.model();
    }
    return model;
  }

  /** Fixes the most preferred version of {@code p} that a solution still allows. */
  private boolean[] decide(Project p, VecInt assumptions, boolean[] model) {
    List<Candidate> ranked = preferenceOrder(p);
    int best = rank(ranked, model);
    if (best > 0) {
      assumptions.push(ranked.get(0).var);
      if (solve(assumptions)) {
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
        if (solve(assumptions)) {
          model = encoder.model();
          int improved = rank(ranked, model);
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
    return model;
  }

  /** The breadth-first walk over decided packages and their active requirements. */
  private final class Walk {
    final Deque<Project> queue = new ArrayDeque<>();
    final Set<Project> enqueued = new HashSet<>();
    final Map<Project, Candidate> decided = new HashMap<>();
    final Map<Project, Set<String>> requested = new HashMap<>();
    final Map<Project, Set<String>> activated = new HashMap<>();

    void enqueue(Project p) {
      if (p != null && enqueued.add(p)) {
        queue.add(p);
      }
    }

    void request(Project p, String extra) {
      if (p != null && requested.computeIfAbsent(p, k -> new TreeSet<>()).add(extra)
          && decided.containsKey(p)) {
        activate(p, extra);
      }
    }

    void decided(Project p, Candidate c) {
      decided.put(p, c);
      activate(p, null);
      for (String extra : List.copyOf(requested.getOrDefault(p, new TreeSet<>()))) {
        activate(p, extra);
      }
    }

    private void activate(Project p, String extra) {
      if (!activated.computeIfAbsent(p, k -> new HashSet<>()).add(extra == null ? "" : extra)) {
        return;
      }
      List<Requirement> deps = problem.dependencies(decided.get(p), extra);
      List<Project> targets = new ArrayList<>();
      for (Requirement r : deps) {
        targets.add(problem.projects.get(r.projectName()));
      }
      targets.stream().filter(q -> q != null).distinct()
          .sorted((a, b) -> a.name.compareTo(b.name)).forEach(this::enqueue);
      for (Requirement r : deps) {
        Project q = problem.projects.get(r.projectName());
        new TreeSet<>(r.extras()).forEach(e -> request(q, e));
      }
    }
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

  private static Candidate chosen(Project p, boolean[] model) {
    for (Candidate c : p.candidates) {
      if (model[c.var]) {
        return c;
      }
    }
    throw new IllegalStateException("no version of " + p + " is chosen");
  }

  private static int rank(List<Candidate> ranked, boolean[] model) {
    for (int i = 0; i < ranked.size(); i++) {
      if (model[ranked.get(i).var]) {
        return i;
      }
    }
    throw new IllegalStateException("a model installs a project without a possible candidate");
  }
}
