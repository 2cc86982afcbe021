package org.pylock4j.version;

import org.pylock4j.error.InvalidSpecifierException;

/**
 * One PEP 440 version specifier clause: an operator and a version ({@code ~=}, {@code ==},
 * {@code !=}, {@code <=}, {@code >=}, {@code <}, {@code >}, {@code ===}, with {@code .*}
 * wildcards for {@code ==} and {@code !=}).
 *
 * <p>Immutable; {@link #toString()} is the normal form {@code packaging} prints.
 */
public final class Specifier {

  private Specifier() {
    throw new UnsupportedOperationException("stub");
  }

  /**
   * Parses one specifier clause.
   *
   * @throws InvalidSpecifierException when {@code text} is not a specifier
   */
  public static Specifier parse(String text) {
    throw new UnsupportedOperationException("stub");
  }

  /** The operator as written in normal form, e.g. {@code ">="}. */
  public String operator() {
    throw new UnsupportedOperationException("stub");
  }

  /** The version text, e.g. {@code "1.0.*"} for a wildcard. */
  public String version() {
    throw new UnsupportedOperationException("stub");
  }

  /** Whether this clause itself names a pre-release (so admits pre-releases). */
  public boolean prereleases() {
    throw new UnsupportedOperationException("stub");
  }

  /** PEP 440 containment with the default pre-release rule. */
  public boolean contains(Version version) {
    throw new UnsupportedOperationException("stub");
  }

  /** PEP 440 containment with pre-releases admitted or not. */
  public boolean contains(Version version, boolean allowPrereleases) {
    throw new UnsupportedOperationException("stub");
  }
}
