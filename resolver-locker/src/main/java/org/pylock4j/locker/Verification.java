package org.pylock4j.locker;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.pylock4j.error.PylockException;
import org.pylock4j.lock.LockDrift;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/**
 * What {@link Locker#verify} found: whether re-locking would change the lock (uv's {@code lock
 * --check}), and if so how.
 *
 * <p>A drift is a reason the lock is not what {@code lock} would write over it now with its own
 * versions preferred: an input changed, a locked version or file is gone or yanked, a hash
 * changed, a publisher changed or vanished, the target changed, or the file's text differs from
 * the re-lock (a tampered URL, index, dependency or requires-python). A newer version upstream is
 * not a drift; {@link #upgrades()} lists those when asked.
 *
 * @param lock the lock verified
 * @param drifts the drifts, in a stable order; empty when up to date
 * @param upgrades what {@code --upgrade} would change, when {@link VerifyRequest#upgrades()} asked
 *     for it; else empty
 * @param relocked the text re-locking writes
 * @param packages how many packages the lock holds
 * @param filesChecked how many locked files were checked against the index
 */
public record Verification(
    Path lock,
    List<LockDrift> drifts,
    List<Upgrade> upgrades,
    String relocked,
    int packages,
    int filesChecked) {

  /**
   * Checks and copies the fields.
   *
   * @param lock the lock verified
   * @param drifts the drifts, in a stable order; empty when up to date
   * @param upgrades what {@code --upgrade} would change, when {@link VerifyRequest#upgrades()}
   *     asked for it; else empty
   * @param relocked the text re-locking writes
   * @param packages how many packages the lock holds
   * @param filesChecked how many locked files were checked against the index
   */
  public Verification {
    Objects.requireNonNull(lock, "lock");
    drifts = List.copyOf(drifts);
    upgrades = List.copyOf(upgrades);
    Objects.requireNonNull(relocked, "relocked");
  }

  /**
   * A change {@code --upgrade} would make.
   *
   * @param project the project
   * @param locked the locked version, or null when an upgrade adds the project
   * @param upgraded the version an upgrade takes, or null when it drops the project
   */
  public record Upgrade(ProjectName project, Version locked, Version upgraded) {
    /**
     * Checks the project.
     *
     * @param project the project
     * @param locked the locked version, or null when an upgrade adds the project
     * @param upgraded the version an upgrade takes, or null when it drops the project
     */
    public Upgrade {
      Objects.requireNonNull(project, "project");
    }

    /** {@return one line a person can read, e.g. {@code numpy 1.26.4 -> 2.4.6}} */
    public String describe() {
      return project + " " + (locked == null ? "(new)" : locked) + " -> "
          + (upgraded == null ? "(removed)" : upgraded);
    }
  }

  /** {@return true when re-locking would not change the lock} */
  public boolean isUpToDate() {
    return drifts.isEmpty();
  }

  /**
   * A report a person can read: one line when up to date, else a line per drift; then the
   * upgrades, if listed.
   *
   * @return the report, never null
   */
  public String render() {
    StringBuilder b = new StringBuilder();
    if (isUpToDate()) {
      b.append(lock).append(" is up to date (").append(packages)
          .append(packages == 1 ? " package, " : " packages, ").append(filesChecked)
          .append(" files checked against the index)");
    } else {
      b.append(lock).append(" is not what re-locking writes (").append(drifts.size())
          .append(drifts.size() == 1 ? " drift" : " drifts").append("):");
      for (LockDrift d : drifts) {
        b.append("\n  - ").append(d.describe());
      }
    }
    if (!upgrades.isEmpty()) {
      b.append("\n").append("--upgrade would change (").append(upgrades.size())
          .append(upgrades.size() == 1 ? " package" : " packages").append("):");
      for (Upgrade u : upgrades) {
        b.append("\n  - ").append(u.describe());
      }
    }
    return b.toString();
  }

  /**
   * Returns normally when up to date, else throws with {@link #render()} as the message: the
   * one-line assertion of a test.
   *
   * @throws PylockException when anything drifted
   */
  public void requireUpToDate() {
    if (!isUpToDate()) {
      throw new PylockException(render());
    }
  }
}
