package org.pylock4j.junit;

import java.nio.file.Path;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;
import org.pylock4j.lock.LockDrift;
import org.pylock4j.locker.Locker;
import org.pylock4j.locker.Verification;
import org.pylock4j.locker.VerifyRequest;

/**
 * Assertions on locks, for the tests of projects that embed Python.
 *
 * <pre>{@code
 * @Test
 * void lockIsUpToDate() {
 *   PylockAssertions.assertUpToDate(Path.of("pylock.toml"));
 * }
 * }</pre>
 */
public final class PylockAssertions {

  private PylockAssertions() {}

  /**
   * Asserts that re-locking would not change {@code lock}, re-locking from what the lock records
   * (see {@link Locker#verify(Path)}).
   *
   * @param lock the lock file, must not be null
   * @return the verification, never null
   * @throws AssertionFailedError listing each drift when the lock is not up to date
   * @throws org.pylock4j.error.PylockException when the lock cannot be read or verified
   */
  public static Verification assertUpToDate(Path lock) {
    return assertUpToDate(VerifyRequest.of(Objects.requireNonNull(lock, "lock")));
  }

  /**
   * Asserts that re-locking would not change the request's lock; the request may give the
   * inputs and settings that replace what the lock records (an index served by {@link
   * LocalIndex}, a cache directory, offline mode).
   *
   * @param request what to verify, must not be null
   * @return the verification, never null
   * @throws AssertionFailedError listing each drift when the lock is not up to date
   */
  public static Verification assertUpToDate(VerifyRequest request) {
    Objects.requireNonNull(request, "request");
    try (Locker locker = Locker.builder().build()) {
      Verification verification = locker.verify(request);
      if (!verification.isUpToDate()) {
        throw new AssertionFailedError(message(verification));
      }
      return verification;
    }
  }

  static String message(Verification verification) {
    int n = verification.drifts().size();
    StringBuilder b = new StringBuilder()
        .append(verification.lock()).append(" is not up to date (")
        .append(n).append(n == 1 ? " drift" : " drifts").append("):");
    for (LockDrift drift : verification.drifts()) {
      b.append(System.lineSeparator()).append("  ").append(drift.describe());
    }
    return b.toString();
  }
}
