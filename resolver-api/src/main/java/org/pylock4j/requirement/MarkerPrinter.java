package org.pylock4j.requirement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link MarkerNode} back as a short PEP 508 marker: a disjunction of conjunctions read
 * off the diagram's paths to true, each conjunction stripped of the tests the function does not
 * need (within a context, e.g. the lock's {@code requires-python}), conjunctions implied by
 * others dropped.
 */
final class MarkerPrinter {

  private MarkerPrinter() {}

  /** One test of a conjunction: variable {@code var} in {@code set} (a diagram with one node). */
  private record Literal(MarkerNode.Var var, MarkerNode set) {}

  static String print(MarkerNode f, MarkerNode context) {
    MarkerNode target = MarkerNode.and(f, context);
    if (target == MarkerNode.FALSE) {
      return "python_version < \"0\"";
    }
    if (MarkerNode.and(context, MarkerNode.not(target)) == MarkerNode.FALSE) {
      return "";
    }
    List<List<Literal>> terms = new ArrayList<>();
    paths(f, new ArrayList<>(), terms);
    MarkerNode notTarget = MarkerNode.not(target);
    List<List<Literal>> kept = new ArrayList<>();
    for (List<Literal> term : terms) {
      List<Literal> t = new ArrayList<>(term);
      for (int i = 0; i < t.size(); ) {
        Literal l = t.get(i);
        List<Literal> without = new ArrayList<>(t);
        without.remove(i);
        if (implies(conjunction(without), context, notTarget)) {
          t = without;
          continue;
        }
        Literal wider = widen(l, t, i, context, notTarget);
        if (wider != null) {
          t.set(i, wider);
        }
        i++;
      }
      if (!kept.contains(t)) {
        kept.add(t);
      }
    }
    // drop terms the others cover
    for (int i = 0; i < kept.size(); ) {
      MarkerNode others = MarkerNode.FALSE;
      for (int j = 0; j < kept.size(); j++) {
        if (j != i) {
          others = MarkerNode.or(others, conjunction(kept.get(j)));
        }
      }
      if (MarkerNode.and(MarkerNode.and(target, context), MarkerNode.not(others))
          == MarkerNode.FALSE) {
        kept.remove(i);
      } else {
        i++;
      }
    }
    List<String> out = new ArrayList<>();
    for (List<Literal> t : kept) {
      List<String> parts = new ArrayList<>();
      for (Literal l : t) {
        String s = render(l);
        parts.add(t.size() > 1 && s.contains(" or ") ? "(" + s + ")" : s);
      }
      out.add(String.join(" and ", parts));
    }
    return String.join(" or ", out);
  }

  /** For a Python range, tries dropping its lower, then its upper bound. */
  private static Literal widen(Literal l, List<Literal> term, int index, MarkerNode context,
      MarkerNode notTarget) {
    if (l.var().kind() != MarkerNode.Kind.PYTHON || l.set().cuts.length != 2
        || l.set().kids[1] != MarkerNode.TRUE) {
      return null;
    }
    long lo = l.set().cuts[0];
    long hi = l.set().cuts[1];
    for (MarkerNode candidate : new MarkerNode[] {
        MarkerNode.python(new long[] {hi}, new MarkerNode[] {MarkerNode.TRUE, MarkerNode.FALSE}),
        MarkerNode.python(new long[] {lo}, new MarkerNode[] {MarkerNode.FALSE, MarkerNode.TRUE})}) {
      List<Literal> t = new ArrayList<>(term);
      t.set(index, new Literal(l.var(), candidate));
      if (implies(conjunction(t), context, notTarget)) {
        return new Literal(l.var(), candidate);
      }
    }
    return null;
  }

  private static boolean implies(MarkerNode term, MarkerNode context, MarkerNode notTarget) {
    return MarkerNode.and(MarkerNode.and(term, context), notTarget) == MarkerNode.FALSE;
  }

  private static MarkerNode conjunction(List<Literal> term) {
    MarkerNode n = MarkerNode.TRUE;
    for (Literal l : term) {
      n = MarkerNode.and(n, l.set());
    }
    return n;
  }

  /** Every path to true, one literal per variable, children with the same subdiagram merged. */
  private static void paths(MarkerNode n, List<Literal> prefix, List<List<Literal>> out) {
    if (n == MarkerNode.TRUE) {
      out.add(List.copyOf(prefix));
      return;
    }
    if (n == MarkerNode.FALSE) {
      return;
    }
    Map<MarkerNode, MarkerNode> sets = new LinkedHashMap<>();
    for (MarkerNode kid : n.kids) {
      if (kid == MarkerNode.FALSE || sets.containsKey(kid)) {
        continue;
      }
      MarkerNode[] indicator = new MarkerNode[n.kids.length];
      for (int i = 0; i < indicator.length; i++) {
        indicator[i] = n.kids[i].equals(kid) ? MarkerNode.TRUE : MarkerNode.FALSE;
      }
      MarkerNode set = switch (n.var.kind()) {
        case PYTHON -> MarkerNode.python(n.cuts, indicator);
        case STRING -> MarkerNode.string(n.var, n.values, indicator);
        default -> MarkerNode.atom(n.var, indicator[0], indicator[1]);
      };
      sets.put(kid, set);
    }
    for (Map.Entry<MarkerNode, MarkerNode> e : sets.entrySet()) {
      prefix.add(new Literal(n.var, e.getValue()));
      paths(e.getKey(), prefix, out);
      prefix.remove(prefix.size() - 1);
    }
  }

  // ------------------------------------------------------------------ rendering

  private static String render(Literal l) {
    MarkerNode s = l.set();
    return switch (l.var().kind()) {
      case PYTHON -> python(s);
      case STRING -> string(l.var().name(), s);
      default -> atom(l.var().atom(), s.kids[1] == MarkerNode.TRUE);
    };
  }

  private static String atom(Marker.Comparison c, boolean positive) {
    if (positive) {
      return c.toString();
    }
    if (!MarkerLeaves.negatable(c)) {
      throw new IllegalStateException("no PEP 508 marker says: not (" + c + ")");
    }
    String negated = switch (c.op()) {
      case "==" -> "!=";
      case "!=" -> "==";
      case "in" -> "not in";
      default -> "in";
    };
    return new Marker.Comparison(c.left(), negated, c.right()).toString();
  }

  private static String string(String name, MarkerNode s) {
    boolean others = s.kids[s.values.length] == MarkerNode.TRUE;
    List<String> parts = new ArrayList<>();
    for (String v : s.values) {
      parts.add(name + (others ? " != " : " == ") + quote(v));
    }
    return String.join(others ? " and " : " or ", parts);
  }

  private static String quote(String v) {
    String escaped = v.replace("\\", "\\\\");
    return v.contains("\"") ? "'" + escaped + "'" : "\"" + escaped + "\"";
  }

  /** A set of releases: intervals {@code [lo, hi)} of keys. */
  private static String python(MarkerNode s) {
    List<long[]> intervals = new ArrayList<>();
    for (int i = 0; i < s.kids.length; i++) {
      if (s.kids[i] == MarkerNode.TRUE) {
        long lo = i == 0 ? 0 : s.cuts[i - 1];
        long hi = i == s.cuts.length ? Long.MAX_VALUE : s.cuts[i];
        intervals.add(new long[] {lo, hi});
      }
    }
    if (intervals.size() == 1) {
      return interval(intervals.get(0)[0], intervals.get(0)[1]);
    }
    // Holes that are one minor or one release: the hull and a != per hole.
    List<String> holes = new ArrayList<>();
    for (int i = 1; i < intervals.size(); i++) {
      String hole = single(intervals.get(i - 1)[1], intervals.get(i)[0], "!=");
      if (hole == null) {
        holes = null;
        break;
      }
      holes.add(hole);
    }
    if (holes != null) {
      List<String> parts = new ArrayList<>();
      String hull = interval(intervals.get(0)[0], intervals.get(intervals.size() - 1)[1]);
      if (!hull.isEmpty()) {
        parts.add(hull);
      }
      parts.addAll(holes);
      return String.join(" and ", parts);
    }
    List<String> parts = new ArrayList<>();
    for (long[] iv : intervals) {
      parts.add(interval(iv[0], iv[1]));
    }
    return String.join(" or ", parts);
  }

  /** {@code [lo, hi)} as a conjunction of at most two comparisons. */
  private static String interval(long lo, long hi) {
    String one = single(lo, hi, "==");
    if (one != null) {
      return one;
    }
    List<String> parts = new ArrayList<>();
    if (lo != 0) {
      parts.add(bound(lo, ">="));
    }
    if (hi != Long.MAX_VALUE) {
      parts.add(bound(hi, "<"));
    }
    return String.join(" and ", parts);
  }

  /** {@code [lo, hi)} as one minor or one release compared with {@code op}, or null. */
  private static String single(long lo, long hi, String op) {
    long x = MarkerNode.major(lo);
    long y = MarkerNode.minor(lo);
    long z = MarkerNode.patch(lo);
    if (z == 0 && hi == MarkerNode.key(x, y + 1, 0)) {
      return "python_version " + op + " \"" + x + "." + y + "\"";
    }
    if (hi == MarkerNode.key(x, y, z + 1)) {
      return "python_full_version " + op + " \"" + x + "." + y + "." + z + "\"";
    }
    return null;
  }

  private static String bound(long key, String op) {
    long x = MarkerNode.major(key);
    long y = MarkerNode.minor(key);
    long z = MarkerNode.patch(key);
    return z == 0
        ? "python_version " + op + " \"" + x + "." + y + "\""
        : "python_full_version " + op + " \"" + x + "." + y + "." + z + "\"";
  }
}
