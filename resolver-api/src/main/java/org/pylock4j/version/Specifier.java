package org.pylock4j.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.pylock4j.error.InvalidSpecifierException;

/**
 * One PEP 440 version specifier clause: an operator and a version ({@code ~=}, {@code ==},
 * {@code !=}, {@code <=}, {@code >=}, {@code <}, {@code >}, {@code ===}, with {@code .*}
 * wildcards for {@code ==} and {@code !=}).
 *
 * <p>Immutable and thread-safe; {@link #toString()} is the form {@code packaging} prints (the
 * operator followed by the version as written, surrounding whitespace removed). {@code equals}
 * follows {@code packaging}: {@code ==1.0} equals {@code ==1.0.0}.
 *
 * <p>Behaves as {@code packaging.specifiers.Specifier} 26.x (PEP 440, "Version specifiers"),
 * including its exclusive-comparison rules ({@code >1.7} excludes {@code 1.7.post1} and {@code
 * 1.7+local}; {@code <1.7} excludes {@code 1.7rc1}) and local-version rules. One deliberate
 * difference: a clause {@code packaging} accepts but cannot evaluate (its version part is not a
 * version, e.g. {@code ~=1.0poſt1} with a non-ASCII letter, on which {@code packaging} fails with
 * an {@code AssertionError}) is rejected here with {@link InvalidSpecifierException}.
 *
 * <pre>{@code
 * Specifier s = Specifier.parse(">= 1.0");          // toString() ">=1.0"
 * s.contains(Version.parse("1.1"));                   // true
 * s.contains(Version.parse("2.0rc1"), false);         // false: pre-release not admitted
 * }</pre>
 */
public final class Specifier {

  enum Op {
    COMPATIBLE("~="),
    EQUAL("=="),
    NOT_EQUAL("!="),
    LESS_EQUAL("<="),
    GREATER_EQUAL(">="),
    LESS("<"),
    GREATER(">"),
    ARBITRARY("===");

    final String text;

    Op(String text) {
      this.text = text;
    }
  }

  private final Op op;
  private final String version;
  /** The parsed version (the base of a wildcard); null only for an {@code ===} non-version. */
  private final Version spec;
  private final boolean wildcard;
  /** For {@code ==X.*}, {@code !=X.*} and {@code ~=}: the prefix to match, or null. */
  private final Wildcard prefix;
  /** For {@code <}: the earliest pre-release of the spec version that is excluded. */
  private final Version lessBound;

  private Specifier(Op op, String version, Version spec, boolean wildcard) {
    this.op = op;
    this.version = version;
    this.spec = spec;
    this.wildcard = wildcard;
    if (wildcard) {
      this.prefix = Wildcard.of(version.substring(0, version.length() - 2));
    } else if (op == Op.COMPATIBLE) {
      this.prefix = Wildcard.of(compatiblePrefix(version));
    } else {
      this.prefix = null;
    }
    if (op == Op.LESS && !spec.isPrerelease()) {
      this.lessBound =
          spec.derive(
              true,
              spec.isPostRelease() ? spec.postNumber() : null,
              java.math.BigInteger.ZERO,
              spec.releaseLength());
    } else {
      this.lessBound = null;
    }
  }

  /**
   * Parses one specifier clause, such as {@code ">=1.0"} or {@code "== 1.4.*"}; whitespace
   * around the operator and the version is allowed.
   *
   * @param text the clause, must not be null
   * @return the specifier, never null
   * @throws InvalidSpecifierException when {@code text} is not a specifier
   */
  public static Specifier parse(String text) {
    Objects.requireNonNull(text, "text");
    Object result = tryParse0(text);
    if (result instanceof Specifier) {
      return (Specifier) result;
    }
    throw new InvalidSpecifierException(
        "invalid specifier: " + PyStrings.repr(text) + " (" + result + ")", text);
  }

  /**
   * Parses one specifier clause, or returns empty when {@code text} is not one.
   *
   * @param text the clause, must not be null
   * @return the specifier, or empty, never null
   */
  public static Optional<Specifier> tryParse(String text) {
    Object result = tryParse0(Objects.requireNonNull(text, "text"));
    return result instanceof Specifier ? Optional.of((Specifier) result) : Optional.empty();
  }

