package org.pylock4j.requirement;

import org.pylock4j.error.InvalidMarkerException;

/**
 * A PEP 508 environment marker, parsed into an expression tree and evaluated against a {@link
 * MarkerEnvironment} exactly as {@code packaging} 26 does (version comparison where both sides are
 * versions, string comparison otherwise, {@code in}/{@code not in}, {@code ===}, operands in either
 * order, {@code extra} normalised).
 *
 * <p>{@link #toString()} prints it as {@code packaging} does.
 */
public sealed interface Marker permits Marker.And, Marker.Or, Marker.Comparison {

  /**
   * Parses a marker expression.
   *
   * @throws InvalidMarkerException naming the text and the column of the problem
   */
  static Marker parse(String text) {
    throw new UnsupportedOperationException("stub");
  }

  /**
   * Evaluates this marker.
   *
   * @param environment the target environment; its {@code extra} (if any) is used for {@code
   *     extra} comparisons
   */
  boolean evaluate(MarkerEnvironment environment);

  /** Both sides hold. */
  record And(Marker left, Marker right) implements Marker {
    @Override
    public boolean evaluate(MarkerEnvironment environment) {
      return left.evaluate(environment) && right.evaluate(environment);
    }
  }

  /** Either side holds. */
  record Or(Marker left, Marker right) implements Marker {
    @Override
    public boolean evaluate(MarkerEnvironment environment) {
      return left.evaluate(environment) || right.evaluate(environment);
    }
  }

  /**
   * One comparison; either operand may be a variable or a quoted string.
   *
   * @param left the left operand
   * @param op the operator ({@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=},
   *     {@code ~=}, {@code ===}, {@code in}, {@code not in})
   * @param right the right operand
   */
  record Comparison(Operand left, String op, Operand right) implements Marker {
    @Override
    public boolean evaluate(MarkerEnvironment environment) {
      throw new UnsupportedOperationException("stub");
    }
  }

  /** A marker operand: an environment variable or a string literal. */
  sealed interface Operand permits Variable, Literal {}

  /** An environment variable such as {@code python_version}. */
  record Variable(String name) implements Operand {}

  /** A quoted string literal. */
  record Literal(String value) implements Operand {}
}
