package org.pylock4j.resolve;

import java.util.Optional;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;

/**
 * Why a package is in a resolution: a root requirement, or a requirement of another package.
 *
 * @param from the package that requires it, or null for a root requirement
 * @param to the package required
 * @param requirement the requirement as declared (its marker held for the target)
 */
public record DependencyEdge(ProjectName from, ProjectName to, Requirement requirement) {

  /** {@return the requiring package, empty for a root requirement} */
  public Optional<ProjectName> requiredBy() {
    return Optional.ofNullable(from);
  }
}
