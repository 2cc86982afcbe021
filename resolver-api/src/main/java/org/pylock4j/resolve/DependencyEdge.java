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

  // equals and hashCode written out, computing what the generated ones compute (the hash is
  // 31 * h + each component's hash, in component order, so no hash order changes): the generated
  // ones are bootstrapped through method handles on first use, which spins classes a fresh CLI
  // JVM pays for (bench/README.md section 4), and this record is hashed from the first page on.
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof DependencyEdge e && java.util.Objects.equals(from, e.from)
        && java.util.Objects.equals(to, e.to)
        && java.util.Objects.equals(requirement, e.requirement);
  }

  @Override
  public int hashCode() {
    return (java.util.Objects.hashCode(from) * 31 + java.util.Objects.hashCode(to)) * 31
        + java.util.Objects.hashCode(requirement);
  }
}
