package org.pylock4j.sat;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.metadata.TagSet;
import org.pylock4j.metadata.WheelFilename;
import org.pylock4j.requirement.Marker;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.PackageSource;
import org.pylock4j.resolve.Resolution;

/**
 * An independent check of a universal resolution, environment by environment: select the entries
 * whose marker holds there (with {@link Marker#evaluate}, not the resolver's algebra), then check
 * that they are a valid, minimal resolution of the roots there — at most one version per project;
 * every root and every requirement of an installed package (under its active extras) whose marker
 * holds is installed at a matching version; nothing installed that nothing needs — and, in a
 * CPython environment matching a required environment, that every installed package has a file
 * the environment's tags accept.
 */
final class UniversalValidity {

  /** CPython 3.8–3.14 and PyPy 3.10 on the five platforms. */
  static List<MarkerEnvironment> matrix() {
    List<MarkerEnvironment> envs = new ArrayList<>();
    for (MarkerEnvironment.Platform p : MarkerEnvironment.Platform.values()) {
      for (int minor = 8; minor <= 14; minor++) {
        envs.add(MarkerEnvironment.cpython("3." + minor + ".2", p));
      }
      envs.add(MarkerEnvironment.cpython("3.10.14", p)
          .with("implementation_name", "pypy")
          .with("implementation_version", "7.3.17")
          .with("platform_python_implementation", "PyPy"));
    }
    return envs;
  }

  /** The problems found, one line each, in every environment of the matrix the lock covers. */
  static List<String> problems(Resolution r, PackageSource source) {
    List<String> problems = new ArrayList<>();
    for (MarkerEnvironment env : matrix()) {
      if (!covered(r, env)) {
        continue;
      }
      String name = env.get("implementation_name").orElseThrow() + " "
          + env.get("python_full_version").orElseThrow() + " " + env.get("sys_platform").orElseThrow()
          + " " + env.get("platform_machine").orElseThrow();
      for (String p : problems(r, source, env)) {
        problems.add(name + ": " + p);
      }
    }
    return problems;
  }

  private static boolean covered(Resolution r, MarkerEnvironment env) {
    var u = r.universal();
    if (!u.requiresPython().contains(env.get("python_full_version").orElseThrow(), true)) {
      return false;
    }
    return u.environments().isEmpty() || u.environments().stream().anyMatch(m -> m.evaluate(env));
  }

  static List<String> problems(Resolution r, PackageSource source, MarkerEnvironment env) {
    List<String> problems = new ArrayList<>();
    Map<ProjectName, LockedPackage> installed = new HashMap<>();
    for (LockedPackage p : r.packages()) {
      if (p.marker() == null || p.marker().evaluate(env)) {
        LockedPackage other = installed.put(p.name(), p);
        if (other != null) {
          problems.add("two versions of " + p.name() + ": " + other.version() + " and " + p.version());
        }
      }
    }
    Map<ProjectName, Set<String>> needed = new HashMap<>();
    Deque<Object[]> work = new ArrayDeque<>();
    for (Requirement root : r.roots()) {
      need(root, "root", env, "", installed, needed, work, problems);
    }
    while (!work.isEmpty()) {
      Object[] item = work.poll();
      LockedPackage p = (LockedPackage) item[0];
      String extra = (String) item[1];
      CoreMetadata meta = source.metadata(p.files().get(0)).join();
      for (String line : meta.requiresDist()) {
        need(Requirement.parse(line), p.name() + " " + p.version(), env, extra, installed, needed,
            work, problems);
      }
    }
    for (ProjectName name : installed.keySet()) {
      if (!needed.containsKey(name)) {
        problems.add(name + " is installed but nothing needs it");
      }
    }
    boolean required = r.universal().requiredEnvironments().stream().anyMatch(m -> m.evaluate(env));
    if (required && env.get("implementation_name").orElseThrow().equals("cpython")) {
      MarkerEnvironment.Platform platform = platformOf(env);
      TagSet tags = TagSet.cpython(env.get("python_version").orElseThrow(), platform);
      for (LockedPackage p : installed.values()) {
        boolean ok = false;
        for (DistributionFile f : p.files()) {
          ok |= !f.isWheel() || tags.rank(WheelFilename.parse(f.filename())) >= 0;
        }
        if (!ok) {
          problems.add(p.name() + " " + p.version() + " has no file for this required environment");
        }
      }
    }
    return problems;
  }

  private static void need(Requirement req, String by, MarkerEnvironment env, String extra,
      Map<ProjectName, LockedPackage> installed, Map<ProjectName, Set<String>> needed,
      Deque<Object[]> work, List<String> problems) {
    if (req.marker() != null) {
      try {
        if (!req.marker().evaluate(env.withExtra(extra))) {
          return;
        }
      } catch (RuntimeException undefined) {
        return; // ignored by the resolver too, with a warning
      }
    }
    LockedPackage p = installed.get(req.projectName());
    if (p == null) {
      problems.add(by + " needs " + req + " but " + req.projectName() + " is not installed");
      return;
    }
    if (req.url() == null && !req.specifier().contains(p.version(), true)) {
      problems.add(by + " needs " + req + " but " + p.version() + " is installed");
    }
    Set<String> have = needed.computeIfAbsent(req.projectName(), k -> new TreeSet<>());
    for (String e : concat("", req.extras())) {
      if (have.add(e)) {
        work.add(new Object[] {p, e});
      }
    }
  }

  private static List<String> concat(String first, Set<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(new TreeSet<>(rest));
    return all;
  }

  private static MarkerEnvironment.Platform platformOf(MarkerEnvironment env) {
    for (MarkerEnvironment.Platform p : MarkerEnvironment.Platform.values()) {
      MarkerEnvironment probe = MarkerEnvironment.cpython("3.12", p);
      if (probe.get("sys_platform").equals(env.get("sys_platform"))
          && probe.get("platform_machine").equals(env.get("platform_machine"))) {
        return p;
      }
    }
    throw new IllegalArgumentException("no platform for " + env);
  }

}