  /** Returns a Specifier, or a String saying why the text is not one. */
  static Object tryParse0(String text) {
    String s = PyStrings.strip(text);
    Op op = operatorOf(s);
    if (op == null) {
      return "expected one of the operators ~= == != <= >= < > === before the version";
    }
    String v = PyStrings.strip(s.substring(op.text.length()));
    if (op == Op.ARBITRARY) {
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == ';' || c == ')' || PyStrings.isSpace(c)) {
          return "=== takes one word without whitespace, ';' or ')'";
        }
      }
      return new Specifier(op, v, VersionParser.parse(v), false);
    }
    if (v.isEmpty()) {
      return "no version after " + op.text;
    }
    if (PyStrings.containsSpace(v)) {
      return "whitespace inside the version";
    }
    if (v.endsWith(".*")) {
      if (op != Op.EQUAL && op != Op.NOT_EQUAL) {
        return "a .* wildcard is only allowed with == and !=";
      }
      String base = v.substring(0, v.length() - 2);
      if (!isPlainRelease(base)) {
        return "a .* wildcard may only follow a release such as 1.2, without pre-, post-,"
            + " dev- or local segment";
      }
      return new Specifier(op, v, VersionParser.parse(base), true);
    }
    Version parsed = VersionParser.parse(v);
    if (parsed == null) {
      return PyStrings.repr(v) + " is not a PEP 440 version";
    }
    if (parsed.isLocal() && op != Op.EQUAL && op != Op.NOT_EQUAL) {
      return "a local version label (+...) is only allowed with == and !=";
    }
    if (op == Op.COMPATIBLE && parsed.releaseLength() < 2) {
      return "~= needs a release of at least two components, such as ~=1.0";
    }
    return new Specifier(op, v, parsed, false);
  }

  private static Op operatorOf(String s) {
    if (s.startsWith("===")) {
      return Op.ARBITRARY;
    }
    if (s.length() < 1) {
      return null;
    }
    char c = s.charAt(0);
    boolean eq = s.length() > 1 && s.charAt(1) == '=';
    switch (c) {
      case '~':
        return eq ? Op.COMPATIBLE : null;
      case '=':
        return eq ? Op.EQUAL : null;
      case '!':
        return eq ? Op.NOT_EQUAL : null;
      case '<':
        return eq ? Op.LESS_EQUAL : Op.LESS;
      case '>':
        return eq ? Op.GREATER_EQUAL : Op.GREATER;
      default:
        return null;
    }
  }

  /** {@code v?([0-9]+!)?[0-9]+(\.[0-9]+)*}, case insensitive. */
  private static boolean isPlainRelease(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == 'v' || s.charAt(i) == 'V')) {
      i++;
    }
    int d = digitsEnd(s, i);
    if (d == i) {
      return false;
    }
    if (d < n && s.charAt(d) == '!') {
      i = d + 1;
      d = digitsEnd(s, i);
      if (d == i) {
        return false;
      }
    }
    i = d;
    while (i < n) {
      if (s.charAt(i) != '.') {
        return false;
      }
      d = digitsEnd(s, i + 1);
      if (d == i + 1) {
        return false;
      }
      i = d;
    }
    return true;
  }

  private static int digitsEnd(String s, int i) {
    while (i < s.length() && VersionParser.isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * The prefix {@code packaging} derives for {@code ~=}: the version split into components, cut
   * at the first suffix component, without its last component ({@code 2.2.post3} gives {@code
   * 0!2}); computed on the text as written, as {@code packaging} does.
   */
  private static String compatiblePrefix(String v) {
    List<String> split = pySplit(v);
    int keep = 0;
    while (keep < split.size() && isNotSuffix(split.get(keep))) {
      keep++;
    }
    List<String> kept = split.subList(0, Math.max(0, keep - 1));
    StringBuilder sb = new StringBuilder();
    sb.append(kept.isEmpty() ? "" : kept.get(0)).append('!');
    for (int i = 1; i < kept.size(); i++) {
      if (i > 1) {
        sb.append('.');
      }
      sb.append(kept.get(i));
    }
    return sb.toString();
  }

  private static boolean isNotSuffix(String segment) {
    return !(segment.startsWith("dev")
        || segment.startsWith("a")
        || segment.startsWith("b")
        || segment.startsWith("rc")
        || segment.startsWith("post"));
  }

  /** packaging's {@code _version_split}. */
  static List<String> pySplit(String version) {
    List<String> result = new ArrayList<>();
    int bang = version.lastIndexOf('!');
    String epoch = bang < 0 ? "" : version.substring(0, bang);
    String rest = bang < 0 ? version : version.substring(bang + 1);
    result.add(epoch.isEmpty() ? "0" : epoch);
    int from = 0;
    while (true) {
      int dot = rest.indexOf('.', from);
      String item = dot < 0 ? rest.substring(from) : rest.substring(from, dot);
      int cut = prefixCut(item);
      if (cut > 0) {
        result.add(item.substring(0, cut));
        result.add(item.substring(cut));
      } else {
        result.add(item);
      }
      if (dot < 0) {
        return result;
      }
      from = dot + 1;
    }
  }

  /** Where {@code ([0-9]+)((?:a|b|c|rc)[0-9]+)} splits {@code item}, or -1 if it does not match. */
  private static int prefixCut(String item) {
    int j = digitsEnd(item, 0);
    if (j == 0 || j == item.length()) {
      return -1;
    }
    int k;
    if (item.startsWith("rc", j)) {
      k = j + 2;
    } else {
      char c = item.charAt(j);
      if (c != 'a' && c != 'b' && c != 'c') {
        return -1;
      }
      k = j + 1;
    }
    int e = digitsEnd(item, k);
    return e > k && e == item.length() ? j : -1;
  }

  /** The operator as written in normal form, e.g. {@code ">="}. */
  public String operator() {
    return op.text;
  }

  /** The version text, e.g. {@code "1.0.*"} for a wildcard. */
  public String version() {
    return version;
  }

  /**
   * The version as a {@link Version}: the release before {@code .*} for a wildcard; empty only
   * for an {@code ===} clause whose text is not a PEP 440 version.
   */
  public Optional<Version> parsedVersion() {
    return Optional.ofNullable(spec);
  }

  /** True for {@code ==X.*} and {@code !=X.*}. */
  public boolean isWildcard() {
    return wildcard;
  }

  /**
   * Whether this clause itself names a pre-release (so admits pre-releases), as {@code
   * packaging}'s {@code Specifier.prereleases}: never for {@code !=} and wildcards.
   */
  public boolean prereleases() {
    if (op == Op.NOT_EQUAL || (op == Op.EQUAL && wildcard)) {
      return false;
    }
    return spec != null && spec.isPrerelease();
  }

  /**
   * PEP 440 containment with {@code packaging} 26's default pre-release rule for one version: a
   * pre-release matches when the clause matches it (there is no other candidate to prefer).
   */
  public boolean contains(Version version) {
    return matches(version);
  }

  /**
   * PEP 440 containment with pre-releases admitted or not.
   *
   * @param version the candidate, must not be null
   * @param allowPrereleases false to reject every pre-release and development release
   */
  public boolean contains(Version version, boolean allowPrereleases) {
    return (allowPrereleases || !version.isPrerelease()) && matches(version);
  }

  /** The operator alone, pre-releases not considered. */
  boolean matches(Version p) {
    switch (op) {
      case EQUAL:
        return equal(p);
      case NOT_EQUAL:
        return !equal(p);
      case LESS_EQUAL:
        return p.comparePublic(spec) <= 0;
      case GREATER_EQUAL:
        return p.comparePublic(spec) >= 0;
      case LESS:
        return p.compareTo(spec) < 0 && (lessBound == null || !p.isPrerelease()
            || p.compareTo(lessBound) < 0);
      case GREATER:
        return greater(p);
      case COMPATIBLE:
        return p.comparePublic(spec) >= 0 && prefix.matches(p);
      case ARBITRARY:
        return p.toString().equals(version.toLowerCase(Locale.ROOT));
      default:
        throw new AssertionError(op);
    }
  }

  private boolean equal(Version p) {
    if (wildcard) {
      return prefix.matches(p);
    }
    if (spec.isLocal()) {
      return p.equals(spec);
    }
    return p.comparePublic(spec) == 0;
  }

  private boolean greater(Version p) {
    if (p.compareTo(spec) <= 0) {
      return false;
    }
    if (!spec.isPostRelease()
        && p.isPostRelease()
        && !spec.isDevRelease()
        && p.sameReleaseAndPre(spec)) {
      return false;
    }
    return !(p.isLocal() && p.comparePublic(spec) == 0);
  }

  /** {@code packaging}'s canonical form used for equality: the version trimmed of zeros. */
  String canonicalKey() {
    if (op == Op.ARBITRARY || wildcard) {
      return op.text + version;
    }
    return op.text + (op == Op.COMPATIBLE ? spec.toString() : spec.canonical());
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Specifier && canonicalKey().equals(((Specifier) o).canonicalKey()));
  }

  @Override
  public int hashCode() {
    return canonicalKey().hashCode();
  }

  /** The operator followed by the version as written, e.g. {@code >=1.0}. */
  @Override
  public String toString() {
    return op.text + version;
  }

  /**
   * A prefix to match as {@code packaging}'s wildcard equality: the candidate's public version,
   * split into epoch, release numbers and suffix parts, zero-padded and cut to the prefix's
   * length, must equal the prefix's split.
   */
  private static final class Wildcard {
    private final List<String> split;
    private final int numericLength;
    /** When every component is a number: the prefix as a version, for the fast path. */
    private final Version numeric;

    private Wildcard(List<String> split, int numericLength, Version numeric) {
      this.split = split;
      this.numericLength = numericLength;
      this.numeric = numeric;
    }

    /** {@code text} is the prefix without {@code .*}. */
    static Wildcard of(String text) {
      Version v = VersionParser.parse(text);
      String normalized = v == null ? text : v.toString();
      List<String> split = pySplit(normalized);
      int numericLength = 0;
      while (numericLength < split.size() && isDigits(split.get(numericLength))) {
        numericLength++;
      }
      Version numeric = numericLength == split.size() && v != null ? v : null;
      return new Wildcard(List.copyOf(split), numericLength, numeric);
    }

    private static boolean isDigits(String s) {
      return !s.isEmpty() && digitsEnd(s, 0) == s.length();
    }

    boolean matches(Version p) {
      if (numeric != null) {
        return p.releasePrefixEquals(numeric);
      }
      List<String> prospective = p.wildcardSplit();
      int pNumeric = 1 + p.releaseLength();
      List<String> padded = prospective;
      if (numericLength > pNumeric) {
        padded = new ArrayList<>(prospective.subList(0, pNumeric));
        for (int i = pNumeric; i < numericLength; i++) {
          padded.add("0");
        }
        padded.addAll(prospective.subList(pNumeric, prospective.size()));
      }
      if (padded.size() < split.size()) {
        return false;
      }
      return padded.subList(0, split.size()).equals(split);
    }
  }
}
