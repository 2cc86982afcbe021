package org.pylock4j.requirement;

import java.util.Objects;
import java.util.Set;
import org.pylock4j.error.InvalidMarkerException;

/**
 * A PEP 508 environment marker, parsed into an expression tree and evaluated against a {@link
 * MarkerEnvironment} exactly as {@code packaging} 26 does (version comparison where both sides are
 * versions, string comparison otherwise, {@code in}/{@code not in}, {@code ===}, operands in either
 * order, {@code extra} normalised).
 *
 * <p>The tree has {@link And}, {@link Or}, {@link Group} (parentheses as written) and {@link
 * Comparison} nodes. {@code and} binds tighter than {@code or}; a chain such as {@code a and b or
 * c} parses to {@code Or(And(a, b), c)}.
 *
 * <p>{@code toString()} prints it as {@code packaging} does: operands separated by single spaces,
 * literals in double quotes, variables in their canonical spelling ({@code os.name} prints as
 * {@code os_name}), and parentheses only around a parenthesised chain of two or more comparisons
 * that is not itself the only content of a pair of parentheses (so {@code (a)} prints as {@code a}
 * and, as in {@code packaging}, {@code ((a or b)) and c} prints as {@code a or b and c}).
 *
 * <pre>{@code
 * Marker m = Marker.parse("python_version >= '3.8' and extra == 'Socks'");
 * m.toString();                                                  // python_version >= "3.8" and extra == "socks"
 * m.evaluate(MarkerEnvironment.cpython("3.12", LINUX_X86_64));   // false: no extra
 * }</pre>
 *
 * <p>Equality is structural ({@code (a)} and {@code a} differ); {@code packaging}'s equality is
 * that of {@code toString()}.
 */
public sealed interface Marker permits Marker.And, Marker.Or, Marker.Group, Marker.Comparison {

  /**
   * The deepest nesting of parentheses {@link #parse} accepts: 100. {@code packaging} has no such
   * limit of its own but fails with a {@code RecursionError} near 500.
   */
  int MAX_NESTING = 100;

  /**
   * The most comparisons one marker may hold: 1000. A chain of {@code and}/{@code or} is a tree as
   * deep as it is long, which evaluation and printing walk recursively.
   */
  int MAX_COMPARISONS = 1000;

  /**
   * Parses a marker expression.
   *
   * @param text the marker, must not be null
   * @return the expression, never null
   * @throws InvalidMarkerException naming the text and the column of the problem; its {@link
   *     InvalidMarkerException#reason() reason} is what {@code str(InvalidMarker)} prints: the
   *     message, the text, and a caret under the problem; also when the marker is beyond {@link
   *     #MAX_NESTING} or {@link #MAX_COMPARISONS}
   */
  static Marker parse(String text) {
    Objects.requireNonNull(text, "text");
    try {
      return Parser.parseMarker(text);
    } catch (Tokenizer.SyntaxError e) {
      throw new InvalidMarkerException(e.render(), text, null, 0, e.column());
    }
  }

  /**
   * Evaluates this marker as {@code packaging}'s {@code Marker.evaluate(environment)} does (the
   * {@code "metadata"} context: {@code extra} is {@code ""} unless the environment sets one). Every
   * comparison is evaluated, as in {@code packaging}, so an undefined comparison fails even where
   * the result is already known.
   *
   * @param environment the target environment, must not be null; its {@code extra} (if any) is
   *     used for {@code extra} comparisons
   * @return whether the marker holds in {@code environment}
   * @throws InvalidMarkerException when a comparison is undefined ({@code ~=} or {@code ===} on
   *     values that are not versions) or names a variable the environment lacks ({@code extras},
   *     {@code dependency_groups})
   */
  boolean evaluate(MarkerEnvironment environment);

  /**
   * This marker and {@code other}, as {@code packaging}'s {@code marker & other}: each side is
   * parenthesised when it is a chain.
   *
   * @param other the other marker, must not be null
   * @return the conjunction, never null
   */
  default Marker and(Marker other) {
    return new And(new Group(this), new Group(other));
  }

  /**
   * This marker or {@code other}, as {@code packaging}'s {@code marker | other}: each side is
   * parenthesised when it is a chain.
   *
   * @param other the other marker, must not be null
   * @return the disjunction, never null
   */
  default Marker or(Marker other) {
    return new Or(new Group(this), new Group(other));
  }

  /** Both sides hold. */
  record And(Marker left, Marker right) implements Marker {
    /**
     * Checks that both sides are set.
     *
     * @param left the left side, must not be null
     * @param right the right side, must not be null
     */
    public And {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public boolean evaluate(MarkerEnvironment environment) {
      boolean l = left.evaluate(environment);
      boolean r = right.evaluate(environment);
      return l && r;
    }

    @Override
    public String toString() {
      return MarkerFormat.format(this);
    }
  }

  /** Either side holds. */
  record Or(Marker left, Marker right) implements Marker {
    /**
     * Checks that both sides are set.
     *
     * @param left the left side, must not be null
     * @param right the right side, must not be null
     */
    public Or {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public boolean evaluate(MarkerEnvironment environment) {
      boolean l = left.evaluate(environment);
      boolean r = right.evaluate(environment);
      return l || r;
    }

    @Override
    public String toString() {
      return MarkerFormat.format(this);
    }
  }

