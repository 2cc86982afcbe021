package org.pylock4j.requirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.pylock4j.error.InvalidMarkerException;
import org.pylock4j.version.Version;

/**
 * Turns one {@link Marker.Comparison} into a {@link MarkerNode}, with the meaning {@code packaging}
 * gives it.
 *
 * <p>A comparison of {@code python_version} or {@code python_full_version} becomes a set of
 * Python releases: the release line is cut where the comparison can change value (next to the
 * release of the literal, or of each version-like substring of an {@code in} literal), and the
 * comparison itself is evaluated, as {@code packaging} does, at one release of each segment. A
 * comparison of an interpreted string variable becomes a set of values. Anything else (substring
 * tests on strings, {@code platform_release}, {@code platform_version}, {@code
 * implementation_version}, {@code extras}, {@code dependency_groups}, operators that are
 * undefined on strings) stays an uninterpreted proposition, evaluated as written.
 */
final class MarkerLeaves {

  private static final int MAX_IN_LITERAL = 200;

  private MarkerLeaves() {}

  static MarkerNode of(Marker marker) {
    if (marker instanceof Marker.And a) {
      return MarkerNode.and(of(a.left()), of(a.right()));
    }
    if (marker instanceof Marker.Or o) {
      return MarkerNode.or(of(o.left()), of(o.right()));
    }
    if (marker instanceof Marker.Group g) {
      return of(g.inner());
    }
    return leaf((Marker.Comparison) marker);
  }

  private static MarkerNode leaf(Marker.Comparison c) {
    String name;
    String literal;
    boolean literalLeft;
    if (c.left() instanceof Marker.Variable v) {
      name = v.name();
      literal = c.right().text();
      literalLeft = false;
    } else if (c.right() instanceof Marker.Variable v) {
      name = v.name();
      literal = c.left().text();
      literalLeft = true;
    } else {
      return atom(c);
    }
    String op = c.op();
    boolean substring = op.equals("in") || op.equals("not in");
    if (name.equals("python_version") || name.equals("python_full_version")) {
      if (substring && literalLeft) {
        return atom(c);
      }
      return python(c, name.equals("python_version"), literal, substring);
    }
    if (MarkerNode.STRING_VARIABLES.contains(name)) {
      MarkerNode.Var var = MarkerNode.stringVar(name);
      String[] one = {literal};
      if (name.equals("extra") && !literal.equals(ProjectName.normalize(literal))) {
        // the environment's extra is normalised: a literal that is not never equals it
        return switch (op) {
          case "!=" -> MarkerNode.TRUE;
          case "==", "<=", ">=", "<", ">" -> MarkerNode.FALSE;
          default -> atom(c);
        };
      }
      return switch (op) {
        case "==", "<=", ">=" ->
            MarkerNode.string(var, one, new MarkerNode[] {MarkerNode.TRUE, MarkerNode.FALSE});
        case "!=" ->
            MarkerNode.string(var, one, new MarkerNode[] {MarkerNode.FALSE, MarkerNode.TRUE});
        case "<", ">" -> MarkerNode.FALSE;
        default -> atom(c);
      };
    }
    return atom(c);
  }

  /**
   * An uninterpreted comparison. {@code !=} and {@code not in} become the negation of {@code ==}
   * and {@code in} where that is what they mean (not for a version variable compared with a
   * version: there both are false when the value is not a version), so that a marker and its
   * printed negation give the same diagram.
   */
  private static MarkerNode atom(Marker.Comparison c) {
    if (negatable(c) && (c.op().equals("!=") || c.op().equals("not in"))) {
      Marker.Comparison positive =
          new Marker.Comparison(c.left(), c.op().equals("!=") ? "==" : "in", c.right());
      return MarkerNode.atom(MarkerNode.atomVar(positive), MarkerNode.TRUE, MarkerNode.FALSE);
    }
    return MarkerNode.atom(MarkerNode.atomVar(c), MarkerNode.FALSE, MarkerNode.TRUE);
  }

