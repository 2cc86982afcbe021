package org.pylock4j.metadata;

import org.pylock4j.error.InvalidMetadataException;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/**
 * A parsed sdist filename ({@code name-version.tar.gz} or {@code .zip}).
 *
 * @param name the project name
 * @param version the version
 */
public record SdistFilename(ProjectName name, Version version) {

  /**
   * Parses an sdist filename as {@code packaging.utils.parse_sdist_filename} does.
   *
   * @throws InvalidMetadataException when it is not a valid sdist filename
   */
  public static SdistFilename parse(String filename) {
    throw new UnsupportedOperationException("stub");
  }
}
