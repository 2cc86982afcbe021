package org.pylock4j.sat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.MarkerTree;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.PrereleasePolicy;
import org.pylock4j.resolve.ProjectPage;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.version.Version;

/**
 * The problem as far as it is known: projects, candidates and their variables, and the encoding of
 * roots, constraints, overrides, dependencies and extras into the session's {@link Encoder}.
 *
 * <p>Encoding is done by tasks (a root requirement, or the dependencies of one known candidate
 * without or with one extra) that wait until the pages of every project they name are
 * integrated, so a clause is only written over complete candidate lists. Everything runs on the
 * session's thread, in an order fixed by the inputs, so variable numbers never depend on timing.
 */
final class Problem {

  static final String NEEDS_BUILD =
      "needs a build to know its dependencies; pylock4j never runs package code";

  final ResolutionRequest request;
  final Encoder encoder;
  final Markers markers;
  final CandidateSelector selector;
  final Map<ProjectName, Project> projects = new TreeMap<>();
  final List<Requirement> roots;
  final List<String> warnings = new ArrayList<>();
  /** Projects of active roots, in input order. */
  final List<Project> direct = new ArrayList<>();

  private final Map<ProjectName, List<Requirement>> constraints = new LinkedHashMap<>();
  private final Map<ProjectName, List<Requirement>> overrides = new LinkedHashMap<>();
  private final Set<ProjectName> explicitPrereleases = new HashSet<>();
  private final Map<String, int[]> matchCache = new HashMap<>();
  private List<Task> tasks = new ArrayList<>();
  final Set<Project> pagesWanted = new LinkedHashSet<>();
  final Set<Candidate> metadataWanted = new LinkedHashSet<>();
  private int constraintGroup;
  private final Map<Requirement, Integer> constraintGroups = new HashMap<>();
  private final Consumer<String> warn;

  /** An encoding job: a root (candidate null) or the dependencies of a candidate. */
  private record Task(int root, Candidate candidate, String extra) {}

  Problem(ResolutionRequest request, Encoder encoder, Consumer<String> warn, MarkerTree region,
      FileEnvironments fileEnvironments) {
    this.request = request;
    this.encoder = encoder;
    this.warn = warn;
    this.markers = region == null ? new Markers(request.target().markers()) : new Markers(region, request.target().markers());
    this.roots = request.requirements();
    Map<ProjectName, List<Requirement>> pins = new HashMap<>();
    for (Requirement r : request.constraints()) {
      if (markers.holds(r.marker())) {
        constraints.computeIfAbsent(r.projectName(), k -> new ArrayList<>()).add(r);
        pins.computeIfAbsent(r.projectName(), k -> new ArrayList<>()).add(r);
        noteExplicit(r);
      }
    }
    for (Requirement r : request.overrides()) {
      if (markers.holds(r.marker())) {
        overrides.computeIfAbsent(r.projectName(), k -> new ArrayList<>()).add(r);
        pins.computeIfAbsent(r.projectName(), k -> new ArrayList<>()).add(r);
        noteExplicit(r);
      }
    }
    for (Requirement r : roots) {
      pins.computeIfAbsent(r.projectName(), k -> new ArrayList<>()).add(r);
      noteExplicit(r);
    }
    this.selector = new CandidateSelector(request, pins, region, fileEnvironments);
  }

  private void noteExplicit(Requirement r) {
    if (r.url() == null && r.specifier().prereleases()) {
      explicitPrereleases.add(r.projectName());
    }
  }

  Project project(ProjectName name) {
    return projects.computeIfAbsent(name, Project::new);
  }

  /** Sets up direct URL candidates and the root tasks. */
  void start() {
    Map<Project, List<String>> urls = new LinkedHashMap<>();
    for (int i = 0; i < roots.size(); i++) {
      Requirement r = roots.get(i);
      if (!markers.holds(r.marker())) {
        continue;
      }
      Project p = project(r.projectName());
      if (!p.direct) {
        p.direct = true;
        direct.add(p);
      }
      if (r.url() != null) {
        List<String> list = urls.computeIfAbsent(p, k -> new ArrayList<>());
        if (list.stream().noneMatch(u -> DirectUrls.stripFragment(u).equals(DirectUrls.stripFragment(r.url())))) {
          list.add(r.url());
        }
      }
      tasks.add(new Task(i, null, null));
    }
    urls.forEach(this::integrateUrls);
  }

  // ---------------------------------------------------------------- pages and candidates

  void integratePage(Project p, ProjectPage page) {
    if (p.ready()) {
      return;
    }
    p.index = page.index();
    p.page = page;
    CandidateSelector.Selection s = selector.select(p.name, page.files());
    List<Candidate> candidates = new ArrayList<>();
    for (CandidateSelector.Selected sel : s.candidates()) {
      candidates.add(
          new Candidate(p, sel.version(), sel.files(), sel.files().get(0), null, encoder.newVar()));
    }
    Map<Version, String> excluded = selector.excluded(p.name);
    s.rejected().forEach((v, r) -> p.notCandidates.put(v, r == CandidateSelector.Reason.EXCLUDED
        ? r.version + " (" + excluded.get(v) + ")"
        : s.details().containsKey(v) ? "has no file for the required environment " + s.details().get(v)
        : r.version));
    for (DistributionFile f : page.files()) {
      if (s.rejected().get(f.version()) == CandidateSelector.Reason.REQUIRES_PYTHON
          && f.requiresPython() != null) {
        p.requiresPythonRejected.putIfAbsent(f.version(), f.requiresPython());
      }
    }
    if (candidates.isEmpty()) {
      p.noCandidateReason = selector.noCandidates(page.files(), s.rejected(), s.details());
    }
    finishProject(p, candidates);
  }

