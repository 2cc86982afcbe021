package org.pylock4j.requirement;

import java.util.Optional;
import java.util.Set;
import org.pylock4j.error.InvalidRequirementException;
import org.pylock4j.version.SpecifierSet;

/**
 * A PEP 508 requirement: a name, optional extras, a version specifier or a direct URL, and an
 * optional environment marker. Accepts what {@code packaging} 26 accepts, including the legacy
 * parenthesised form {@code name (>=1.0)}.
 *
 * <p>{@link #toString()} prints it as {@code packaging} does.
 *
 * @param name the project name as written (compare with {@link #projectName()})
 * @param extras the extras, normalised, sorted
 * @param specifier the version specifier, empty when there is none or when there is a URL
 * @param url the direct URL, or null
 * @param marker the marker, or null when there is none
 */
public record Requirement(
    String name, Set<String> extras, SpecifierSet specifier, String url, Marker marker) {

  /** Copies {@code extras}; checks the name. */
  public Requirement {
    throw new UnsupportedOperationException("stub");
  }

  /**
   * Parses a PEP 508 requirement.
   *
   * @throws InvalidRequirementException naming the text and the column of the problem
   */
  public static Requirement parse(String text) {
    throw new UnsupportedOperationException("stub");
  }

  /** The normalised project name. */
  public ProjectName projectName() {
    return ProjectName.of(name);
  }

  /** The direct URL, if any. */
  public Optional<String> directUrl() {
    return Optional.ofNullable(url);
  }

  /** The marker, if any. */
  public Optional<Marker> markerIfAny() {
    return Optional.ofNullable(marker);
  }
}
