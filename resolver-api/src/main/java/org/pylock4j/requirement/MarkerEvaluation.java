package org.pylock4j.requirement;

import java.util.Optional;
import java.util.Set;
import org.pylock4j.error.InvalidMarkerException;
import org.pylock4j.internal.PyStrings;
import org.pylock4j.version.Specifier;

/**
 * One comparison evaluated as {@code packaging} 26's {@code _evaluate_markers}, {@code _normalize}
 * and {@code _eval_op} do.
 *
 * <ul>
 *   <li>The variable's value is looked up; when the left operand is a literal, the right operand
 *       names the variable and the literal is the left-hand value.
 *   <li>For {@code python_version}, {@code python_full_version}, {@code implementation_version}
 *       and {@code platform_release}: when {@code op + rhs} is a valid PEP 440 specifier, the
 *       result is whether it contains {@code lhs} (pre-releases admitted; {@code false} when
 *       {@code lhs} is not a version; {@code ===} compares strings case-insensitively).
 *   <li>Otherwise strings are compared: {@code ==}, {@code !=}, {@code in}, {@code not in} as
 *       usual, {@code <=} and {@code >=} as {@code ==}, {@code <} and {@code >} are false, and
 *       {@code ~=} and {@code ===} are undefined (an error).
 * </ul>
 */
final class MarkerEvaluation {

  private static final Set<String> VERSION_VARIABLES =
      Set.of("implementation_version", "platform_release", "python_full_version", "python_version");
  private static final Set<String> SET_VARIABLES = Set.of("extras", "dependency_groups");

  private MarkerEvaluation() {}

  static boolean evaluate(Marker.Comparison comparison, MarkerEnvironment environment) {
    String key;
    String lhs;
    String rhs;
    if (comparison.left() instanceof Marker.Variable variable) {
      key = variable.name();
      lhs = lookup(environment, key, comparison);
      rhs = comparison.right().text();
    } else {
      lhs = comparison.left().text();
      key = comparison.right().text();
      rhs = lookup(environment, key, comparison);
    }
    if (SET_VARIABLES.contains(key)) {
      lhs = ProjectName.normalize(lhs);
      rhs = ProjectName.normalize(rhs);
    }
    return compare(lhs, comparison.op(), rhs, key, comparison);
  }

  private static String lookup(MarkerEnvironment environment, String key, Marker comparison) {
    Optional<String> value = environment.get(key);
    if (key.equals("extra")) {
      return value.filter(v -> !v.isEmpty()).map(ProjectName::normalize).orElse("");
    }
    if (value.isEmpty()) {
      throw new InvalidMarkerException(
          "the marker environment has no value for " + PyStrings.repr(key),
          comparison.toString());
    }
    if (key.equals("python_full_version") && value.get().endsWith("+")) {
      return value.get() + "local";
    }
    return value.get();
  }

  /** The specifier {@code text}, or null when it is none (packaging then compares strings). */
  private static Specifier specifierOrNull(String text) {
    return Specifier.tryParse(text).orElse(null);
  }

  private static boolean compare(
      String lhs, String op, String rhs, String key, Marker.Comparison comparison) {
    if (VERSION_VARIABLES.contains(key)) {
      Specifier specifier = specifierOrNull(op + rhs);
      if (specifier != null) {
        return specifier.contains(lhs, true);
      }
    }
    switch (op) {
      case "in":
        return rhs.contains(lhs);
      case "not in":
        return !rhs.contains(lhs);
      case "==":
      case "<=":
      case ">=":
        return lhs.equals(rhs);
      case "!=":
        return !lhs.equals(rhs);
      case "<":
      case ">":
        return false;
      default:
        throw new InvalidMarkerException(
            "Undefined <Op("
                + PyStrings.repr(op)
                + ")> on "
                + PyStrings.repr(lhs)
                + " and "
                + PyStrings.repr(rhs)
                + ".",
            comparison.toString());
    }
  }
}
