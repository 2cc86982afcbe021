package org.pylock4j.sat;

import java.time.Duration;
import org.pylock4j.error.ResolutionCancelledException;
import org.pylock4j.error.ResolutionLimitException;
import org.sat4j.specs.IConstr;
import org.sat4j.specs.ISolverService;
import org.sat4j.specs.SearchListenerAdapter;

/**
 * Stops a resolution promptly: between rounds, between solver calls, and inside a solver call
 * (Sat4j calls this listener on every conflict and decision loop).
 */
final class StopListener extends SearchListenerAdapter<ISolverService> {
  private static final long serialVersionUID = 1L;

  private final long deadline;
  private final Duration timeout;
  private volatile boolean cancelled;
  /** Literals the solver has propagated: a measure of its work that does not depend on timing. */
  private long propagations;

  StopListener(Duration timeout) {
    this.timeout = timeout;
    this.deadline = System.nanoTime() + timeout.toNanos();
  }

  void cancel() {
    cancelled = true;
  }

  boolean cancelled() {
    return cancelled;
  }

  /** Throws when the resolution was cancelled or ran out of time. */
  void check() {
    if (cancelled) {
      throw new ResolutionCancelledException("the resolution was cancelled");
    }
    if (System.nanoTime() - deadline > 0) {
      throw new ResolutionLimitException(
          "timeout",
          "the resolution took longer than its time budget of " + timeout
              + " (ResolverOptions.timeout)");
    }
  }

  /** The literals the session's solver has propagated so far. */
  long propagations() {
    return propagations;
  }

  @Override
  public void propagating(int p) {
    propagations++;
  }

  @Override
  public void conflictFound(IConstr confl, int dlevel, int trailLevel) {
    check();
  }

  @Override
  public void beginLoop() {
    if (cancelled) {
      check();
    }
  }
}
