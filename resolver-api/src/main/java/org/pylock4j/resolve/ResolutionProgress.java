package org.pylock4j.resolve;

/**
 * The totals of one resolution so far, as a progress line or bar shows them. {@link
 * ResolutionListener#totals} keeps them from the listener's events.
 *
 * @param projects the projects discovered (each is fetched once), not negative
 * @param pagesFetched the projects whose index page arrived, at most {@code projects}
 * @param metadataFiles the metadata files fetched (one per version whose dependencies were read)
 * @param round the last solver round finished, 0 before the first
 */
public record ResolutionProgress(int projects, int pagesFetched, int metadataFiles, int round) {

  /**
   * Checks the totals.
   *
   * @param projects the projects discovered (each is fetched once), not negative
   * @param pagesFetched the projects whose index page arrived, at most {@code projects}
   * @param metadataFiles the metadata files fetched, not negative
   * @param round the last solver round finished, not negative
   * @throws IllegalArgumentException when a total is negative
   */
  public ResolutionProgress {
    if (projects < 0 || pagesFetched < 0 || metadataFiles < 0 || round < 0) {
      throw new IllegalArgumentException("progress totals must not be negative: " + projects
          + " projects, " + pagesFetched + " pages, " + metadataFiles + " metadata files, round "
          + round);
    }
  }

  /**
   * The totals as one line, e.g. {@code resolving: 68/112 projects, 38 metadata files, round 4}
   * (pages fetched of projects discovered; the round once one has finished).
   *
   * @return the line, never null
   */
  public String describe() {
    return "resolving: " + pagesFetched + "/" + projects + " projects, " + metadataFiles
        + (metadataFiles == 1 ? " metadata file" : " metadata files")
        + (round > 0 ? ", round " + round : "");
  }
}
