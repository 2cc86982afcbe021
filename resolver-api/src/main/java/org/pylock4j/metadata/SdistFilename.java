package org.pylock4j.metadata;

import java.util.Objects;
import org.pylock4j.error.InvalidMetadataException;
import org.pylock4j.error.InvalidVersionException;
import org.pylock4j.internal.PyStrings;
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
   * Checks the parts.
   *
   * @param name the project name
   * @param version the version
   */
  public SdistFilename {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  /**
   * Parses an sdist filename as {@code packaging.utils.parse_sdist_filename} does: the extension
   * must be {@code .tar.gz} or {@code .zip} (case-sensitive), and the version is what follows the
   * last {@code -}. One difference: {@code packaging} accepts any text before that dash as the
   * name; here it must be a PEP 508 name, else the message is {@code Invalid sdist filename
   * (invalid project name): 'the filename'}.
   *
   * @param filename the file name, without any directory, must not be null
   * @return the parsed filename, never null
   * @throws InvalidMetadataException when it is not a valid sdist filename
   */
  public static SdistFilename parse(String filename) {
    Objects.requireNonNull(filename, "filename");
    String stem;
    if (filename.endsWith(".tar.gz")) {
      stem = filename.substring(0, filename.length() - ".tar.gz".length());
    } else if (filename.endsWith(".zip")) {
      stem = filename.substring(0, filename.length() - ".zip".length());
    } else {
      throw invalid(
          "Invalid sdist filename (extension must be '.tar.gz' or '.zip'): ", filename);
    }
    int dash = stem.lastIndexOf('-');
    if (dash < 0) {
      throw invalid("Invalid sdist filename: ", filename);
    }
    String namePart = stem.substring(0, dash);
    Version version;
    try {
      version = Version.parse(stem.substring(dash + 1));
    } catch (InvalidVersionException e) {
      throw invalid("Invalid sdist filename (invalid version): ", filename);
    }
    if (!ProjectName.isValid(namePart)) {
      throw invalid("Invalid sdist filename (invalid project name): ", filename);
    }
    return new SdistFilename(ProjectName.of(namePart), version);
  }

  private static InvalidMetadataException invalid(String reason, String filename) {
    return new InvalidMetadataException(reason + PyStrings.repr(filename), filename);
  }
}
