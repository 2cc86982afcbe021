package org.pylock4j.sat;

import java.util.HashMap;
import java.util.Map;
import org.pylock4j.requirement.Marker;
import org.pylock4j.requirement.MarkerEnvironment;

/**
 * Evaluates markers for the target: without an extra ({@code extra == ""}, as {@code packaging}
 * does for a requirement of a package installed without extras) and with one extra active.
 */
final class Markers {

  private final MarkerEnvironment target;
  private final MarkerEnvironment base;
  private final Map<String, MarkerEnvironment> withExtra = new HashMap<>();

  Markers(MarkerEnvironment target) {
    this.target = target;
    this.base = withExtraOrSelf(target, "");
  }

  /** Whether {@code marker} (null: none) holds for the target without extras. */
  boolean holds(Marker marker) {
    return marker == null || marker.evaluate(base);
  }

  /** Whether {@code marker} holds with {@code extra} active but not without it. */
  boolean holdsOnlyWithExtra(Marker marker, String extra) {
    if (marker == null || marker.evaluate(base)) {
      return false;
    }
    return marker.evaluate(withExtra.computeIfAbsent(extra, e -> withExtraOrSelf(target, e)));
  }

  private static MarkerEnvironment withExtraOrSelf(MarkerEnvironment env, String extra) {
    try {
      return env.withExtra(extra);
    } catch (RuntimeException e) {
      return env;
    }
  }
}
