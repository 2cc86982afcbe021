package org.pylock4j.metadata;

import java.util.List;
import java.util.Optional;
import org.pylock4j.error.InvalidMetadataException;
import org.pylock4j.error.InvalidRequirementException;
import org.pylock4j.requirement.Requirement;

/**
 * The fields of a distribution's core metadata (METADATA / PKG-INFO, versions 1.0 to 2.4) that
 * resolution needs. Requires-Dist lines are kept as written, so a version whose metadata has a
 * malformed line can be skipped with a warning instead of failing the whole parse.
 *
 * @param metadataVersion the Metadata-Version field, e.g. {@code "2.1"}
 * @param name the Name field as written
 * @param version the Version field as written
 * @param requiresDist the Requires-Dist lines as written, in order
 * @param requiresPython the Requires-Python field, or null when absent
 * @param providesExtra the Provides-Extra lines as written
 * @param dynamic the Dynamic lines (Metadata 2.2+), lower case
 */
public record CoreMetadata(
    String metadataVersion,
    String name,
    String version,
    List<String> requiresDist,
    String requiresPython,
    List<String> providesExtra,
    List<String> dynamic) {

  /** Copies the lists. */
  public CoreMetadata {
    requiresDist = List.copyOf(requiresDist);
    providesExtra = List.copyOf(providesExtra);
    dynamic = List.copyOf(dynamic);
  }

  /**
   * Parses RFC 822-style core metadata (continuation lines, repeated fields, a body after the
   * first blank line).
   *
   * @throws InvalidMetadataException when a required field is missing or the text is not metadata
   */
  public static CoreMetadata parse(String text) {
    throw new UnsupportedOperationException("stub");
  }

  /**
   * The Requires-Dist lines parsed as PEP 508 requirements.
   *
   * @throws InvalidRequirementException naming the first line that does not parse
   */
  public List<Requirement> requirements() {
    return requiresDist.stream().map(Requirement::parse).toList();
  }

  /** The Requires-Python field, if present. */
  public Optional<String> requiresPythonIfAny() {
    return Optional.ofNullable(requiresPython);
  }

  /**
   * Whether the dependency fields are static per PEP 643: Metadata-Version 2.2 or later and
   * neither Requires-Dist nor Requires-Python is Dynamic. Only such sdist metadata may be trusted
   * without a build.
   */
  public boolean dependenciesAreStatic() {
    throw new UnsupportedOperationException("stub");
  }
}
