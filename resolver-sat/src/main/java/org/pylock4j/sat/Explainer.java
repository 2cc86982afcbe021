package org.pylock4j.sat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.pylock4j.error.PylockException;
import org.pylock4j.error.ResolutionLimitException;
import org.pylock4j.error.UnsatisfiableException;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.ConflictCause;
import org.pylock4j.version.Specifier;
import org.pylock4j.version.SpecifierSet;
import org.pylock4j.version.Version;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.IConstr;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.ISolverService;
import org.sat4j.specs.IVecInt;
import org.sat4j.specs.SearchListenerAdapter;
import org.sat4j.specs.TimeoutException;
import org.sat4j.tools.xplain.HighLevelXplain;

/**
 * Explains an unsatisfiable problem: a minimal unsatisfiable core over clause groups, found with
 * Sat4j's {@link HighLevelXplain} on a separate solver built from the recorded clauses, rendered
 * as requirement chains.
 */
final class Explainer {

  /** The most causes the message lists; the exception carries them all. */
  static final int MAX_CAUSES_SHOWN = 30;

  private final Problem problem;
  private final Duration timeout;
  private final long maxConflicts;
  /** Why the core is not minimal, or null when it is. */
  private String imprecise;

  Explainer(Problem problem, Duration timeout, long maxConflicts) {
    this.problem = problem;
    this.timeout = timeout;
    this.maxConflicts = maxConflicts;
  }

  /** The origins of the last explanation's minimal core. */
  List<Origin> core = List.of();

  UnsatisfiableException explain() {
    List<Origin> core = core();
    this.core = core;
    List<ConflictCause> causes = render(core);
    List<String> lines = causes.stream().map(ConflictCause::describe).toList();
    StringBuilder message = new StringBuilder("cannot resolve the requirements: ");
    if (lines.size() > MAX_CAUSES_SHOWN) {
      message.append(String.join("; ", lines.subList(0, MAX_CAUSES_SHOWN)));
      message.append("; … and ").append(lines.size() - MAX_CAUSES_SHOWN).append(" more");
    } else {
      message.append(String.join("; ", lines));
    }
    List<String> contested = contested(core);
    if (!contested.isEmpty()) {
      message.append(contested.size() == 1
          ? "; so no version of " + contested.get(0) + " satisfies them all"
          : "; so no versions of " + String.join(", ", contested) + " satisfy them all");
    }
    if (imprecise != null) {
      message.append(" (").append(imprecise).append(")");
    }
    return new UnsatisfiableException(message.toString(), lines, causes);
  }

  /**
   * The origins of a set of groups that is unsatisfiable with the structural clauses: minimal
   * when the budget allows, else the core of the solver's last conflict (true, not minimal), else
   * the root requirements.
   */
  private List<Origin> core() {
    Encoder e = problem.encoder;
    Budget budget = new Budget(e.stop(), timeout, maxConflicts);
    ISolver inner = SolverFactory.newDefault();
    inner.setTimeoutOnConflicts(Integer.MAX_VALUE);
    inner.setSearchListener(budget);
    HighLevelXplain<ISolver> xplain = new HighLevelXplain<>(inner);
    xplain.newVar(e.maxVar());
    Collection<Integer> unminimised = null;
    try {
      for (int[] amo : e.atMostOnes) {
        inner.addAtMost(new VecInt(amo), 1);
      }
      for (int i = 0; i < e.clauses.size(); i++) {
        xplain.addClause(new VecInt(e.clauses.get(i)), e.clauseGroups.get(i));
      }
      long proving = System.nanoTime();
      if (xplain.isSatisfiable()) {
        throw new IllegalStateException("the explanation solver found a solution");
      }
      proving = System.nanoTime() - proving;
      unminimised = groups(xplain.unsatExplanation());
      // Minimising takes one proof per part of the core: when that cannot fit in the budget
      // (a cycle of 200 projects × 200 versions has a core of 20,000 parts), do not start.
      if (!unminimised.isEmpty()
          && proving > 0
          && unminimised.size() > Math.max(1, timeout.toNanos() / proving)) {
        imprecise = "not minimal: minimising " + unminimised.size() + " causes would take longer"
            + " than its time budget of " + timeout + " (ResolverOptions.explanationTimeout)";
        return origins(unminimised);
      }
      return origins(xplain.explain());
    } catch (OutOfBudget | ResolutionLimitException spent) {
      // Unsatisfiability is proven already: say what is known, and that it is not minimal.
      imprecise = "not minimal: explaining stopped "
          + (spent instanceof OutOfBudget out ? out.getMessage()
              : "at the resolution's time budget (ResolverOptions.timeout)");
      return unminimised != null && !unminimised.isEmpty() ? origins(unminimised) : roots();
    } catch (PylockException stopped) {
      throw stopped; // cancelled while explaining
    } catch (ContradictionException | TimeoutException | RuntimeException ex) {
      // Fall back to the roots: still true, only less precise.
      return roots();
    }
  }

