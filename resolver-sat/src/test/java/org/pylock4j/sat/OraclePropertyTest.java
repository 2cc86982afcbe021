package org.pylock4j.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.UnsatisfiableException;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DependencyEdge;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.ResolutionStrategy;
import org.pylock4j.version.SpecifierSet;
import org.pylock4j.version.Version;

/**
 * Random small universes (at most 6 projects with at most 5 versions, random specifiers, extras,
 * markers, yanked files, requires-python, constraints, overrides, strategies and preferences)
 * resolved by {@link SatResolver} and by a brute-force oracle that enumerates every assignment in
 * lexicographic order. Seeded: a failure names its seed, and {@code -Doracle.seed=N} replays it.
 */
class OraclePropertyTest {

  private static final int UNIVERSES = Integer.getInteger("oracle.universes", 3000);
  private static final String[] NAMES = {"alpha", "beta", "gamma-x", "delta", "eps", "zeta"};
  private static final String[] VERSIONS = {"0.9", "1.0", "1.1", "2.0b1", "2.0", "3.0"};
  private static final String[] SPECS = {
    "", "", ">=1.0", "<2", "==1.1", "!=1.0", ">=2.0b1", "~=1.0", ">1.0,<3", "==2.*", "<1.0", ">=3",
    "<3", "<1.1", "<2", ">=2"
  };
  private static final String[] MARKERS = {
    null, null, null, "python_version >= \"3\"", "sys_platform == \"win32\"", "extra == \"x\"",
    "extra == \"y\"", "extra == \"x\" and os_name == \"posix\""
  };
  private static final TargetEnvironment3 T = new TargetEnvironment3();

  /** The target, its marker environment and Python version. */
  private static final class TargetEnvironment3 {
    final org.pylock4j.resolve.TargetEnvironment target = SatResolverTest.TARGET;
    final MarkerEnvironment env = target.markers();
    final Version python = target.pythonVersion();
  }