  /**
   * A parenthesised expression, kept so that {@link #toString()} prints what {@code packaging}
   * prints.
   *
   * @param inner the expression inside the parentheses
   */
  record Group(Marker inner) implements Marker {
    /**
     * Checks that the inner expression is set.
     *
     * @param inner the expression inside the parentheses
     */
    public Group {
      Objects.requireNonNull(inner, "inner");
    }

    @Override
    public boolean evaluate(MarkerEnvironment environment) {
      return inner.evaluate(environment);
    }

    @Override
    public String toString() {
      return MarkerFormat.format(this);
    }
  }

  /**
   * One comparison; either operand may be a variable or a quoted string.
   *
   * <p>{@link Marker#parse} normalises the operand compared with the variable {@code extra} (PEP
   * 685) as {@code packaging} does: {@code extra == "Foo_Bar"} holds {@code "foo-bar"}, and
   * {@code extra == os_name} holds the literal {@code "os-name"}. Like {@code packaging} 26.2, it
   * does so only for comparisons outside parentheses: {@code (extra == "Foo_Bar")} keeps {@code
   * "Foo_Bar"}, which no environment's (normalised) {@code extra} equals. The constructor does not
   * normalise.
   *
   * @param left the left operand
   * @param op the operator ({@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=},
   *     {@code ~=}, {@code ===}, {@code in}, {@code not in})
   * @param right the right operand
   */
  record Comparison(Operand left, String op, Operand right) implements Marker {

    static final Set<String> OPERATORS =
        Set.of("==", "!=", "<", "<=", ">", ">=", "~=", "===", "in", "not in");

    /**
     * Checks the operator; normalises the operand compared with {@code extra}.
     *
     * @param left the left operand
     * @param op the operator ({@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=},
     *     {@code ~=}, {@code ===}, {@code in}, {@code not in})
     * @param right the right operand
     */
    public Comparison {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(right, "right");
      if (!OPERATORS.contains(op)) {
        throw new IllegalArgumentException("not a marker operator: " + op);
      }
    }

    /**
     * This comparison with the operand compared with {@code extra} normalised (PEP 685), as
     * {@code packaging} normalises it when parsing: the other side of {@code extra} becomes a
     * normalised literal.
     */
    Comparison normalizeExtra() {
      if (left instanceof Variable v && v.name().equals("extra")) {
        return new Comparison(left, op, new Literal(ProjectName.normalize(right.text())));
      } else if (right instanceof Variable v && v.name().equals("extra")) {
        return new Comparison(new Literal(ProjectName.normalize(left.text())), op, right);
      }
      return this;
    }

    @Override
    public boolean evaluate(MarkerEnvironment environment) {
      return MarkerEvaluation.evaluate(this, environment);
    }

    @Override
    public String toString() {
      return left.serialize() + " " + op + " " + right.serialize();
    }
  }

  /** A marker operand: an environment variable or a string literal. */
  sealed interface Operand permits Variable, Literal {
    /** {@return the variable's name or the literal's value} */
    String text();

    /** {@return the operand as {@code packaging} prints it} */
    String serialize();
  }

  /**
   * An environment variable such as {@code python_version}.
   *
   * @param name the canonical name: {@code python_version}, {@code python_full_version}, {@code
   *     os_name}, {@code sys_platform}, {@code platform_release}, {@code platform_system}, {@code
   *     platform_version}, {@code platform_machine}, {@code platform_python_implementation}, {@code
   *     implementation_name}, {@code implementation_version}, {@code extra}, {@code extras} or
   *     {@code dependency_groups}
   */
  record Variable(String name) implements Operand {

    static final Set<String> NAMES =
        Set.of(
            "python_version",
            "python_full_version",
            "os_name",
            "sys_platform",
            "platform_release",
            "platform_system",
            "platform_version",
            "platform_machine",
            "platform_python_implementation",
            "implementation_name",
            "implementation_version",
            "extra",
            "extras",
            "dependency_groups");

    /**
     * Checks that {@code name} is a canonical marker variable.
     *
     * @param name the canonical name: {@code python_version}, {@code python_full_version}, {@code
     *     os_name}, {@code sys_platform}, {@code platform_release}, {@code platform_system}, {@code
     *     platform_version}, {@code platform_machine}, {@code platform_python_implementation},
     *     {@code implementation_name}, {@code implementation_version}, {@code extra}, {@code
     *     extras} or {@code dependency_groups}
     */
    public Variable {
      Objects.requireNonNull(name, "name");
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("not a marker variable: " + name);
      }
    }

    @Override
    public String text() {
      return name;
    }

    @Override
    public String serialize() {
      return name;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * A quoted string literal.
   *
   * @param value the value, escapes resolved
   */
  record Literal(String value) implements Operand {
    /**
     * Checks that the value is set.
     *
     * @param value the value, escapes resolved
     */
    public Literal {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String text() {
      return value;
    }

    /** In double quotes, without escaping (as {@code packaging} prints it). */
    @Override
    public String serialize() {
      return '"' + value + '"';
    }

    @Override
    public String toString() {
      return serialize();
    }
  }
}
