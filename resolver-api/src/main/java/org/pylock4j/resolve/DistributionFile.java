package org.pylock4j.resolve;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/**
 * One file of a project on an index (a wheel or an sdist), as its Simple API page describes it.
 *
 * @param project the project it belongs to
 * @param version the version, parsed from the filename (or given by the index)
 * @param filename the filename, e.g. {@code six-1.16.0-py2.py3-none-any.whl}
 * @param url the absolute download URL, without credentials
 * @param hashes algorithm (lower case, e.g. {@code sha256}) to hex digest; empty when unknown
 * @param requiresPython the {@code requires-python} of the file, or null when not declared
 * @param yanked the yank reason ({@code ""} when yanked without one), or null when not yanked
 * @param uploadTime the PEP 700 upload time, or null when unknown
 * @param size the size in bytes, or -1 when unknown
 * @param coreMetadataHashes hashes of the PEP 658 metadata file, empty when it has none listed,
 *     or null when the index serves no metadata file for it
 * @param provenance the absolute URL of the file's PEP 740 provenance object (the {@code
 *     provenance} key of a PEP 691 page, {@code data-provenance} of an HTML one), or null when the
 *     index advertises none
 */
public record DistributionFile(
    ProjectName project,
    Version version,
    String filename,
    String url,
    Map<String, String> hashes,
    String requiresPython,
    String yanked,
    Instant uploadTime,
    long size,
    Map<String, String> coreMetadataHashes,
    String provenance) {

  /**
   * Copies the maps.
   *
   * @param project the project it belongs to
   * @param version the version, parsed from the filename (or given by the index)
   * @param filename the filename, e.g. {@code six-1.16.0-py2.py3-none-any.whl}
   * @param url the absolute download URL, without credentials
   * @param hashes algorithm (lower case, e.g. {@code sha256}) to hex digest; empty when unknown
   * @param requiresPython the {@code requires-python} of the file, or null when not declared
   * @param yanked the yank reason ({@code ""} when yanked without one), or null when not yanked
   * @param uploadTime the PEP 700 upload time, or null when unknown
   * @param size the size in bytes, or -1 when unknown
   * @param coreMetadataHashes hashes of the PEP 658 metadata file, empty when it has none listed,
   *     or null when the index serves no metadata file for it
   * @param provenance the absolute URL of the file's PEP 740 provenance object (the {@code
   *     provenance} key of a PEP 691 page, {@code data-provenance} of an HTML one), or null when
   *     the index advertises none
   */
  public DistributionFile {
    hashes = Map.copyOf(hashes);
    coreMetadataHashes = coreMetadataHashes == null ? null : Map.copyOf(coreMetadataHashes);
  }

  /**
   * A file without a provenance URL: the form before PEP 740 support, kept for existing callers.
   * See the canonical constructor for the parameters.
   *
   * @param project the project it belongs to
   * @param version the version, parsed from the filename (or given by the index)
   * @param filename the filename, e.g. {@code six-1.16.0-py2.py3-none-any.whl}
   * @param url the absolute download URL, without credentials
   * @param hashes algorithm (lower case, e.g. {@code sha256}) to hex digest; empty when unknown
   * @param requiresPython the {@code requires-python} of the file, or null when not declared
   * @param yanked the yank reason ({@code ""} when yanked without one), or null when not yanked
   * @param uploadTime the PEP 700 upload time, or null when unknown
   * @param size the size in bytes, or -1 when unknown
   * @param coreMetadataHashes hashes of the PEP 658 metadata file, empty when it has none listed,
   *     or null when the index serves no metadata file for it
   */
  public DistributionFile(
      ProjectName project,
      Version version,
      String filename,
      String url,
      Map<String, String> hashes,
      String requiresPython,
      String yanked,
      Instant uploadTime,
      long size,
      Map<String, String> coreMetadataHashes) {
    this(project, version, filename, url, hashes, requiresPython, yanked, uploadTime, size,
        coreMetadataHashes, null);
  }

  /** {@return the PEP 740 provenance URL, if the index advertises one} */
  public Optional<String> provenanceUrl() {
    return Optional.ofNullable(provenance);
  }

  /** {@return true for a {@code .whl} file} */
  public boolean isWheel() {
    return filename.endsWith(".whl");
  }

  /** {@return true when the file is yanked (PEP 592)} */
  public boolean isYanked() {
    return yanked != null;
  }

  /** {@return the sha256 digest, if known} */
  public Optional<String> sha256() {
    return Optional.ofNullable(hashes.get("sha256"));
  }

  /** {@return the upload time, if known} */
  public Optional<Instant> uploadTimeIfKnown() {
    return Optional.ofNullable(uploadTime);
  }

  /** {@return the size, if known} */
  public OptionalLong sizeIfKnown() {
    return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
  }

  /** {@return whether the index serves a PEP 658 metadata file for this file} */
  public boolean hasCoreMetadataFile() {
    return coreMetadataHashes != null;
  }
}
