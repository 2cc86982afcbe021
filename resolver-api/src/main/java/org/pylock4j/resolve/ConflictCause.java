package org.pylock4j.resolve;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.version.Version;

/**
 * One cause of an unsatisfiable resolution: a member of the minimal unsatisfiable core the
 * resolver found (a root requirement, a dependency of some versions, a constraint, a version taken
 * out), or a note on a project that has no candidate at all. Carried by {@link
 * org.pylock4j.error.UnsatisfiableException#conflict()}; {@link #describe()} is the line a person
 * reads.
 */
public sealed interface ConflictCause
    permits ConflictCause.RootRequirement,
        ConflictCause.Dependency,
        ConflictCause.Constraint,
        ConflictCause.Unavailable,
        ConflictCause.NoCandidates {

  /** {@return the cause as one line, e.g. {@code "a 2.1 requires b<1"}} */
  String describe();

  /**
   * A root requirement of the request.
   *
   * @param requirement the requirement as given
   */
  record RootRequirement(Requirement requirement) implements ConflictCause {
    /**
     * Checks the value.
     *
     * @param requirement the requirement as given
     */
    public RootRequirement {
      Objects.requireNonNull(requirement, "requirement");
    }

    @Override
    public String describe() {
      return "root requires " + text(requirement);
    }
  }

  /**
   * A requirement declared by some versions of a project (the same requirement in each).
   *
   * @param project the requiring project
   * @param versions the requiring versions, oldest first, at least one
   * @param extra the extra under which the requirement applies, or null for a plain dependency
   * @param requirement the requirement (after overrides)
   */
  record Dependency(ProjectName project, List<Version> versions, String extra, Requirement requirement)
      implements ConflictCause {
    /**
     * Copies the versions.
     *
     * @param project the requiring project
     * @param versions the requiring versions, oldest first, at least one
     * @param extra the extra under which the requirement applies, or null for a plain dependency
     * @param requirement the requirement (after overrides)
     */
    public Dependency {
      versions = List.copyOf(versions);
      if (versions.isEmpty()) {
        throw new IllegalArgumentException("versions must not be empty");
      }
    }

    @Override
    public String describe() {
      String who = extra == null ? project.toString() : project + "[" + extra + "]";
      return who + " " + listVersions(versions) + (versions.size() == 1 ? " requires " : " require ")
          + text(requirement);
    }
  }

  /**
   * A constraint of the request.
   *
   * @param constraint the constraint as given
   */
  record Constraint(Requirement constraint) implements ConflictCause {
    @Override
    public String describe() {
      return "constraint " + text(constraint);
    }
  }

  /**
   * Versions that are not candidates for a reason learned while resolving (their metadata needs a
   * build, declares another Python, or does not parse).
   *
   * @param project the project
   * @param versions the versions, oldest first, at least one
   * @param reason why, e.g. {@code "needs a build to know its dependencies; pylock4j never runs
   *     package code"}
   */
  record Unavailable(ProjectName project, List<Version> versions, String reason)
      implements ConflictCause {
    /**
     * Copies the versions.
     *
     * @param project the project
     * @param versions the versions, oldest first, at least one
     * @param reason why, e.g. {@code "needs a build to know its dependencies; pylock4j never runs
     *     package code"}
     */
    public Unavailable {
      versions = List.copyOf(versions);
    }

    @Override
    public String describe() {
      return project + " " + listVersions(versions) + ": " + reason;
    }
  }

  /**
   * A project required in the core that has no candidate version at all.
   *
   * @param project the project
   * @param reason why, e.g. {@code "no version on the index"}
   */
  record NoCandidates(ProjectName project, String reason) implements ConflictCause {
    @Override
    public String describe() {
      return project + ": " + reason;
    }
  }

  /** The requirement without its marker: {@code name[extras]specifier} or {@code name @ url}. */
  private static String text(Requirement r) {
    StringBuilder s = new StringBuilder(r.name());
    if (!r.extras().isEmpty()) {
      s.append('[').append(String.join(",", new java.util.TreeSet<>(r.extras()))).append(']');
    }
    if (r.url() != null) {
      s.append(" @ ").append(r.url());
    } else {
      s.append(r.specifier());
    }
    return s.toString();
  }

  private static String listVersions(List<Version> versions) {
    if (versions.size() <= 4) {
      return versions.stream().map(Version::toString).collect(Collectors.joining(", "));
    }
    return versions.get(0) + ", " + versions.get(1) + ", …, " + versions.get(versions.size() - 1)
        + " (" + versions.size() + " versions)";
  }
}
