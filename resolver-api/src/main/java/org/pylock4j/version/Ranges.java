package org.pylock4j.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The versions a specifier admits as sorted, disjoint ranges, and their intersection: {@code
 * packaging}'s {@code SpecifierSet.is_unsatisfiable} (26.x), point for point.
 *
 * <p>A range end is a version, a boundary between versions ({@code AFTER_LOCALS(V)} sorts after
 * {@code V} and every {@code V+local}, before {@code V.post0}; {@code AFTER_POSTS(V)} after every
 * {@code V.postN}), or null for infinity.
 */
final class Ranges {

  private Ranges() {}

  private static final int AFTER_LOCALS = 1;
  private static final int AFTER_POSTS = 2;
  private static final Version MIN = Version.parse("0.dev0");

  /** A boundary between real versions. */
  private record Boundary(Version version, int kind) {}

  /** One end of a range: a Version, a Boundary, or null (infinite). */
  private record End(Object point, boolean inclusive) {}

  /** A range from lower to upper. */
  private record Range(End lower, End upper) {}

  private static final End NEG_INF = new End(null, false);
  private static final End POS_INF = new End(null, false);
  private static final List<Range> FULL = List.of(new Range(NEG_INF, POS_INF));

  /** Whether no version is admitted by every clause (pre-release rules aside). */
  static boolean unsatisfiable(List<Specifier> specs) {
    if (specs.isEmpty()) {
      return false;
    }
    List<Range> result = null;
    for (Specifier s : specs) {
      List<Range> r = ranges(s);
      result = result == null ? r : intersect(result, r);
      if (result.isEmpty()) {
        return true;
      }
    }
    return arbitraryUnsatisfiable(specs);
  }

  private static boolean arbitraryUnsatisfiable(List<Specifier> specs) {
    List<Specifier> arbitrary = new ArrayList<>();
    List<Specifier> standard = new ArrayList<>();
    for (Specifier s : specs) {
      (s.operator().equals("===") ? arbitrary : standard).add(s);
    }
    if (arbitrary.isEmpty()) {
      return false;
    }
    String first = arbitrary.get(0).version().toLowerCase(java.util.Locale.ROOT);
    for (Specifier s : arbitrary) {
      if (!s.version().toLowerCase(java.util.Locale.ROOT).equals(first)) {
        return true;
      }
    }
    if (standard.isEmpty()) {
      return false;
    }
    Version candidate = VersionParser.parse(arbitrary.get(0).version());
    if (candidate == null) {
      return true;
    }
    for (Specifier s : standard) {
      if (!s.contains(candidate)) {
        return true;
      }
    }
    return false;
  }

  // ---- one clause ------------------------------------------------------------------------

  private static List<Range> ranges(Specifier s) {
    String op = s.operator();
    if (op.equals("===")) {
      return FULL;
    }
    Version v = s.parsedVersion().orElseThrow();
    if (s.isWildcard()) {
      Version lower = baseDev0(v);
      Version upper = nextPrefixDev0(v.epoch(), v.release());
      if (op.equals("==")) {
        return List.of(new Range(new End(lower, true), new End(upper, false)));
      }
      return List.of(
          new Range(NEG_INF, new End(lower, false)),
          new Range(new End(upper, true), POS_INF));
    }
    switch (op) {
      case ">=":
        return List.of(new Range(new End(v, true), POS_INF));
      case "<=":
        return List.of(
            new Range(NEG_INF, new End(new Boundary(v, AFTER_LOCALS), true)));
      case ">":
        if (v.isDevRelease()) {
          Optional<BigInteger> dev = Optional.of(v.dev().get().add(BigInteger.ONE));
          Version next = suffixed(v, v.pre(), v.post(), dev);
          return List.of(new Range(new End(next, true), POS_INF));
        }
        if (v.isPostRelease()) {
          Version next =
              suffixed(v, v.pre(), Optional.of(v.post().get().add(BigInteger.ONE)),
                  Optional.of(BigInteger.ZERO));
          return List.of(new Range(new End(next, true), POS_INF));
        }
        return List.of(
            new Range(new End(new Boundary(v, AFTER_POSTS), false), POS_INF));
      case "<": {
        Version bound =
            v.isPrerelease() ? v : suffixed(v, v.pre(), v.post(), Optional.of(BigInteger.ZERO));
        if (bound.compareTo(MIN) <= 0) {
          return List.of();
        }
        return List.of(new Range(NEG_INF, new End(bound, false)));
      }
      case "~=": {
        List<BigInteger> rel = v.release();
        Version upper = nextPrefixDev0(v.epoch(), rel.subList(0, rel.size() - 1));
        return List.of(new Range(new End(v, true), new End(upper, false)));
      }
      default:
        break;
    }
    Object upper = s.version().contains("+") ? v : new Boundary(v, AFTER_LOCALS);
    if (op.equals("==")) {
      return List.of(new Range(new End(v, true), new End(upper, true)));
    }
    return List.of(
        new Range(NEG_INF, new End(v, false)),
        new Range(new End(upper, false), POS_INF));
  }

