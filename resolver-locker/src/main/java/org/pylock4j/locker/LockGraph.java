package org.pylock4j.locker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pylock4j.lock.LockFile;
import org.pylock4j.lock.Pylock;
import org.pylock4j.lock.PylockPackage;
import org.pylock4j.lock.RequirementsTxt;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;

/**
 * A lock as a graph: its packages, who requires whom, and the roots (what was requested), for
 * questions such as "why is this package locked?". Immutable and thread-safe.
 *
 * <p>For a {@code pylock.toml}, edges are the packages' {@code dependencies} and roots the
 * requirements recorded in {@code [tool.pylock4j]} (or, when none are, every package nothing
 * depends on); for a requirements file, both come from the {@code # via} comments.
 */
public final class LockGraph {

  private final Map<ProjectName, String> versions;
  private final Map<ProjectName, Set<ProjectName>> parents;
  private final Map<ProjectName, List<String>> roots;

  private LockGraph(
      Map<ProjectName, String> versions,
      Map<ProjectName, TreeSet<ProjectName>> parents,
      Map<ProjectName, List<String>> roots) {
    this.versions = Collections.unmodifiableMap(new TreeMap<>(versions));
    Map<ProjectName, Set<ProjectName>> p = new TreeMap<>();
    parents.forEach((k, v) -> p.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
    this.parents = Collections.unmodifiableMap(p);
    Map<ProjectName, List<String>> r = new LinkedHashMap<>();
    roots.forEach((k, v) -> r.put(k, List.copyOf(v)));
    this.roots = Collections.unmodifiableMap(r);
  }

  /**
   * The graph of {@code lock}.
   *
   * @param lock the lock, must not be null
   * @return the graph, never null
   */
  public static LockGraph of(LockFile lock) {
    Objects.requireNonNull(lock, "lock");
    return lock instanceof Pylock p ? fromPylock(p) : fromRequirements((RequirementsTxt) lock);
  }

  /** {@return the locked projects, sorted} */
  public Set<ProjectName> packages() {
    return versions.keySet();
  }

  /**
   * Whether {@code project} is locked.
   *
   * @param project the project, must not be null
   * @return true when the project is locked
   */
  public boolean contains(ProjectName project) {
    return versions.containsKey(project);
  }

  /**
   * The locked version of {@code project} (a direct URL when it has no version), if locked.
   *
   * @param project the locked version of {@code project} (a direct URL when it has no version), if
   *     locked
   * @return the locked version, empty when the project is not locked
   */
  public Optional<String> version(ProjectName project) {
    return Optional.ofNullable(versions.get(project));
  }

  /**
   * The locked projects that require {@code project} directly, sorted.
   *
   * @param project the locked projects that require {@code project} directly, sorted
   * @return the projects that require it, empty when none; never null
   */
  public Set<ProjectName> requiredBy(ProjectName project) {
    return parents.getOrDefault(project, Set.of());
  }

  /**
   * The root projects, each with how it was requested (e.g. {@code "flask>=2 (requested)"} or
   * {@code "-r requirements.in"}), in lock order.
   *
   * @return the root requirements of each root project, never null
   */
  public Map<ProjectName, List<String>> roots() {
    return roots;
  }

  /**
   * The chains of requirements that pull {@code project} into the lock, shortest first, without
   * cycles. The walk stops once more than {@code limit} chains are found.
   *
   * @param project the project, must not be null
   * @param limit stop after finding more than this many chains, at least 1
   * @return the chains, never null; empty when {@code project} is not reachable from a root
   */
  public List<Chain> why(ProjectName project, int limit) {
    Objects.requireNonNull(project, "project");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, not " + limit);
    }
    List<List<ProjectName>> found = new ArrayList<>();
    walk(project, new ArrayList<>(List.of(project)), found, limit);
    found.sort((a, b) -> Integer.compare(a.size(), b.size()));
    List<Chain> chains = new ArrayList<>();
    for (List<ProjectName> upward : found) {
      List<ProjectName> path = new ArrayList<>(upward);
      Collections.reverse(path);
      chains.add(new Chain(roots.get(path.get(0)), path));
    }
    return chains;
  }

  private void walk(
      ProjectName node, List<ProjectName> path, List<List<ProjectName>> out, int limit) {
    if (out.size() > limit) {
      return;
    }
    if (roots.containsKey(node)) {
      out.add(List.copyOf(path));
    }
    for (ProjectName parent : requiredBy(node)) {
      if (!path.contains(parent)) {
        path.add(parent);
        walk(parent, path, out, limit);
        path.remove(path.size() - 1);
      }
    }
  }

  /**
   * One chain of requirements from a root to a package.
   *
   * @param requestedAs how the root was requested (see {@link #roots()})
   * @param path the projects from the root to the package asked about, both included
   */
  public record Chain(List<String> requestedAs, List<ProjectName> path) {
    /**
     * Copies the lists.
     *
     * @param requestedAs how the root was requested (see {@link #roots()})
     * @param path the projects from the root to the package asked about, both included
     */
    public Chain {
      requestedAs = List.copyOf(requestedAs);
      path = List.copyOf(path);
    }
  }

  private static LockGraph fromPylock(Pylock lock) {
    Map<ProjectName, String> versions = new TreeMap<>();
    Map<ProjectName, TreeSet<ProjectName>> parents = new TreeMap<>();
    for (PylockPackage p : lock.packages()) {
      versions.put(p.name(), p.version() == null ? null : p.version().toString());
      for (PylockPackage.Dependency d : p.dependencies()) {
        parents.computeIfAbsent(d.name(), k -> new TreeSet<>()).add(p.name());
      }
    }
    Map<ProjectName, List<String>> roots = new LinkedHashMap<>();
    for (String text : lock.pylock4jRequirements()) {
      Requirement r = Requirement.parse(text);
      roots.computeIfAbsent(r.projectName(), k -> new ArrayList<>()).add(text + " (requested)");
    }
    if (roots.isEmpty()) {
      // no recorded roots: every package nothing depends on is one
      for (ProjectName p : versions.keySet()) {
        if (!parents.containsKey(p)) {
          roots.put(p, List.of(p + " (requested)"));
        }
      }
    }
    return new LockGraph(versions, parents, roots);
  }

  private static LockGraph fromRequirements(RequirementsTxt lock) {
    Map<ProjectName, String> versions = new TreeMap<>();
    Map<ProjectName, TreeSet<ProjectName>> parents = new TreeMap<>();
    Map<ProjectName, List<String>> roots = new LinkedHashMap<>();
    for (RequirementsTxt.Pin p : lock.pins()) {
      versions.put(p.name(), p.version() == null ? p.url() : p.version().toString());
      for (String via : p.via()) {
        if (via.startsWith("-r ") || via.startsWith("-c ") || !ProjectName.isValid(via)) {
          roots.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(via);
        } else {
          parents.computeIfAbsent(p.name(), k -> new TreeSet<>()).add(ProjectName.of(via));
        }
      }
    }
    return new LockGraph(versions, parents, roots);
  }
}