  private static Collection<Integer> groups(IVecInt explanation) {
    List<Integer> groups = new ArrayList<>();
    if (explanation != null) {
      for (int i = 0; i < explanation.size(); i++) {
        groups.add(Math.abs(explanation.get(i)));
      }
    }
    return groups;
  }

  private List<Origin> origins(Collection<Integer> groups) {
    List<Origin> origins = problem.encoder.origins;
    return new TreeSet<>(groups).stream()
        .filter(g -> g > 0 && g <= origins.size())
        .map(g -> origins.get(g - 1))
        .toList();
  }

  private List<Origin> roots() {
    List<Origin> roots = new ArrayList<>();
    for (Origin o : problem.encoder.origins) {
      if (o instanceof Origin.Root) {
        roots.add(o);
      }
    }
    return roots;
  }

  /** Thrown inside the solver when the explanation has spent its budget; says which. */
  private static final class OutOfBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfBudget(String which) {
      super(which, null, false, false);
    }
  }

  /**
   * The explanation's budget: its conflicts and its time; also stops on cancellation and the
   * resolution's time budget.
   */
  private static final class Budget extends SearchListenerAdapter<ISolverService> {
    private static final long serialVersionUID = 1L;
    private final StopListener stop;
    private final Duration timeout;
    private final long deadline;
    private final long maxConflicts;
    private long conflicts;
    private int loops;

    Budget(StopListener stop, Duration timeout, long maxConflicts) {
      this.stop = stop;
      this.timeout = timeout;
      this.deadline = System.nanoTime() + timeout.toNanos();
      this.maxConflicts = maxConflicts;
    }

    @Override
    public void conflictFound(IConstr confl, int dlevel, int trailLevel) {
      stop.check();
      if (++conflicts > maxConflicts) {
        throw new OutOfBudget(
            "after " + maxConflicts + " solver conflicts (ResolverOptions.maxExplanationConflicts)");
      }
      checkTime();
    }

    @Override
    public void start() {
      stop.check();
      checkTime();
    }

    @Override
    public void beginLoop() {
      stop.beginLoop();
      if ((++loops & 0xFF) == 0) {
        checkTime();
      }
    }

    private void checkTime() {
      if (System.nanoTime() - deadline >= 0) {
        throw new OutOfBudget(
            "after its time budget of " + timeout + " (ResolverOptions.explanationTimeout)");
      }
    }
  }

  /** Merges the core's groups into causes, roots first, then along the requirement chains. */
  private List<ConflictCause> render(List<Origin> core) {
    List<Origin.Root> roots = new ArrayList<>();
    Map<List<Object>, List<Candidate>> deps = new LinkedHashMap<>();
    Map<List<Object>, Origin.Dependency> depKey = new HashMap<>();
    List<Requirement> constraints = new ArrayList<>();
    Map<List<Object>, List<Candidate>> removed = new LinkedHashMap<>();
    for (Origin o : core) {
      if (o instanceof Origin.Root r) {
        roots.add(r);
      } else if (o instanceof Origin.Dependency d) {
        List<Object> key = List.of(d.candidate().project.name, Objects.toString(d.extra()),
            d.requirement().toString());
        deps.computeIfAbsent(key, k -> new ArrayList<>()).add(d.candidate());
        depKey.putIfAbsent(key, d);
      } else if (o instanceof Origin.Constraint c) {
        constraints.add(c.requirement());
      } else if (o instanceof Origin.Removed r) {
        removed.computeIfAbsent(List.of(r.candidate().project.name, r.reason()),
            k -> new ArrayList<>()).add(r.candidate());
      }
    }
    roots.sort(Comparator.comparingInt(Origin.Root::index));
    Map<ProjectName, Integer> depth = depths(roots, deps, depKey);
    List<ConflictCause> causes = new ArrayList<>();
    Set<ProjectName> noted = new TreeSet<>();
    for (Origin.Root r : roots) {
      causes.add(new ConflictCause.RootRequirement(r.requirement()));
      note(r.requirement(), causes, noted);
    }
    List<List<Object>> keys = new ArrayList<>(deps.keySet());
    keys.sort(Comparator.<List<Object>>comparingInt(
            k -> depth.getOrDefault((ProjectName) k.get(0), Integer.MAX_VALUE))
        .thenComparing(k -> (ProjectName) k.get(0))
        .thenComparing(k -> (String) k.get(1))
        .thenComparing(k -> (String) k.get(2)));
    for (List<Object> k : keys) {
      Origin.Dependency d = depKey.get(k);
      List<Version> versions = deps.get(k).stream().map(c -> c.version).sorted().distinct().toList();
      causes.add(new ConflictCause.Dependency(
          d.candidate().project.name, versions, d.extra(), d.requirement()));
      note(d.requirement(), causes, noted);
    }
    for (Requirement c : constraints) {
      causes.add(new ConflictCause.Constraint(c));
    }
    removed.forEach((k, cands) -> causes.add(new ConflictCause.Unavailable(
        (ProjectName) k.get(0), cands.stream().map(c -> c.version).sorted().distinct().toList(),
        (String) k.get(1))));
    return causes;
  }

  /**
   * Adds a note when the required project has no candidate at all, or none that matches {@code
   * r}: then the versions that would match and why they are not candidates.
   */
  private void note(Requirement r, List<ConflictCause> causes, Set<ProjectName> noted) {
    Project q = problem.projects.get(r.projectName());
    if (q == null || !q.ready()) {
      return;
    }
    if (q.candidates.isEmpty()) {
      if (noted.add(q.name)) {
        causes.add(new ConflictCause.NoCandidates(q.name, q.noCandidateReason));
      }
      return;
    }
    if (problem.matching(q, r).length > 0 || r.url() != null) {
      return;
    }
    // Every version that would match is named with the reason it is not a candidate, including
    // versions the request excluded: the request carries their reason (e.g. advisory ids) for
    // exactly this.
    List<String> why = new ArrayList<>();
    q.notCandidates.forEach((v, reason) -> {
      if (r.specifier().contains(v, true)) {
        why.add(v + " " + reason);
      }
    });
    String text;
    if (why.isEmpty()) {
      // Nothing on the index matches at all: say what there is, so the fix is obvious.
      List<Version> versions = new ArrayList<>();
      q.candidates.forEach(c -> versions.add(c.version));
      versions.sort(null);
      int shown = Math.min(5, versions.size());
      List<String> newest = new ArrayList<>();
      for (Version v : versions.subList(versions.size() - shown, versions.size())) {
        newest.add(v.toString());
      }
      List<String> near = new ArrayList<>();
      nearest(r.specifier(), versions).forEach(v -> near.add(v.toString()));
      text = "no version matches " + r.specifier() + " ("
          + (newest.containsAll(near) ? "" : "nearest: " + String.join(", ", near) + "; ")
          + "candidates: " + (versions.size() > shown ? "… " : "") + String.join(", ", newest)
          + ")";
    } else {
      text = "no candidate version matches " + r.specifier() + " (" + String.join("; ", why) + ")";
    }
    ConflictCause note = new ConflictCause.NoCandidates(q.name, text);
    if (!causes.contains(note)) {
      causes.add(note);
    }
  }

  /** Distance of each project from the roots along the core's dependencies. */
  private static Map<ProjectName, Integer> depths(
      List<Origin.Root> roots,
      Map<List<Object>, List<Candidate>> deps,
      Map<List<Object>, Origin.Dependency> depKey) {
    Map<ProjectName, List<ProjectName>> next = new HashMap<>();
    for (List<Object> k : deps.keySet()) {
      Origin.Dependency d = depKey.get(k);
      next.computeIfAbsent(d.candidate().project.name, x -> new ArrayList<>())
          .add(d.requirement().projectName());
    }
    Map<ProjectName, Integer> depth = new HashMap<>();
    Deque<ProjectName> queue = new ArrayDeque<>();
    for (Origin.Root r : roots) {
      if (depth.putIfAbsent(r.requirement().projectName(), 0) == null) {
        queue.add(r.requirement().projectName());
      }
    }
    while (!queue.isEmpty()) {
      ProjectName p = queue.poll();
      for (ProjectName q : next.getOrDefault(p, List.of())) {
        if (depth.putIfAbsent(q, depth.get(p) + 1) == null) {
          queue.add(q);
        }
      }
    }
    return depth;
  }

  /** Projects that requirements of two or more requirers (root, constraints, projects) name. */
  private static List<String> contested(List<Origin> core) {
    Map<ProjectName, Set<String>> requirers = new HashMap<>();
    for (Origin o : core) {
      Requirement r;
      String who;
      if (o instanceof Origin.Root root) {
        r = root.requirement();
        who = "root";
      } else if (o instanceof Origin.Dependency d) {
        r = d.requirement();
        who = d.candidate().project.name.toString();
      } else if (o instanceof Origin.Constraint c) {
        r = c.requirement();
        who = "constraint";
      } else {
        continue;
      }
      requirers.computeIfAbsent(r.projectName(), k -> new TreeSet<>()).add(who);
    }
    return requirers.entrySet().stream()
        .filter(en -> en.getValue().size() > 1)
        .map(en -> en.getKey().toString())
        .sorted()
        .toList();
  }

  /**
   * The candidates on either side of each version a specifier names (the greatest at or below it,
   * the least at or above it), ascending: where a user looks when nothing matches, e.g. 1.23.5 and
   * 1.24.4 for {@code <1.24,>1.23.5}.
   */
  static List<Version> nearest(SpecifierSet specifier, List<Version> sorted) {
    TreeSet<Version> near = new TreeSet<>();
    for (Specifier s : specifier.specifiers()) {
      s.parsedVersion().ifPresent(bound -> {
        int i = java.util.Collections.binarySearch(sorted, bound);
        int below = i >= 0 ? i : -i - 2;
        int above = i >= 0 ? i : -i - 1;
        if (below >= 0) {
          near.add(sorted.get(below));
        }
        if (above < sorted.size()) {
          near.add(sorted.get(above));
        }
      });
    }
    return List.copyOf(near);
  }
}
