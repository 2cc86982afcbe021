package org.pylock4j.locker;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.pylock4j.resolve.TargetEnvironment;

/**
 * What {@link Locker#verify(VerifyRequest)} checks: a lock, and optionally the request it was
 * made from. Immutable; built with {@link #builder(Path)}.
 *
 * <p>A lock written by this version records what it was made from ({@code [tool.pylock4j]} of a
 * {@code pylock.toml}, the header of a requirements file), so {@link #of(Path)} is enough. For an
 * older lock, or to check it against other inputs, {@link Builder#request(LockRequest)} gives
 * them: its inputs, when it has any, replace the recorded ones, and each setting it sets (indexes,
 * target, policies) replaces the recorded one. Its cache directory, offline mode, threads and
 * listener are used as given.
 */
public final class VerifyRequest {

  private final Path lock;
  private final LockRequest request;
  private final boolean upgrades;
  private final TargetEnvironment fallbackTarget;

  private VerifyRequest(Builder b) {
    this.lock = b.lock;
    this.request = b.request;
    this.upgrades = b.upgrades;
    this.fallbackTarget = b.fallbackTarget;
  }

  /**
   * A request to verify {@code lock} from what it records.
   *
   * @param lock the lock file, must not be null
   * @return the request, never null
   */
  public static VerifyRequest of(Path lock) {
    return builder(lock).build();
  }

  /**
   * A builder for verifying {@code lock}.
   *
   * @param lock the lock file, must not be null
   * @return a builder, never null
   */
  public static Builder builder(Path lock) {
    return new Builder(lock);
  }

  /** {@return a builder holding this request's settings} */
  public Builder toBuilder() {
    return new Builder(lock).request(request).upgrades(upgrades).fallbackTarget(fallbackTarget);
  }

  /** {@return the lock to verify} */
  public Path lock() {
    return lock;
  }

  /** {@return the inputs and settings that replace what the lock records, if given} */
  public Optional<LockRequest> request() {
    return Optional.ofNullable(request);
  }

  /**
   * Whether {@link Verification#upgrades()} lists what {@code --upgrade} would change (costs a
   * second resolution). The default is false.
   *
   * @return true when the upgrades are listed
   */
  public boolean upgrades() {
    return upgrades;
  }

  /**
   * The target used when neither the request nor the lock gives one (a lock made before targets
   * were recorded), if set.
   *
   * @return the fallback target, empty when none is set
   */
  public Optional<TargetEnvironment> fallbackTarget() {
    return Optional.ofNullable(fallbackTarget);
  }

  /** Builds a {@link VerifyRequest}. Not thread-safe. */
  public static final class Builder {
    private final Path lock;
    private LockRequest request;
    private boolean upgrades;
    private TargetEnvironment fallbackTarget;

    private Builder(Path lock) {
      this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * Sets the inputs and settings that replace the recorded ones; null clears them.
     *
     * @param request the request, or null to use the recorded inputs
     * @return this builder
     */
    public Builder request(LockRequest request) {
      this.request = request;
      return this;
    }

    /**
     * Also lists what an upgrade would change, as information.
     *
     * @param upgrades true to list the upgrades
     * @return this builder
     */
    public Builder upgrades(boolean upgrades) {
      this.upgrades = upgrades;
      return this;
    }

    /**
     * Sets the target used when neither the request nor the lock gives one; null clears it.
     *
     * @param target the target, or null
     * @return this builder
     */
    public Builder fallbackTarget(TargetEnvironment target) {
      this.fallbackTarget = target;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request, never null
     */
    public VerifyRequest build() {
      return new VerifyRequest(this);
    }
  }
}
