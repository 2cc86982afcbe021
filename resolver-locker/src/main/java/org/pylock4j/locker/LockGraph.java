package org.pylock4j.locker;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pylock4j.lock.LockFile;
import org.pylock4j.requirement.ProjectName;

/**
 * A lock as a graph: its packages, who requires whom, and the roots (what was requested), for
 * questions such as "why is this package locked?". Immutable and thread-safe.
 *
 * <p>For a {@code pylock.toml}, edges are the packages' {@code dependencies} and roots the
 * requirements recorded in {@code [tool.pylock4j]} (or, when none are, every package nothing
 * depends on); for a requirements file, both come from the {@code # via} comments.
 */
public final class LockGraph {

  private LockGraph() {}

  /**
   * The graph of {@code lock}.
   *
   * @param lock the lock, must not be null
   * @return the graph, never null
   */
  public static LockGraph of(LockFile lock) {
    Objects.requireNonNull(lock, "lock");
    throw new UnsupportedOperationException("skeleton");
  }

  /** The locked projects, sorted. */
  public Set<ProjectName> packages() {
    throw new UnsupportedOperationException("skeleton");
  }

  /** Whether {@code project} is locked. */
  public boolean contains(ProjectName project) {
    return packages().contains(project);
  }

  /** The locked version of {@code project} (a direct URL when it has no version), if locked. */
  public Optional<String> version(ProjectName project) {
    throw new UnsupportedOperationException("skeleton");
  }

  /** The locked projects that require {@code project} directly, sorted. */
  public Set<ProjectName> requiredBy(ProjectName project) {
    throw new UnsupportedOperationException("skeleton");
  }

  /**
   * The root projects, each with how it was requested (e.g. {@code "flask>=2 (requested)"} or
   * {@code "-r requirements.in"}), in lock order.
   */
  public Map<ProjectName, List<String>> roots() {
    throw new UnsupportedOperationException("skeleton");
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
    throw new UnsupportedOperationException("skeleton");
  }

  /**
   * One chain of requirements from a root to a package.
   *
   * @param requestedAs how the root was requested (see {@link #roots()})
   * @param path the projects from the root to the package asked about, both included
   */
  public record Chain(List<String> requestedAs, List<ProjectName> path) {
    /** Copies the lists. */
    public Chain {
      requestedAs = List.copyOf(requestedAs);
      path = List.copyOf(path);
    }
  }
}
