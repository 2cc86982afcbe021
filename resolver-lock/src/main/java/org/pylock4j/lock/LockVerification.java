package org.pylock4j.lock;

import java.util.List;
import org.pylock4j.error.PylockException;
import org.pylock4j.resolve.Resolution;

/**
 * What {@link LockVerifier} found: the drifts between a lock and a fresh resolution plus the
 * index's current hashes, in a stable order.
 *
 * @param lockName the lock's file name (or a description), for messages
 * @param drifts the drifts; empty when the lock is up to date
 * @param resolution the fresh resolution compared against
 * @param filesChecked how many locked files were checked against the index
 */
public record LockVerification(
    String lockName, List<LockDrift> drifts, Resolution resolution, int filesChecked) {

  /**
   * Copies the drifts.
   *
   * @param lockName the lock's file name (or a description), for messages
   * @param drifts the drifts; empty when the lock is up to date
   * @param resolution the fresh resolution compared against
   * @param filesChecked how many locked files were checked against the index
   */
  public LockVerification {
    drifts = List.copyOf(drifts);
  }

  /** {@return true when nothing drifted} */
  public boolean isClean() {
    return drifts.isEmpty();
  }

  /**
   * A report a person can read: one line when clean, else a line per drift.
   *
   * <pre>
   * pylock.toml differs from a fresh resolution (2 drifts):
   *   - idna: version changed 3.7 -> 3.10
   *   - six: added (1.17.0)
   * </pre>
   *
   * @return the report, never null
   */
  public String render() {
    int packages = resolution.packages().size();
    if (isClean()) {
      return lockName + " is up to date (" + packages + " packages, " + filesChecked
          + " files checked against the index)";
    }
    StringBuilder b = new StringBuilder(lockName).append(" differs from a fresh resolution (")
        .append(drifts.size()).append(drifts.size() == 1 ? " drift" : " drifts").append("):");
    for (LockDrift d : drifts) {
      b.append("\n  - ").append(d.describe());
    }
    return b.toString();
  }

  /**
   * Returns normally when clean, else throws with {@link #render()} as the message: the one-line
   * assertion for a test.
   *
   * @throws LockDriftException when anything drifted
   */
  public void requireClean() {
    if (!isClean()) {
      throw new LockDriftException(this);
    }
  }

  @Override
  public String toString() {
    return render();
  }

  /** Thrown by {@link #requireClean()}: the lock is not reproducible as it stands. */
  public static final class LockDriftException extends PylockException {
    private static final long serialVersionUID = 1L;

    private final transient LockVerification verification;

    LockDriftException(LockVerification verification) {
      super(verification.render());
      this.verification = verification;
    }

    /** {@return the verification that failed} */
    public LockVerification verification() {
      return verification;
    }
  }
}
