package org.pylock4j.resolve;

import java.util.function.Consumer;
import org.pylock4j.requirement.ProjectName;

/**
 * Progress of one resolution, for a progress bar or an IDE status line. Every method has a no-op
 * default.
 *
 * <p>Methods may be called from any thread, concurrently; implementations must be thread-safe and
 * return quickly. Event order per resolution: {@code (projectDiscovered | pageFetched |
 * metadataFetched | warning)* roundSolved ... } repeated per round, ending with {@code finished}
 * or nothing when the resolution fails.
 */
public interface ResolutionListener {

  /** A listener that ignores every event. */
  ResolutionListener NONE = new ResolutionListener() {};

  /**
   * A listener that keeps the totals of a resolution (projects discovered, pages and metadata
   * files fetched, the solver round) and hands them to {@code sink} after each of those events:
   * what the command's progress line shows, for a progress bar. {@code sink} is called from the
   * threads the events come from, possibly concurrently, and must return quickly.
   *
   * @param sink receives the totals, must not be null
   * @return a new listener for one resolution, never null
   */
  static ResolutionListener totals(Consumer<ResolutionProgress> sink) {
    return new ProgressTotals(sink);
  }

  /**
   * A project became relevant and its page is being fetched.
   *
   * @param project the project, never null
   */
  default void projectDiscovered(ProjectName project) {}

  /**
   * A project page arrived.
   *
   * @param page the page, never null
   */
  default void pageFetched(ProjectPage page) {}

  /**
   * The metadata of a file arrived.
   *
   * @param file the file, never null
   */
  default void metadataFetched(DistributionFile file) {}

  /**
   * A solver round finished.
   *
   * @param round 1-based round number
   * @param unknownChosen chosen versions whose metadata is still to be fetched (0 in the last)
   */
  default void roundSolved(int round, int unknownChosen) {}

  /**
   * Something the user should see (also collected in {@link Resolution#warnings()}).
   *
   * @param message the warning, a sentence, never null
   */
  default void warning(String message) {}

  /**
   * The resolution finished successfully.
   *
   * @param resolution the result, never null
   */
  default void finished(Resolution resolution) {}
}