  private void integrateUrls(Project p, List<String> urls) {
    p.pageRequested = true;
    List<Candidate> candidates = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (String url : urls) {
      DistributionFile file = DirectUrls.file(p.name, url, request, reasons);
      if (file != null) {
        candidates.add(new Candidate(p, file.version(), List.of(file), file, file.url(),
            encoder.newVar()));
      }
    }
    if (candidates.isEmpty()) {
      p.noCandidateReason = String.join("; ", reasons);
    }
    finishProject(p, candidates);
  }

  /** Variables, {@code inst[p] <-> OR x[p,*]}, at-most-one and constraints of a project. */
  private void finishProject(Project p, List<Candidate> candidates) {
    p.candidates = List.copyOf(candidates);
    p.instVar = encoder.newVar();
    int[] vars = candidates.stream().mapToInt(c -> c.var).toArray();
    int[] definition = new int[vars.length + 1];
    definition[0] = -p.instVar;
    System.arraycopy(vars, 0, definition, 1, vars.length);
    encoder.clause(0, definition);
    for (int v : vars) {
      encoder.clause(0, -v, p.instVar);
    }
    encoder.atMostOne(vars);
    for (Requirement c : constraints.getOrDefault(p.name, List.of())) {
      int[] matching = matching(p, c);
      int group = constraintGroups.computeIfAbsent(c, k -> encoder.group(new Origin.Constraint(k)));
      for (Candidate cand : candidates) {
        if (!contains(matching, cand.var)) {
          encoder.clause(group, -cand.var);
        }
      }
    }
  }

  private static boolean contains(int[] vars, int var) {
    for (int v : vars) {
      if (v == var) {
        return true;
      }
    }
    return false;
  }

  /** The variables of the candidates of {@code q} that satisfy {@code r}. */
  int[] matching(Project q, Requirement r) {
    String key = q.name + "\u0000" + (r.url() != null ? "@" + DirectUrls.stripFragment(r.url()) : r.specifier());
    int[] cached = matchCache.get(key);
    if (cached != null) {
      return cached;
    }
    List<Candidate> all = new ArrayList<>();
    if (r.url() != null) {
      String url = DirectUrls.stripFragment(r.url());
      for (Candidate c : q.candidates) {
        if (url.equals(c.directUrl)) {
          all.add(c);
        }
      }
    } else {
      for (Candidate c : q.candidates) {
        if (r.specifier().contains(c.version, true)) {
          all.add(c);
        }
      }
      boolean prereleases =
          request.prereleases() == PrereleasePolicy.ALLOW
              || explicitPrereleases.contains(q.name)
              || r.specifier().prereleases();
      if (!prereleases) {
        List<Candidate> finals = all.stream().filter(c -> !c.version.isPrerelease()).toList();
        if (!finals.isEmpty()) {
          all = finals;
        }
      }
    }
    int[] vars = all.stream().mapToInt(c -> c.var).toArray();
    matchCache.put(key, vars);
    return vars;
  }

  // ---------------------------------------------------------------- metadata

  /** Records what arrived for {@code c}: its metadata, or the failure fetching it. */
  void integrateMetadata(Candidate c, CoreMetadata metadata) {
    c.metadata = metadata;
    if (!c.metadataFile.isWheel() && !metadata.dependenciesAreStatic()) {
      remove(c, NEEDS_BUILD);
      return;
    }
    if (metadata.requiresPython() != null && !selector.admitsTarget(metadata.requiresPython())) {
      c.project.requiresPythonRejected.putIfAbsent(c.version, metadata.requiresPython());
      remove(c, "requires Python " + metadata.requiresPython() + " (metadata), the target is "
          + selector.python());
      return;
    }
    List<Requirement> parsed = new ArrayList<>();
    for (String line : metadata.requiresDist()) {
      try {
        parsed.add(Requirement.parse(line));
      } catch (InvalidInputException e) {
        warn.accept("skipping " + c + ": invalid Requires-Dist line '" + line + "': "
            + e.reason());
        remove(c, "has an invalid Requires-Dist line '" + line + "'");
        return;
      }
    }
    c.requirements = List.copyOf(parsed);
    c.state = Candidate.State.KNOWN;
    tasks.add(new Task(-1, c, null));
    for (String extra : c.project.extraVars.keySet()) {
      tasks.add(new Task(-1, c, extra));
    }
  }

  /** The metadata of {@code c} could not be read as metadata: skip the version, warn. */
  void invalidMetadata(Candidate c, InvalidInputException e) {
    warn.accept("skipping " + c + ": invalid metadata in " + c.metadataFile.filename() + ": "
        + e.getMessage());
    remove(c, "has invalid metadata");
  }

