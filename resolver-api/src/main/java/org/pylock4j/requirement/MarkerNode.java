package org.pylock4j.requirement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A node of a reduced, ordered decision diagram over the marker variables (what {@link
 * MarkerTree} wraps). Variables are tested in a fixed order: the Python version first, then the
 * string variables, then every uninterpreted comparison by its text.
 *
 * <ul>
 *   <li>{@code PYTHON} (the Python release, {@link #key(long, long, long)}): the version line is
 *       cut at {@link #cuts} into segments {@code [0, c0), [c0, c1), …, [cn, ∞)}, one child each;
 *       adjacent children differ.
 *   <li>{@code STRING} (e.g. {@code sys_platform}): one child per listed value, then one for every
 *       other value; no listed value has the same child as the others.
 *   <li>{@code ATOM} (an uninterpreted comparison): children for false and true, which differ.
 * </ul>
 *
 * <p>Reduced and ordered, the diagram of a function is unique, so structural equality is equality
 * of functions. Immutable; no interning, so no shared mutable state.
 */
final class MarkerNode {

  enum Kind { PYTHON, STRING, ATOM }

  /** A diagram variable; ordered by rank, then name. */
  record Var(int rank, String name, Kind kind, Marker.Comparison atom) implements Comparable<Var> {
    @Override
    public int compareTo(Var o) {
      return rank != o.rank ? Integer.compare(rank, o.rank) : name.compareTo(o.name);
    }
  }

  /** The string variables the algebra interprets, in diagram order. */
  static final List<String> STRING_VARIABLES = List.of(
      "implementation_name", "platform_python_implementation", "sys_platform", "os_name",
      "platform_system", "platform_machine", "extra");

  static final Var PYTHON = new Var(0, "python", Kind.PYTHON, null);
  private static final int ATOM_RANK = 1 + STRING_VARIABLES.size();

  static final MarkerNode TRUE = new MarkerNode(null, null, null, null);
  static final MarkerNode FALSE = new MarkerNode(null, null, null, null);

  private static final int BITS = 21;
  private static final long COMPONENT_MAX = (1L << BITS) - 1;

  final Var var;
  final long[] cuts;
  final String[] values;
  final MarkerNode[] kids;
  private final int hash;

  private MarkerNode(Var var, long[] cuts, String[] values, MarkerNode[] kids) {
    this.var = var;
    this.cuts = cuts;
    this.values = values;
    this.kids = kids;
    this.hash = var == null ? System.identityHashCode(this)
        : Objects.hash(var, Arrays.hashCode(cuts), Arrays.hashCode(values), Arrays.hashCode(kids));
  }

  static Var stringVar(String name) {
    return new Var(1 + STRING_VARIABLES.indexOf(name), name, Kind.STRING, null);
  }

  static Var atomVar(Marker.Comparison c) {
    return new Var(ATOM_RANK, c.toString(), Kind.ATOM, c);
  }

  boolean terminal() {
    return var == null;
  }

  // ------------------------------------------------------------------ Python release keys

  /** The key of release {@code x.y.z}, each component clamped to 2^21 - 1. */
  static long key(long x, long y, long z) {
    return (clamp(x) << (2 * BITS)) | (clamp(y) << BITS) | clamp(z);
  }

  private static long clamp(long c) {
    return c < 0 ? 0 : Math.min(c, COMPONENT_MAX);
  }

  static long major(long key) {
    return key >>> (2 * BITS);
  }

  static long minor(long key) {
    return (key >>> BITS) & COMPONENT_MAX;
  }

  static long patch(long key) {
    return key & COMPONENT_MAX;
  }

  // ------------------------------------------------------------------ constructors (reducing)

  static MarkerNode python(long[] cuts, MarkerNode[] kids) {
    List<Long> c = new ArrayList<>();
    List<MarkerNode> k = new ArrayList<>();
    k.add(kids[0]);
    for (int i = 0; i < cuts.length; i++) {
      if (!kids[i + 1].equals(k.get(k.size() - 1))) {
        c.add(cuts[i]);
        k.add(kids[i + 1]);
      }
    }
    if (k.size() == 1) {
      return k.get(0);
    }
    return new MarkerNode(PYTHON, c.stream().mapToLong(Long::longValue).toArray(), null,
        k.toArray(new MarkerNode[0]));
  }

  static MarkerNode string(Var var, String[] values, MarkerNode[] kids) {
    MarkerNode other = kids[values.length];
    List<String> v = new ArrayList<>();
    List<MarkerNode> k = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (!kids[i].equals(other)) {
        v.add(values[i]);
        k.add(kids[i]);
      }
    }
    if (v.isEmpty()) {
      return other;
    }
    k.add(other);
    return new MarkerNode(var, null, v.toArray(new String[0]), k.toArray(new MarkerNode[0]));
  }

  static MarkerNode atom(Var var, MarkerNode whenFalse, MarkerNode whenTrue) {
    if (whenFalse.equals(whenTrue)) {
      return whenFalse;
    }
    return new MarkerNode(var, null, null, new MarkerNode[] {whenFalse, whenTrue});
  }

  // ------------------------------------------------------------------ cofactors

  /** The child for the Python segment starting at {@code start}, or this node if it tests another. */
  MarkerNode atPython(long start) {
    if (var != PYTHON) {
      return this;
    }
    int i = 0;
    while (i < cuts.length && cuts[i] <= start) {
      i++;
    }
    return kids[i];
  }

  MarkerNode atString(Var v, String value) {
    if (!v.equals(var)) {
      return this;
    }
    int i = Arrays.binarySearch(values, value);
    return kids[i >= 0 ? i : values.length];
  }

  MarkerNode atAtom(Var v, boolean value) {
    if (!v.equals(var)) {
      return this;
    }
    return kids[value ? 1 : 0];
  }

  // ------------------------------------------------------------------ operations

  static MarkerNode and(MarkerNode a, MarkerNode b) {
    return apply(true, a, b, new HashMap<>());
  }

  static MarkerNode or(MarkerNode a, MarkerNode b) {
    return apply(false, a, b, new HashMap<>());
  }

  private record Pair(MarkerNode a, MarkerNode b) {}

  private static MarkerNode apply(boolean and, MarkerNode a, MarkerNode b,
      Map<Pair, MarkerNode> memo) {
    MarkerNode absorbing = and ? FALSE : TRUE;
    MarkerNode neutral = and ? TRUE : FALSE;
    if (a == absorbing || b == absorbing) {
      return absorbing;
    }
    if (a == neutral) {
      return b;
    }
    if (b == neutral || a.equals(b)) {
      return a;
    }
    Pair key = new Pair(a, b);
    MarkerNode done = memo.get(key);
    if (done != null) {
      return done;
    }
    Var v = a.var.compareTo(b.var) <= 0 ? a.var : b.var;
    MarkerNode result;
    switch (v.kind()) {
      case PYTHON -> {
        TreeSet<Long> all = new TreeSet<>();
        for (MarkerNode n : new MarkerNode[] {a, b}) {
          if (n.var == PYTHON) {
            for (long c : n.cuts) {
              all.add(c);
            }
          }
        }
        long[] cuts = all.stream().mapToLong(Long::longValue).toArray();
        MarkerNode[] kids = new MarkerNode[cuts.length + 1];
        for (int i = 0; i < kids.length; i++) {
          long start = i == 0 ? 0 : cuts[i - 1];
          kids[i] = apply(and, a.atPython(start), b.atPython(start), memo);
        }
        result = python(cuts, kids);
      }
      case STRING -> {
        TreeSet<String> all = new TreeSet<>();
        for (MarkerNode n : new MarkerNode[] {a, b}) {
          if (v.equals(n.var)) {
            all.addAll(Arrays.asList(n.values));
          }
        }
        String[] values = all.toArray(new String[0]);
        MarkerNode[] kids = new MarkerNode[values.length + 1];
        for (int i = 0; i < values.length; i++) {
          kids[i] = apply(and, a.atString(v, values[i]), b.atString(v, values[i]), memo);
        }
        kids[values.length] =
            apply(and, a.otherString(v), b.otherString(v), memo);
        result = string(v, values, kids);
      }
      default -> result = atom(v,
          apply(and, a.atAtom(v, false), b.atAtom(v, false), memo),
          apply(and, a.atAtom(v, true), b.atAtom(v, true), memo));
    }
    memo.put(key, result);
    return result;
  }

  private MarkerNode otherString(Var v) {
    return v.equals(var) ? kids[values.length] : this;
  }

  static MarkerNode not(MarkerNode a) {
    if (a == TRUE) {
      return FALSE;
    }
    if (a == FALSE) {
      return TRUE;
    }
    MarkerNode[] kids = new MarkerNode[a.kids.length];
    for (int i = 0; i < kids.length; i++) {
      kids[i] = not(a.kids[i]);
    }
    return new MarkerNode(a.var, a.cuts, a.values, kids);
  }

  /** This function with string variable {@code v} fixed to {@code value}. */
  static MarkerNode restrict(MarkerNode a, Var v, String value) {
    if (a.terminal() || a.var.compareTo(v) > 0) {
      return a;
    }
    if (a.var.equals(v)) {
      return a.atString(v, value);
    }
    MarkerNode[] kids = new MarkerNode[a.kids.length];
    for (int i = 0; i < kids.length; i++) {
      kids[i] = restrict(a.kids[i], v, value);
    }
    return switch (a.var.kind()) {
      case PYTHON -> python(a.cuts, kids);
      case STRING -> string(a.var, a.values, kids);
      default -> atom(a.var, kids[0], kids[1]);
    };
  }

  boolean evaluate(MarkerEnvironment environment) {
    MarkerNode n = this;
    while (!n.terminal()) {
      switch (n.var.kind()) {
        case PYTHON -> n = n.atPython(pythonKey(environment));
        case STRING -> {
          String value = environment.get(n.var.name()).orElse("");
          if (n.var.name().equals("extra") && !value.isEmpty()) {
            value = ProjectName.normalize(value);
          }
          n = n.atString(n.var, value);
        }
        default -> n = n.atAtom(n.var, n.var.atom().evaluate(environment));
      }
    }
    return n == TRUE;
  }

  /** The key of the environment's {@code python_full_version} (its release, first three parts). */
  static long pythonKey(MarkerEnvironment environment) {
    String full = environment.get("python_full_version").orElse("0");
    long[] parts = new long[3];
    int i = 0;
    int p = 0;
    while (i < full.length() && p < 3) {
      char ch = full.charAt(i);
      if (ch >= '0' && ch <= '9') {
        parts[p] = Math.min(COMPONENT_MAX, parts[p] * 10 + (ch - '0'));
      } else if (ch == '.') {
        p++;
      } else {
        break;
      }
      i++;
    }
    return key(parts[0], parts[1], parts[2]);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MarkerNode n) || var == null || n.var == null || hash != n.hash) {
      return false;
    }
    return var.equals(n.var) && Arrays.equals(cuts, n.cuts) && Arrays.equals(values, n.values)
        && Arrays.equals(kids, n.kids);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
