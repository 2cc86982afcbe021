package org.pylock4j.resolve;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;

/**
 * The result of a resolution: the lock graph.
 *
 * <p>Two resolutions are equal when their graphs are equal (roots, packages, edges, target,
 * warnings); statistics are not part of equality, so the same request over the same source
 * contents gives equal resolutions.
 *
 * @param roots the root requirements, in request order
 * @param target the environment resolved for
 * @param packages the packages, sorted by name
 * @param edges the dependency edges, sorted (roots first, then by requiring package, then by
 *     required package and requirement text)
 * @param warnings warnings a caller should show (skipped versions with invalid metadata, …)
 * @param statistics what it cost
 * @param universal the environments of a universal resolution, or null for one of {@code target}
 */
public record Resolution(
    List<Requirement> roots,
    TargetEnvironment target,
    List<LockedPackage> packages,
    List<DependencyEdge> edges,
    List<String> warnings,
    ResolutionStatistics statistics,
    UniversalTarget universal) {

  /**
   * A resolution for {@code target} alone.
   *
   * @param roots the root requirements, in request order
   * @param target the environment resolved for
   * @param packages the packages, sorted by name
   * @param edges the dependency edges, sorted (roots first, then by requiring package, then by
   *     required package and requirement text)
   * @param warnings warnings a caller should show (skipped versions with invalid metadata, …)
   * @param statistics what it cost
   */
  public Resolution(List<Requirement> roots, TargetEnvironment target,
      List<LockedPackage> packages, List<DependencyEdge> edges, List<String> warnings,
      ResolutionStatistics statistics) {
    this(roots, target, packages, edges, warnings, statistics, null);
  }

  /**
   * Copies the lists.
   *
   * @param roots the root requirements, in request order
   * @param target the environment resolved for
   * @param packages the packages, sorted by name
   * @param edges the dependency edges, sorted (roots first, then by requiring package, then by
   *     required package and requirement text)
   * @param warnings warnings a caller should show (skipped versions with invalid metadata, …)
   * @param statistics what it cost
   * @param universal the environments of a universal resolution, or null for one of {@code target}
   */
  public Resolution {
    roots = List.copyOf(roots);
    packages = List.copyOf(packages);
    edges = List.copyOf(edges);
    warnings = List.copyOf(warnings);
  }

  /**
   * The package named {@code name}, if locked (the first entry of that name in a universal one).
   *
   * @param name the project, must not be null (the first entry of that name in a universal one)
   * @return the locked package, empty when nothing by that name is locked
   */
  public Optional<LockedPackage> find(ProjectName name) {
    return packages.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resolution r
        && roots.equals(r.roots)
        && target.equals(r.target)
        && packages.equals(r.packages)
        && edges.equals(r.edges)
        && warnings.equals(r.warnings)
        && Objects.equals(universal, r.universal);
  }

  @Override
  public int hashCode() {
    return Objects.hash(roots, target, packages, edges, warnings, universal);
  }
}
