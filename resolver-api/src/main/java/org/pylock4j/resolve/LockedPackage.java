package org.pylock4j.resolve;

import java.util.List;
import java.util.Set;
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
 */
public record LockedPackage(
    ProjectName name,
    Version version,
    List<DistributionFile> files,
    String index,
    Set<String> extras,
    String directUrl) {

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
   */
  public LockedPackage {
    files = List.copyOf(files);
    extras = Set.copyOf(new java.util.TreeSet<>(extras));
  }
}