  @Test
  void resolverAgreesWithBruteForce() {
    Integer only = Integer.getInteger("oracle.seed");
    int unsat = 0;
    for (int seed = 0; seed < UNIVERSES; seed++) {
      if (only != null && seed != only) {
        continue;
      }
      try {
        if (!check(seed)) {
          unsat++;
        }
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
    if (only == null) {
      // Both outcomes must be well represented, or the generator tests little.
      assertTrue(unsat > UNIVERSES / 20 && unsat < UNIVERSES * 9 / 10, "unsat count " + unsat);
    }
  }

  // ------------------------------------------------------------------------------ universe

  record Ver(String version, String requiresPython, boolean yanked, List<String> deps) {}

  record Universe(
      Map<String, List<Ver>> projects,
      List<String> roots,
      List<String> constraints,
      List<String> overrides,
      ResolutionStrategy strategy,
      Map<String, String> preferences) {}

  static Universe generate(Random rnd) {
    int n = 1 + rnd.nextInt(6);
    List<String> names = new ArrayList<>(List.of(NAMES).subList(0, n));
    Map<String, List<Ver>> projects = new LinkedHashMap<>();
    for (String name : names) {
      List<String> pool = new ArrayList<>(List.of(VERSIONS));
      Collections.shuffle(pool, rnd);
      int k = rnd.nextInt(12) == 0 ? 0 : 1 + rnd.nextInt(5);
      List<Ver> versions = new ArrayList<>();
      for (String v : pool.subList(0, k)) {
        String rp = rnd.nextInt(10) == 0 ? ">=3.13" : rnd.nextInt(10) == 0 ? ">=3.8" : null;
        boolean yanked = rnd.nextInt(10) == 0;
        List<String> deps = new ArrayList<>();
        int d = rnd.nextInt(5);
        for (int i = 0; i < d; i++) {
          deps.add(requirement(rnd, names));
        }
        versions.add(new Ver(v, rp, yanked, deps));
      }
      projects.put(name, versions);
    }
    List<String> roots = new ArrayList<>();
    int r = 1 + rnd.nextInt(3);
    for (int i = 0; i < r; i++) {
      roots.add(requirement(rnd, names).replace("extra == \"y\"", "os_name == \"posix\""));
    }
    List<String> constraints = new ArrayList<>();
    if (rnd.nextInt(4) == 0) {
      constraints.add(spell(rnd, names.get(rnd.nextInt(n))) + SPECS[rnd.nextInt(SPECS.length)]);
    }
    List<String> overrides = new ArrayList<>();
    if (rnd.nextInt(6) == 0) {
      overrides.add(spell(rnd, names.get(rnd.nextInt(n))) + SPECS[rnd.nextInt(SPECS.length)]);
    }
    ResolutionStrategy strategy = ResolutionStrategy.values()[rnd.nextInt(3)];
    Map<String, String> preferences = new HashMap<>();
    if (rnd.nextInt(4) == 0) {
      preferences.put(names.get(rnd.nextInt(n)), VERSIONS[rnd.nextInt(VERSIONS.length)]);
    }
    return new Universe(projects, roots, constraints, overrides, strategy, preferences);
  }

  private static String requirement(Random rnd, List<String> names) {
    String name = spell(rnd, names.get(rnd.nextInt(names.size())));
    String extras = rnd.nextInt(5) == 0 ? (rnd.nextBoolean() ? "[x]" : "[x,y]") : "";
    String spec = SPECS[rnd.nextInt(SPECS.length)];
    String marker = MARKERS[rnd.nextInt(MARKERS.length)];
    return name + extras + spec + (marker == null ? "" : "; " + marker);
  }

  /** A random spelling of a normalised name: {@code gamma-x}, {@code Gamma_X}, {@code gamma.x}. */
  private static String spell(Random rnd, String name) {
    return switch (rnd.nextInt(4)) {
      case 0 -> name.toUpperCase().replace('-', '_');
      case 1 -> name.replace('-', '.');
      default -> name;
    };
  }

  static InMemoryPackageSource source(Universe u) {
    InMemoryPackageSource.Builder b = InMemoryPackageSource.builder();
    u.projects.forEach((name, versions) -> {
      b.project(ProjectName.of(name), InMemoryPackageSource.DEFAULT_INDEX);
      for (Ver v : versions) {
        String filename = name.replace('-', '_') + "-" + v.version + "-py3-none-any.whl";
        String url = InMemoryPackageSource.DEFAULT_INDEX + name + "/" + filename;
        DistributionFile file = new DistributionFile(ProjectName.of(name), Version.parse(v.version),
            filename, url, Map.of("sha256", "00"), v.requiresPython, v.yanked ? "" : null, null, -1,
            Map.of());
        List<String> extras = new ArrayList<>();
        for (String dep : v.deps) {
          for (String e : List.of("x", "y")) {
            if (dep.contains("extra == \"" + e + "\"") && !extras.contains(e)) {
              extras.add(e);
            }
          }
        }
        b.file(file, new CoreMetadata("2.1", name, v.version, v.deps, v.requiresPython, extras,
            List.of()));
      }
    });
    return b.build();
  }

  static ResolutionRequest request(Universe u) {
    ResolutionRequest.Builder b = ResolutionRequest.builder().target(T.target).source(source(u))
        .strategy(u.strategy);
    u.roots.forEach(r -> b.requirement(Requirement.parse(r)));
    u.constraints.forEach(r -> b.constraint(Requirement.parse(r)));
    u.overrides.forEach(r -> b.override(Requirement.parse(r)));
    u.preferences.forEach((p, v) -> b.prefer(ProjectName.of(p), Version.parse(v)));
    return b.build();
  }

  /** Checks one seed; returns whether it was satisfiable. */
  static boolean check(int seed) {
    Universe u = generate(new Random(seed));
    Map<String, String> expected = new Oracle(u).solve();
    Resolution actual;
    try {
      actual = SatResolver.create().resolve(request(u));
    } catch (UnsatisfiableException e) {
      if (expected != null) {
        fail("resolver says unsatisfiable (" + e.getMessage() + "), oracle found " + expected
            + " in " + u);
      }
      assertTrue(!e.causes().isEmpty(), "an explanation names causes");
      return false;
    }
    if (expected == null) {
      fail("oracle says unsatisfiable, resolver found " + SatResolverTest.versions(actual) + " in "
          + u);
    }
    assertEquals(expected, SatResolverTest.versions(actual), "for " + u);
    assertValid(actual);
    return true;
  }

  /** Every root and edge is satisfied by the locked version of its target. */
  static void assertValid(Resolution r) {
    Map<ProjectName, LockedPackage> locked = new HashMap<>();
    r.packages().forEach(p -> locked.put(p.name(), p));
    Set<ProjectName> reached = new TreeSet<>();
    for (DependencyEdge e : r.edges()) {
      LockedPackage to = locked.get(e.to());
      assertNotNull(to, "edge to a locked package: " + e);
      assertTrue(e.requirement().specifier().contains(to.version(), true), "edge satisfied: " + e);
      reached.add(e.to());
    }
    assertEquals(locked.keySet(), reached, "every package is required by something");
  }

  // ------------------------------------------------------------------------------ oracle

  /** Enumerates every valid assignment, then walks them as the resolver's optimiser does. */
  static final class Oracle {
    final Universe u;
    final List<String> order = new ArrayList<>();
    final Map<String, List<Version>> ranked = new HashMap<>();
    final Map<String, Map<Version, List<Requirement>>> deps = new HashMap<>();
    final Set<String> explicit = new TreeSet<>();
    final List<Requirement> roots = new ArrayList<>();
    final Map<String, List<Requirement>> constraints = new HashMap<>();
    final Map<String, List<Requirement>> overrides = new HashMap<>();
    final MarkerEnvironment base = T.env.withExtra("");
    final Map<String, Version> choice = new HashMap<>();

    Oracle(Universe u) {
      this.u = u;
      List<Requirement> pins = new ArrayList<>();
      for (String s : u.roots) {
        Requirement r = Requirement.parse(s);
        pins.add(r);
        if (holds(r, base)) {
          roots.add(r);
          String n = r.projectName().toString();
          if (!order.contains(n)) {
            order.add(n);
          }
        }
      }
      for (String s : u.constraints) {
        Requirement r = Requirement.parse(s);
        pins.add(r);
        constraints.computeIfAbsent(r.projectName().toString(), k -> new ArrayList<>()).add(r);
      }
      for (String s : u.overrides) {
        Requirement r = Requirement.parse(s);
        pins.add(r);
        overrides.computeIfAbsent(r.projectName().toString(), k -> new ArrayList<>()).add(r);
      }
      for (Requirement r : pins) {
        if (r.specifier().prereleases()) {
          explicit.add(r.projectName().toString());
        }
      }
      new TreeSet<>(u.projects.keySet()).forEach(n -> {
        if (!order.contains(n)) {
          order.add(n);
        }
      });
      for (String name : u.projects.keySet()) {
        List<Version> candidates = new ArrayList<>();
        Map<Version, List<Requirement>> byVersion = new HashMap<>();
        for (Ver v : u.projects.get(name)) {
          Version version = Version.parse(v.version);
          boolean pinned = pins.stream().anyMatch(r -> r.projectName().toString().equals(name)
              && r.specifier().specifiers().stream().anyMatch(s -> s.operator().equals("==")
                  && !s.version().endsWith(".*") && s.contains(version, true)));
          if (v.yanked && !pinned) {
            continue;
          }
          if (v.requiresPython != null
              && !SpecifierSet.parse(v.requiresPython).contains(T.python, true)) {
            continue;
          }
          candidates.add(version);
          byVersion.put(version, v.deps.stream().map(Requirement::parse).toList());
        }
        candidates.sort(Collections.reverseOrder());
        boolean direct = roots.stream().anyMatch(r -> r.projectName().toString().equals(name));
        if (u.strategy == ResolutionStrategy.LOWEST
            || (u.strategy == ResolutionStrategy.LOWEST_DIRECT && direct)) {
          Collections.reverse(candidates);
        }
        String preferred = u.preferences.get(name);
        if (preferred != null && candidates.remove(Version.parse(preferred))) {
          candidates.add(0, Version.parse(preferred));
        }
        ranked.put(name, candidates);
        deps.put(name, byVersion);
      }
    }

    private static boolean holds(Requirement r, MarkerEnvironment env) {
      return r.marker() == null || r.marker().evaluate(env);
    }

    final List<Map<String, Version>> solutions = new ArrayList<>();

    /**
     * Every valid assignment, then the walk of {@link Optimizer}: direct projects in input order,
     * then the projects each decided version's active requirements name, in name order; each takes
     * its most preferred version among the remaining solutions.
     */
    Map<String, String> solve() {
      enumerate(0);
      if (solutions.isEmpty()) {
        return null;
      }
      remaining = solutions;
      for (Requirement r : roots) {
        String q = r.projectName().toString();
        enqueue(q);
        new TreeSet<>(r.extras()).forEach(e -> request(q, e));
      }
      for (int i = 0; i < queue.size(); i++) {
        String p = queue.get(i);
        Version best = null;
        for (Version v : ranked.get(p)) {
          if (remaining.stream().anyMatch(s -> v.equals(s.get(p)))) {
            best = v;
            break;
          }
        }
        assertNotNull(best, "a required project is installed in every solution: " + p);
        Version chosen = best;
        remaining = remaining.stream().filter(s -> chosen.equals(s.get(p))).toList();
        choice.put(p, chosen);
        activate(p, "");
        for (String e : List.copyOf(requested.getOrDefault(p, new TreeSet<>()))) {
          activate(p, e);
        }
      }
      assertEquals(1, remaining.size(), "the walk leaves one solution");
      Map<String, String> m = new TreeMap<>();
      remaining.get(0).forEach((k, v) -> m.put(k, v.toString()));
      return m;
    }

    private List<Map<String, Version>> remaining;
    private final List<String> queue = new ArrayList<>();
    private final Map<String, Set<String>> requested = new HashMap<>();
    private final Map<String, Set<String>> activated = new HashMap<>();

    private void enqueue(String q) {
      if (!queue.contains(q)) {
        queue.add(q);
      }
    }

    private void request(String q, String extra) {
      if (requested.computeIfAbsent(q, k -> new TreeSet<>()).add(extra) && choice.containsKey(q)) {
        activate(q, extra);
      }
    }

    private void activate(String p, String extra) {
      if (!activated.computeIfAbsent(p, k -> new TreeSet<>()).add(extra)) {
        return;
      }
      List<Requirement> active = active(p, choice.get(p), extra);
      new TreeSet<>(active.stream().map(r -> r.projectName().toString()).toList())
          .forEach(this::enqueue);
      for (Requirement r : active) {
        String q = r.projectName().toString();
        new TreeSet<>(r.extras()).forEach(e -> request(q, e));
      }
    }

    /** Requirements of {@code p v} active without extras ("") or only with {@code extra}. */
    private List<Requirement> active(String p, Version v, String extra) {
      List<Requirement> result = new ArrayList<>();
      for (Requirement r : deps.get(p).get(v)) {
        boolean on = extra.isEmpty()
            ? holds(r, base)
            : !holds(r, base) && holds(r, T.env.withExtra(extra));
        if (on) {
          result.addAll(overrides.getOrDefault(r.projectName().toString(), List.of(r)));
        }
      }
      return result;
    }

    private void enumerate(int i) {
      if (i == order.size()) {
        if (valid()) {
          solutions.add(new HashMap<>(choice));
        }
        return;
      }
      String p = order.get(i);
      enumerate(i + 1);
      for (Version v : ranked.getOrDefault(p, List.of())) {
        choice.put(p, v);
        enumerate(i + 1);
        choice.remove(p);
      }
    }

    /** Satisfies every root, constraint and active dependency; installs nothing unneeded. */
    private boolean valid() {
      Map<String, Set<String>> active = new HashMap<>();
      List<Object[]> queue = new ArrayList<>();
      for (Requirement r : roots) {
        if (!satisfied(r)) {
          return false;
        }
        activate(r, active, queue);
      }
      while (!queue.isEmpty()) {
        Object[] item = queue.remove(queue.size() - 1);
        String p = (String) item[0];
        String extra = (String) item[1];
        for (Requirement r : deps.get(p).get(choice.get(p))) {
          boolean on = extra.isEmpty()
              ? holds(r, base)
              : !holds(r, base) && holds(r, T.env.withExtra(extra));
          if (!on) {
            continue;
          }
          List<Requirement> effective =
              overrides.getOrDefault(r.projectName().toString(), List.of(r));
          for (Requirement e : effective) {
            if (!satisfied(e)) {
              return false;
            }
            activate(e, active, queue);
          }
        }
      }
      if (!active.keySet().equals(choice.keySet())) {
        return false;
      }
      for (Map.Entry<String, Version> c : choice.entrySet()) {
        for (Requirement r : constraints.getOrDefault(c.getKey(), List.of())) {
          if (holds(r, base) && !matches(c.getKey(), r, c.getValue())) {
            return false;
          }
        }
      }
      return true;
    }

    private void activate(Requirement r, Map<String, Set<String>> active, List<Object[]> queue) {
      String q = r.projectName().toString();
      Set<String> extras = active.computeIfAbsent(q, k -> new TreeSet<>());
      List<String> wanted = new ArrayList<>(r.extras());
      wanted.add(0, "");
      for (String e : wanted) {
        if (extras.add(e)) {
          queue.add(new Object[] {q, e});
        }
      }
    }

    private boolean satisfied(Requirement r) {
      String q = r.projectName().toString();
      Version v = choice.get(q);
      return v != null && matches(q, r, v);
    }

    /** packaging's filter over the candidates, or every pre-release when named explicitly. */
    private boolean matches(String q, Requirement r, Version v) {
      List<Version> candidates = ranked.getOrDefault(q, List.of());
      if (explicit.contains(q)) {
        return r.specifier().contains(v, true);
      }
      return r.specifier().filter(candidates).contains(v);
    }
  }
}