  private static final java.util.Set<String> VERSION_VARIABLES = java.util.Set.of(
      "implementation_version", "platform_release", "python_full_version", "python_version");

  /** Whether {@code c} with its operator negated ({@code ==}/{@code !=}, {@code in}/{@code not in}) is exactly its negation. */
  static boolean negatable(Marker.Comparison c) {
    String op = c.op();
    if (op.equals("in") || op.equals("not in")) {
      return true;
    }
    if (!op.equals("==") && !op.equals("!=")) {
      return false;
    }
    String variable = c.left() instanceof Marker.Variable v ? v.name()
        : c.right() instanceof Marker.Variable v ? v.name() : null;
    String literal = c.left() instanceof Marker.Variable ? c.right().text() : c.left().text();
    return variable != null && !(VERSION_VARIABLES.contains(variable)
        && org.pylock4j.version.Specifier.tryParse(op + literal).isPresent());
  }

  private static MarkerNode python(
      Marker.Comparison c, boolean minorOnly, String literal, boolean substring) {
    TreeSet<Long> cuts = new TreeSet<>();
    if (substring) {
      if (literal.length() > MAX_IN_LITERAL) {
        return atom(c);
      }
      for (long[] release : versionLikeSubstrings(literal, minorOnly ? 2 : 3)) {
        addCuts(cuts, release);
      }
    } else {
      String text = literal.endsWith(".*") ? literal.substring(0, literal.length() - 2) : literal;
      Optional<Version> v = Version.tryParse(text);
      if (v.isPresent()) {
        List<java.math.BigInteger> rel = v.get().release();
        long[] release = new long[3];
        for (int i = 0; i < 3 && i < rel.size(); i++) {
          release[i] = rel.get(i).min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        }
        addCuts(cuts, release);
      }
    }
    cuts.remove(0L);
    long[] points = cuts.stream().mapToLong(Long::longValue).toArray();
    MarkerNode[] kids = new MarkerNode[points.length + 1];
    for (int i = 0; i < kids.length; i++) {
      long start = i == 0 ? 0 : points[i - 1];
      try {
        kids[i] = c.evaluate(representative(start)) ? MarkerNode.TRUE : MarkerNode.FALSE;
      } catch (InvalidMarkerException undefined) {
        return atom(c); // undefined for every release: keep it, evaluation raises as packaging does
      }
    }
    return MarkerNode.python(points, kids);
  }

  private static void addCuts(TreeSet<Long> cuts, long[] r) {
    cuts.add(MarkerNode.key(r[0], r[1], r[2]));
    cuts.add(MarkerNode.key(r[0], r[1], r[2] + 1));
    cuts.add(MarkerNode.key(r[0], r[1] + 1, 0));
    cuts.add(MarkerNode.key(r[0] + 1, 0, 0));
  }

  /** An environment whose Python release is {@code key}. */
  static MarkerEnvironment representative(long key) {
    String minor = MarkerNode.major(key) + "." + MarkerNode.minor(key);
    String full = minor + "." + MarkerNode.patch(key);
    return MarkerEnvironment.cpython(full, MarkerEnvironment.Platform.LINUX_X86_64)
        .with("python_version", minor);
  }

  /** Every substring of {@code s} of the form {@code N.N} ({@code parts} 2) or {@code N.N.N}. */
  private static List<long[]> versionLikeSubstrings(String s, int parts) {
    List<long[]> found = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      long[] release = new long[3];
      int part = 0;
      boolean digits = false;
      for (int j = i; j < s.length(); j++) {
        char ch = s.charAt(j);
        if (ch >= '0' && ch <= '9') {
          release[part] = Math.min(Integer.MAX_VALUE, release[part] * 10 + (ch - '0'));
          digits = true;
          if (part == parts - 1) {
            found.add(release.clone());
          }
        } else if (ch == '.' && digits && part < parts - 1) {
          part++;
          digits = false;
        } else {
          break;
        }
      }
    }
    return found;
  }
}
