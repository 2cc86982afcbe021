package org.pylock4j.metadata;

import java.util.Optional;
import java.util.Set;
import org.pylock4j.error.InvalidMetadataException;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/**
 * A parsed PEP 427 wheel filename: {@code name-version(-build)?-pyTags-abiTags-platTags.whl} with
 * compressed tag sets expanded.
 *
 * @param name the project name
 * @param version the version
 * @param build the build tag, or null
 * @param tags the expanded tags
 */
public record WheelFilename(ProjectName name, Version version, String build, Set<Tag> tags) {

  /** Copies {@code tags}. */
  public WheelFilename {
    tags = Set.copyOf(tags);
  }

  /**
   * Parses a wheel filename as {@code packaging.utils.parse_wheel_filename} does.
   *
   * @throws InvalidMetadataException when it is not a valid wheel filename
   */
  public static WheelFilename parse(String filename) {
    throw new UnsupportedOperationException("stub");
  }

  /** The build tag, if any. */
  public Optional<String> buildTag() {
    return Optional.ofNullable(build);
  }
}