  private void remove(Candidate c, String reason) {
    c.state = Candidate.State.REMOVED;
    encoder.clause(encoder.group(new Origin.Removed(c, reason)), -c.var);
  }

  // ---------------------------------------------------------------- tasks

  /** Encodes every task whose projects are ready; asks for the pages the others wait for. */
  void runTasks() {
    boolean progress = true;
    while (progress && !tasks.isEmpty()) {
      progress = false;
      List<Task> current = tasks;
      tasks = new ArrayList<>();
      List<Task> waiting = new ArrayList<>();
      for (Task t : current) {
        if (tryEncode(t)) {
          progress = true;
        } else {
          waiting.add(t);
        }
      }
      waiting.addAll(tasks);
      tasks = waiting;
    }
  }

  private boolean tryEncode(Task t) {
    if (t.candidate == null) {
      Requirement r = roots.get(t.root);
      Project q = project(r.projectName());
      if (!ready(List.of(q))) {
        return false;
      }
      int group = encoder.group(new Origin.Root(t.root, r));
      encoder.clause(group, matching(q, r));
      for (String extra : r.extras()) {
        encoder.clause(group, extraVar(q, extra));
      }
      return true;
    }
    Candidate c = t.candidate;
    List<Requirement> effective = dependencies(c, t.extra);
    List<Project> targets = new ArrayList<>();
    for (Requirement r : effective) {
      targets.add(project(r.projectName()));
    }
    if (!ready(targets)) {
      return false;
    }
    int condition = t.extra == null ? 0 : -extraVar(c.project, t.extra);
    for (int i = 0; i < effective.size(); i++) {
      Requirement r = effective.get(i);
      Project q = targets.get(i);
      int group = encoder.group(new Origin.Dependency(c, t.extra, r));
      int[] matching = matching(q, r);
      int prefix = condition == 0 ? 1 : 2;
      int[] clause = new int[prefix + matching.length];
      clause[0] = -c.var;
      if (condition != 0) {
        clause[1] = condition;
      }
      System.arraycopy(matching, 0, clause, prefix, matching.length);
      encoder.clause(group, clause);
      for (String extra : r.extras()) {
        int y = extraVar(q, extra);
        encoder.clause(group, condition == 0 ? new int[] {-c.var, y} : new int[] {-c.var, condition, y});
      }
    }
    return true;
  }

  /**
   * The requirements of {@code c} that apply without extras (extra null) or only with {@code
   * extra}, whose markers hold for the target, after overrides.
   */
  List<Requirement> dependencies(Candidate c, String extra) {
    List<Requirement> result = new ArrayList<>();
    for (Requirement r : c.requirements) {
      boolean active = extra == null ? holds(c, r) : holdsOnlyWithExtra(c, r, extra);
      if (!active) {
        continue;
      }
      List<Requirement> replaced = overrides.get(r.projectName());
      if (replaced != null) {
        for (Requirement o : replaced) {
          if (!result.contains(o)) {
            result.add(o);
          }
        }
      } else if (!result.contains(r)) {
        result.add(r);
      }
    }
    return result;
  }

  private boolean holds(Candidate c, Requirement r) {
    try {
      return markers.holds(r.marker());
    } catch (RuntimeException e) {
      badMarker(c, r, e);
      return false;
    }
  }

  private boolean holdsOnlyWithExtra(Candidate c, Requirement r, String extra) {
    try {
      return markers.holdsOnlyWithExtra(r.marker(), extra);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private final Set<String> badMarkers = new TreeSet<>();

  private void badMarker(Candidate c, Requirement r, RuntimeException e) {
    if (badMarkers.add(c + " " + r)) {
      warn.accept("ignoring requirement '" + r + "' of " + c + ": its marker cannot be evaluated ("
          + e.getMessage() + ")");
    }
  }

  private boolean ready(List<Project> targets) {
    boolean all = true;
    for (Project q : targets) {
      if (!q.ready()) {
        all = false;
        if (!q.pageRequested) {
          q.pageRequested = true;
          pagesWanted.add(q);
        }
      }
    }
    return all;
  }

  /** {@code y[q,extra]}, created on first use with {@code y -> inst[q]}. */
  int extraVar(Project q, String extra) {
    Integer y = q.extraVars.get(extra);
    if (y != null) {
      return y;
    }
    int var = encoder.newVar();
    q.extraVars.put(extra, var);
    encoder.clause(0, -var, q.instVar);
    for (Candidate c : q.candidates) {
      if (c.state == Candidate.State.KNOWN) {
        tasks.add(new Task(-1, c, extra));
      }
    }
    return var;
  }

  /** The overrides that replace requirements on {@code project}, or null when there are none. */
  List<Requirement> overridesOf(ProjectName project) {
    return overrides.get(project);
  }

  /** Records a warning for the resolution and tells the listener. */
  void warn(String message) {
    warn.accept(message);
  }

  boolean hasWork() {
    return !pagesWanted.isEmpty() || !metadataWanted.isEmpty();
  }
}
