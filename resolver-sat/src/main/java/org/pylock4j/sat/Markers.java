package org.pylock4j.sat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pylock4j.requirement.Marker;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.MarkerTree;

/**
 * Decides whether a requirement's marker applies: for one target, by evaluating it without an
 * extra ({@code extra == ""}, as {@code packaging} does for a requirement of a package installed
 * without extras) and with one extra active; for a region of a universal resolution, by whether
 * it holds somewhere in the region (so the requirement is satisfied in the whole region, and the
 * lock's markers then say exactly where it is needed).
 */
final class Markers {

  private final MarkerEnvironment target;
  private final MarkerEnvironment base;
  private final Map<String, MarkerEnvironment> withExtra = new HashMap<>();
  private final MarkerTree region;
  private final Map<Marker, MarkerTree> trees = new ConcurrentHashMap<>();
  private final Map<Marker, Boolean> holds = new ConcurrentHashMap<>();

  Markers(MarkerEnvironment target) {
    this.target = target;
    this.base = withExtraOrSelf(target, "");
    this.region = null;
  }

  Markers(MarkerTree region, MarkerEnvironment sample) {
    this.target = sample;
    this.base = withExtraOrSelf(sample, "");
    this.region = region;
  }

  /** The region of a universal resolution, null for a single target. */
  MarkerTree region() {
    return region;
  }

  /**
   * The environments where {@code marker} (null: none) holds; none for a marker that cannot be
   * evaluated (an undefined comparison such as {@code os_name ~= "nt"}), which a resolution for
   * one target ignores with a warning too.
   */
  MarkerTree tree(Marker marker) {
    return marker == null ? MarkerTree.always() : trees.computeIfAbsent(marker, m -> {
      try {
        m.evaluate(base);
      } catch (RuntimeException undefined) {
        return MarkerTree.never();
      }
      return MarkerTree.of(m);
    });
  }

  /** Whether {@code marker} (null: none) holds for the target (somewhere in the region) without extras. */
  boolean holds(Marker marker) {
    if (marker == null) {
      return true;
    }
    if (region != null) {
      marker.evaluate(base); // an undefined comparison throws, as for one target
      return holds.computeIfAbsent(marker,
          m -> !tree(m).withExtra("").and(region).isAlwaysFalse());
    }
    return marker.evaluate(base);
  }

  /** Whether {@code marker} holds with {@code extra} active but not without it. */
  boolean holdsOnlyWithExtra(Marker marker, String extra) {
    if (marker == null || holds(marker)) {
      return false;
    }
    if (region != null) {
      return !tree(marker).withExtra(extra).and(region).isAlwaysFalse();
    }
    synchronized (withExtra) {
      return marker.evaluate(withExtra.computeIfAbsent(extra, e -> withExtraOrSelf(target, e)));
    }
  }

  private static MarkerEnvironment withExtraOrSelf(MarkerEnvironment env, String extra) {
    try {
      return env.withExtra(extra);
    } catch (RuntimeException e) {
      return env;
    }
  }
}
