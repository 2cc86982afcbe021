package org.pylock4j.sat;

import java.util.List;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.version.Version;

/**
 * One candidate version of a project: a SAT variable {@code x[p,v]}, its usable files, and what
 * is known of its dependencies. Mutated only by the session's thread.
 */
final class Candidate {

  /** How much is known of the candidate's dependencies. */
  enum State {
    /** Metadata not fetched: the relaxation treats it as having no dependencies. */
    UNKNOWN,
    /** Metadata requested in the current fetch batch. */
    FETCHING,
    /** Dependencies known and encoded (or being encoded). */
    KNOWN,
    /** Taken out after its metadata arrived (needs a build, other Python, invalid metadata). */
    REMOVED
  }

  final Project project;
  final Version version;
  /** Usable files: compatible wheels best first, then sdists. */
  final List<DistributionFile> files;
  /** The file whose metadata describes the version (the best wheel, else the sdist). */
  final DistributionFile metadataFile;
  /** The direct URL when this candidate stands for a URL requirement, else null. */
  final String directUrl;
  final int var;

  State state = State.UNKNOWN;
  CoreMetadata metadata;
  /** Parsed Requires-Dist, set when the state becomes KNOWN. */
  List<Requirement> requirements = List.of();

  Candidate(
      Project project,
      Version version,
      List<DistributionFile> files,
      DistributionFile metadataFile,
      String directUrl,
      int var) {
    this.project = project;
    this.version = version;
    this.files = List.copyOf(files);
    this.metadataFile = metadataFile;
    this.directUrl = directUrl;
    this.var = var;
  }

  @Override
  public String toString() {
    return project.name + " " + version;
  }
}
