package org.pylock4j.version;

import java.util.List;
import org.pylock4j.error.InvalidSpecifierException;

/**
 * A comma-separated conjunction of {@link Specifier}s, possibly empty (admits every version).
 *
 * <p>Immutable; {@link #toString()} is the normal form {@code packaging} prints (clauses sorted).
 */
public final class SpecifierSet {

  private SpecifierSet() {
    throw new UnsupportedOperationException("stub");
  }

  /** The empty set, which admits every version (pre-releases by the default rule). */
  public static SpecifierSet any() {
    throw new UnsupportedOperationException("stub");
  }

  /**
   * Parses a specifier set such as {@code ">=1.0, !=1.3.*"}.
   *
   * @throws InvalidSpecifierException when {@code text} is not a specifier set
   */
  public static SpecifierSet parse(String text) {
    throw new UnsupportedOperationException("stub");
  }

  /** The clauses, in normal order. */
  public List<Specifier> specifiers() {
    throw new UnsupportedOperationException("stub");
  }

  /** True when there are no clauses. */
  public boolean isEmpty() {
    throw new UnsupportedOperationException("stub");
  }

  /** Whether any clause names a pre-release. */
  public boolean prereleases() {
    throw new UnsupportedOperationException("stub");
  }

  /** The conjunction of this and {@code other}. */
  public SpecifierSet and(SpecifierSet other) {
    throw new UnsupportedOperationException("stub");
  }

  /** Containment with {@code packaging} 26's default pre-release rule. */
  public boolean contains(Version version) {
    throw new UnsupportedOperationException("stub");
  }

  /** Containment with pre-releases admitted or not. */
  public boolean contains(Version version, boolean allowPrereleases) {
    throw new UnsupportedOperationException("stub");
  }

  /**
   * The versions this set admits, in input order: pre-releases only when the set names one or
   * when nothing else matches (as {@code packaging}'s {@code filter}).
   */
  public List<Version> filter(List<Version> versions) {
    throw new UnsupportedOperationException("stub");
  }
}
