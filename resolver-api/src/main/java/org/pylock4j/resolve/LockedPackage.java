package org.pylock4j.resolve;

import java.util.List;
import java.util.Set;
import org.pylock4j.requirement.Marker;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/**
 * One package of a resolution.
 *
 * @param name the normalised project name
 * @param version the chosen version
 * @param files the files of that version usable on the target (compatible wheels, best first,
 *     then the sdist), with hashes and URLs
 * @param index the URL of the index it came from, without credentials
 * @param extras the extras of it that are active, sorted
 * @param directUrl the direct URL when a requirement named one, or null
 * @param marker in a universal resolution, where the package is installed (PEP 751 {@code
 *     marker}: true exactly where something needs it, disjoint from the markers of other entries
 *     of the same name); null when it is installed in every environment the resolution covers
 */
public record LockedPackage(
    ProjectName name,
    Version version,
    List<DistributionFile> files,
    String index,
    Set<String> extras,
    String directUrl,
    Marker marker) {

  /**
   * Copies the collections.
   *
   * @param name the normalised project name
   * @param version the chosen version
   * @param files the files of that version usable on the target (compatible wheels, best first,
   *     then the sdist), with hashes and URLs
   * @param index the URL of the index it came from, without credentials
   * @param extras the extras of it that are active, sorted
   * @param directUrl the direct URL when a requirement named one, or null
   * @param marker in a universal resolution, where the package is installed (PEP 751 {@code
   *     marker}: true exactly where something needs it, disjoint from the markers of other entries
   *     of the same name); null when it is installed in every environment the resolution covers
   */
  public LockedPackage {
    files = List.copyOf(files);
    extras = Set.copyOf(new java.util.TreeSet<>(extras));
  }

  /**
   * A package installed wherever the resolution applies (no marker).
   *
   * @param name the normalised project name
   * @param version the chosen version
   * @param files the files of that version usable on the target (compatible wheels, best first,
   *     then the sdist), with hashes and URLs
   * @param index the URL of the index it came from, without credentials
   * @param extras the extras of it that are active, sorted
   * @param directUrl the direct URL when a requirement named one, or null
   */
  public LockedPackage(ProjectName name, Version version, List<DistributionFile> files,
      String index, Set<String> extras, String directUrl) {
    this(name, version, files, index, extras, directUrl, null);
  }
}
