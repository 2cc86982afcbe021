package org.pylock4j.requirement;

import java.util.Objects;
import java.util.Optional;
import org.pylock4j.version.Specifier;
import org.pylock4j.version.SpecifierSet;

/**
 * A set of environments, described by markers: the Boolean algebra of PEP 508 markers ({@code
 * and}, {@code or}, {@code not}), with a canonical form, so that {@link #isAlwaysFalse()}, {@link
 * #isAlwaysTrue()}, {@link #isDisjoint} and {@link #equals} are exact, and a simplified PEP 508
 * marker back ({@link #toString()}) that {@code packaging} parses and evaluates as this set.
 *
 * <p>It is an ordered decision diagram, as uv's {@code MarkerTree}: the Python version first (one
 * variable: {@code python_version} and {@code python_full_version} are both ranges of releases),
 * then the string variables {@code implementation_name}, {@code platform_python_implementation},
 * {@code sys_platform}, {@code os_name}, {@code platform_system}, {@code platform_machine} and
 * {@code extra} as sets of values, then every other comparison as an uninterpreted proposition.
 *
 * <p><b>The space of environments.</b> "Always", "never" and "disjoint" are meant over these
 * environments: {@code python_full_version} is a final release {@code X.Y.Z} (no pre-release, no
 * local label) and {@code python_version} its {@code X.Y}; every string variable takes any value,
 * independently of the others ({@code sys_platform == "linux" and platform_system == "Windows"}
 * is not known to be empty); each uninterpreted comparison ({@code "x" in sys_platform}, {@code
 * platform_release >= "5"}, {@code implementation_version …}, {@code … in extras}) is an
 * independent proposition. Within that space, evaluating {@link #toString()} with {@code packaging}
 * gives exactly {@link #evaluate}. PEP 508 has no {@code not}: a set that needs the negation of an
 * uninterpreted comparison other than {@code ==} or {@code in} on strings (say {@code not
 * platform_release >= "20"}: both it and {@code platform_release < "20"} are false where the
 * value is not a version) has no marker, and {@link #toString()} throws {@link
 * IllegalStateException} for it. Sets built with {@code and} and {@code or} from markers never
 * need one.
 *
 * <pre>{@code
 * MarkerTree linux = MarkerTree.parse("sys_platform == 'linux'");
 * MarkerTree old = MarkerTree.parse("python_version < '3.10'");
 * linux.and(old.not()).toString();        // python_version >= "3.10" and sys_platform == "linux"
 * linux.isDisjoint(MarkerTree.parse("sys_platform == 'win32'"));   // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MarkerTree {

  private static final MarkerTree ALWAYS = new MarkerTree(MarkerNode.TRUE);
  private static final MarkerTree NEVER = new MarkerTree(MarkerNode.FALSE);

  private final MarkerNode node;

  private MarkerTree(MarkerNode node) {
    this.node = node;
  }

  private static MarkerTree of(MarkerNode node) {
    return node == MarkerNode.TRUE ? ALWAYS : node == MarkerNode.FALSE ? NEVER : new MarkerTree(node);
  }

  /** {@return every environment (no marker)} */
  public static MarkerTree always() {
    return ALWAYS;
  }

  /** {@return no environment} */
  public static MarkerTree never() {
    return NEVER;
  }

  /**
   * The environments where {@code marker} holds.
   *
   * @param marker the marker, must not be null
   * @return the set, never null
   */
  public static MarkerTree of(Marker marker) {
    Objects.requireNonNull(marker, "marker");
    return of(MarkerLeaves.of(marker));
  }

  /**
   * The environments where {@code marker} holds.
   *
   * @param marker a PEP 508 marker, must not be null
   * @return the set, never null
   * @throws org.pylock4j.error.InvalidMarkerException when it does not parse
   */
  public static MarkerTree parse(String marker) {
    return of(Marker.parse(marker));
  }

  /**
   * The environments whose Python a {@code Requires-Python} value admits (checked against {@code
   * python_full_version}, as installers do).
   *
   * @param requiresPython the specifiers, must not be null
   * @return the set, never null
   */
  public static MarkerTree requiresPython(SpecifierSet requiresPython) {
    MarkerNode n = MarkerNode.TRUE;
    for (Specifier s : requiresPython.specifiers()) {
      n = MarkerNode.and(n, MarkerLeaves.of(new Marker.Comparison(
          new Marker.Variable("python_full_version"), s.operator(),
          new Marker.Literal(s.version()))));
    }
    return of(n);
  }

  /**
   * The environments in both sets.
   *
   * @param other the other set, must not be null
   * @return the intersection, never null
   */
  public MarkerTree and(MarkerTree other) {
    return of(MarkerNode.and(node, other.node));
  }

  /**
   * The environments in either set.
   *
   * @param other the other set, must not be null
   * @return the union, never null
   */
  public MarkerTree or(MarkerTree other) {
    return of(MarkerNode.or(node, other.node));
  }

  /** {@return the environments not in this set; never null} */
  public MarkerTree not() {
    return of(MarkerNode.not(node));
  }

  /** {@return whether this set holds no environment} */
  public boolean isAlwaysFalse() {
    return node == MarkerNode.FALSE;
  }

  /** {@return whether this set holds every environment} */
  public boolean isAlwaysTrue() {
    return node == MarkerNode.TRUE;
  }

  /**
   * Whether no environment is in both sets.
   *
   * @param other the other set, must not be null
   * @return true when no environment is in both sets
   */
  public boolean isDisjoint(MarkerTree other) {
    return and(other).isAlwaysFalse();
  }

  /**
   * Whether every environment of this set is in {@code other}.
   *
   * @param other the other set, must not be null
   * @return true when every environment of this set is in {@code other}
   */
  public boolean implies(MarkerTree other) {
    return and(other.not()).isAlwaysFalse();
  }

  /**
   * This set with the variable {@code extra} fixed: the environments where the marker holds for a
   * package installed with {@code extra} ({@code ""}: without extras), as a set that no longer
   * tests {@code extra}.
   *
   * @param extra the extra, normalised or not, must not be null
   * @return the set, never null
   */
  public MarkerTree withExtra(String extra) {
    String value = extra.isEmpty() ? "" : ProjectName.normalize(extra);
    return of(MarkerNode.restrict(node, MarkerNode.stringVar("extra"), value));
  }

  /**
   * Whether {@code environment} is in this set: for an environment of the space described above,
   * what {@code packaging} says of {@link #toString()} there.
   *
   * @param environment the environment, must not be null
   * @return true when {@code environment} is in this set
   * @throws org.pylock4j.error.InvalidMarkerException where an uninterpreted comparison is
   *     undefined, as {@link Marker#evaluate} does
   */
  public boolean evaluate(MarkerEnvironment environment) {
    return node.evaluate(environment);
  }

  /**
   * This set as a marker, or empty when it holds every environment.
   *
   * @return the marker, never null
   */
  public Optional<Marker> toMarker() {
    String s = toString();
    return s.isEmpty() ? Optional.empty() : Optional.of(Marker.parse(s));
  }

  /**
   * A short marker that holds in the same environments of {@code context} as this set: the
   * marker of a lock entry written under the lock's {@code requires-python} and {@code
   * environments}. {@code ""} when this set holds all of {@code context}.
   *
   * @param context the environments that matter, must not be null
   * @return the marker text, never null
   */
  public String toString(MarkerTree context) {
    return MarkerPrinter.print(node, context.node);
  }

  /**
   * This set as a short PEP 508 marker: {@code ""} for every environment, {@code python_version <
   * "0"} for none.
   *
   * @throws IllegalStateException when no marker says it (see above)
   */
  @Override
  public String toString() {
    return MarkerPrinter.print(node, MarkerNode.TRUE);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MarkerTree t && node.equals(t.node);
  }

  @Override
  public int hashCode() {
    return node.hashCode();
  }
}