  private static Version baseDev0(Version v) {
    Optional<BigInteger> dev0 = Optional.of(BigInteger.ZERO);
    return build(v.epoch(), v.release(), Optional.empty(), Optional.empty(), dev0);
  }

  private static Version nextPrefixDev0(BigInteger epoch, List<BigInteger> release) {
    List<BigInteger> next = new ArrayList<>(release);
    next.set(next.size() - 1, next.get(next.size() - 1).add(BigInteger.ONE));
    return build(epoch, next, Optional.empty(), Optional.empty(), Optional.of(BigInteger.ZERO));
  }

  private static Version suffixed(
      Version v,
      Optional<Version.PreRelease> pre,
      Optional<BigInteger> post,
      Optional<BigInteger> dev) {
    return build(v.epoch(), v.release(), pre, post, dev);
  }

  private static Version build(
      BigInteger epoch,
      List<BigInteger> release,
      Optional<Version.PreRelease> pre,
      Optional<BigInteger> post,
      Optional<BigInteger> dev) {
    StringBuilder sb = new StringBuilder();
    sb.append(epoch).append('!');
    for (int i = 0; i < release.size(); i++) {
      sb.append(i == 0 ? "" : ".").append(release.get(i));
    }
    pre.ifPresent(p -> sb.append(p.label()).append(p.number()));
    post.ifPresent(p -> sb.append(".post").append(p));
    dev.ifPresent(d -> sb.append(".dev").append(d));
    return Version.parse(sb.toString());
  }

  // ---- order of range ends ---------------------------------------------------------------

  /** Orders two finite points as packaging does; a Boundary never equals a Version. */
  private static int compare(Object a, Object b) {
    if (a instanceof Version x && b instanceof Version y) {
      return x.compareTo(y);
    }
    if (a instanceof Boundary x && b instanceof Boundary y) {
      int c = x.version().compareTo(y.version());
      return c != 0 ? c : Integer.compare(x.kind(), y.kind());
    }
    if (a instanceof Boundary x) {
      return !inFamily(x, (Version) b) && x.version().compareTo((Version) b) < 0 ? -1 : 1;
    }
    return -compare(b, a);
  }

  /** Whether {@code other} is a version the boundary sorts above although it is not below it. */
  private static boolean inFamily(Boundary b, Version other) {
    Version v = b.version();
    if (!(other.epoch().equals(v.epoch())
        && other.sameRelease(v)
        && other.pre().equals(v.pre()))) {
      return false;
    }
    if (b.kind() == AFTER_LOCALS) {
      return other.post().equals(v.post()) && other.dev().equals(v.dev());
    }
    return other.dev().equals(v.dev()) || other.isPostRelease();
  }

  private static int compareLower(End a, End b) {
    if (a.point() == null) {
      return b.point() == null ? 0 : -1;
    }
    if (b.point() == null) {
      return 1;
    }
    int c = compare(a.point(), b.point());
    if (c != 0) {
      return c;
    }
    return a.inclusive() == b.inclusive() ? 0 : (a.inclusive() ? -1 : 1);
  }

  private static int compareUpper(End a, End b) {
    if (a.point() == null) {
      return b.point() == null ? 0 : 1;
    }
    if (b.point() == null) {
      return -1;
    }
    int c = compare(a.point(), b.point());
    if (c != 0) {
      return c;
    }
    return a.inclusive() == b.inclusive() ? 0 : (a.inclusive() ? 1 : -1);
  }

  private static boolean isEmpty(End lower, End upper) {
    if (lower.point() == null || upper.point() == null) {
      return false;
    }
    int c = compare(lower.point(), upper.point());
    if (c == 0) {
      return !(lower.inclusive() && upper.inclusive());
    }
    return c > 0;
  }

  private static List<Range> intersect(List<Range> left, List<Range> right) {
    List<Range> result = new ArrayList<>();
    int l = 0;
    int r = 0;
    while (l < left.size() && r < right.size()) {
      Range a = left.get(l);
      Range b = right.get(r);
      End lower = compareLower(b.lower(), a.lower()) > 0 ? b.lower() : a.lower();
      End upper = compareUpper(b.upper(), a.upper()) < 0 ? b.upper() : a.upper();
      if (!isEmpty(lower, upper)) {
        result.add(new Range(lower, upper));
      }
      if (compareUpper(a.upper(), b.upper()) < 0) {
        l++;
      } else {
        r++;
      }
    }
    return result;
  }
}
