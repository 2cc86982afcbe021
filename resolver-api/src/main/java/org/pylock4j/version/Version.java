package org.pylock4j.version;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.pylock4j.error.InvalidVersionException;

/**
 * A PEP 440 version: parsed from any spelling the specification normalises, printed in normal
 * form by {@link #toString()}, totally ordered by {@link #compareTo}.
 *
 * <p>Immutable and thread-safe. {@code equals} is PEP 440 equality ({@code 1.0 == 1.0.0}).
 *
 * <pre>{@code
 * Version v = Version.parse("1.0-RC1");   // toString() "1.0rc1"
 * }</pre>
 */
public final class Version implements Comparable<Version> {

  private Version() {
    throw new UnsupportedOperationException("stub");
  }

  /**
   * Parses a version.
   *
   * @param text the version text, must not be null
   * @return the version, never null
   * @throws InvalidVersionException when {@code text} is not a PEP 440 version
   */
  public static Version parse(String text) {
    throw new UnsupportedOperationException("stub");
  }

  /** Parses a version, or returns empty when {@code text} is not a PEP 440 version. */
  public static Optional<Version> tryParse(String text) {
    throw new UnsupportedOperationException("stub");
  }

  /** The epoch, 0 when not written. */
  public BigInteger epoch() {
    throw new UnsupportedOperationException("stub");
  }

  /** The release segment as written (trailing zeros kept), never empty. */
  public List<BigInteger> release() {
    throw new UnsupportedOperationException("stub");
  }

  /** The pre-release label ({@code a}, {@code b} or {@code rc}) and number, if any. */
  public Optional<PreRelease> pre() {
    throw new UnsupportedOperationException("stub");
  }

  /** The post-release number, if any. */
  public Optional<BigInteger> post() {
    throw new UnsupportedOperationException("stub");
  }

  /** The development-release number, if any. */
  public Optional<BigInteger> dev() {
    throw new UnsupportedOperationException("stub");
  }

  /** The local label in normal form (e.g. {@code ubuntu.1}), if any. */
  public Optional<String> local() {
    throw new UnsupportedOperationException("stub");
  }

  /** True for a pre-release or development release (as {@code packaging}'s {@code is_prerelease}). */
  public boolean isPrerelease() {
    throw new UnsupportedOperationException("stub");
  }

  /** True when there is a post-release segment. */
  public boolean isPostRelease() {
    throw new UnsupportedOperationException("stub");
  }

  /** True when there is a development-release segment. */
  public boolean isDevRelease() {
    throw new UnsupportedOperationException("stub");
  }

  /** This version without its local label. */
  public Version publicVersion() {
    throw new UnsupportedOperationException("stub");
  }

  /** Epoch and release only ({@code 1!2.0rc1.post3} gives {@code 1!2.0}). */
  public Version baseVersion() {
    throw new UnsupportedOperationException("stub");
  }

  @Override
  public int compareTo(Version other) {
    throw new UnsupportedOperationException("stub");
  }

  /** A pre-release segment: {@code a}, {@code b} or {@code rc} and its number. */
  public record PreRelease(String label, BigInteger number) {}
}
