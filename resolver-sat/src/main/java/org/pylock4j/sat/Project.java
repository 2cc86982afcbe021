package org.pylock4j.sat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/** What the session knows of one project. Mutated only by the session's thread. */
final class Project {

  final ProjectName name;
  /** The index its page came from; null for a project that only has a direct URL candidate. */
  String index;
  /** Its page (the index of each file, for a page merged from several indexes); null as index is. */
  org.pylock4j.resolve.ProjectPage page;
  /** Candidates, newest first; null until the page (or URL candidate) is integrated. */
  List<Candidate> candidates;
  /** {@code inst[p]}: true exactly when some candidate is chosen. */
  int instVar;
  /** Why the versions that are on the page are not candidates. */
  final Map<Version, String> notCandidates = new TreeMap<>();
  /** Why there is no candidate at all, when there is none. */
  String noCandidateReason;
  /** {@code y[p,e]} by normalised extra name. */
  final Map<String, Integer> extraVars = new TreeMap<>();
  /** Whether a root requirement names it. */
  boolean direct;
  boolean pageRequested;
  /** Versions on the page whose files' Requires-Python excludes the target (or part of the region). */
  final Map<Version, String> requiresPythonRejected = new TreeMap<>();
  /** Rounds in which a chosen version of it had to be fetched. */
  int walks;

  Project(ProjectName name) {
    this.name = name;
  }

  boolean ready() {
    return candidates != null;
  }

  @Override
  public String toString() {
    return name.toString();
  }
}
