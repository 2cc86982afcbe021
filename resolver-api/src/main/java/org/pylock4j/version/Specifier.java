package org.pylock4j.version;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.pylock4j.error.InvalidSpecifierException;
import org.pylock4j.internal.PyStrings;

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
  private final Prefix prefix;
  /** For {@code <}: the earliest pre-release of the spec version that is excluded. */
  private final Version lessBound;
  /** For {@code ===}: the version text in lower case. */
  private final String arbitrary;

  private Specifier(Op op, String version, Version spec, boolean wildcard) {
    this.op = op;
    this.version = version;
    this.spec = spec;
    this.wildcard = wildcard;
    if (wildcard) {
      this.prefix = Prefix.of(version.substring(0, version.length() - 2));
    } else if (op == Op.COMPATIBLE) {
      this.prefix = Prefix.of(Prefix.compatiblePrefix(version));
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
    this.arbitrary = op == Op.ARBITRARY ? version.toLowerCase(Locale.ROOT) : null;
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
        "invalid specifier: " + Version.quote(text) + " (" + result + ")", text);
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
      return Version.quote(v) + " is not a PEP 440 version";
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
   * The operator as written in normal form, e.g. {@code ">="}.
   *
   * @return the operator, never null
   */
  public String operator() {
    return op.text;
  }

  /**
   * The version text, e.g. {@code "1.0.*"} for a wildcard.
   *
   * @return the version text, never null; empty only for a bare {@code ===}
   */
  public String version() {
    return version;
  }

  /**
   * The version as a {@link Version}: the release before {@code .*} for a wildcard; empty only
   * for an {@code ===} clause whose text is not a PEP 440 version.
   *
   * @return the version, or empty, never null
   */
  public Optional<Version> parsedVersion() {
    return Optional.ofNullable(spec);
  }

  /**
   * True for {@code ==X.*} and {@code !=X.*}.
   *
   * @return true for a wildcard clause
   */
  public boolean isWildcard() {
    return wildcard;
  }

  /**
   * Whether this clause itself names a pre-release (so admits pre-releases), as {@code
   * packaging}'s {@code Specifier.prereleases}: never for {@code !=} and wildcards.
   *
   * @return true when the clause names a pre-release
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
   *
   * @param version the candidate, must not be null
   * @return true when the clause admits {@code version}
   */
  public boolean contains(Version version) {
    return matches(version);
  }

  /**
   * PEP 440 containment with pre-releases admitted or not.
   *
   * @param version the candidate, must not be null
   * @param allowPrereleases false to reject every pre-release and development release
   * @return true when the clause admits {@code version}
   */
  public boolean contains(Version version, boolean allowPrereleases) {
    return (allowPrereleases || !version.isPrerelease()) && matches(version);
  }

  /**
   * Containment of a version given as text, as {@code packaging} treats a string: {@code ===}
   * compares the text as written (ignoring case), so {@code ===1.0-1} contains {@code "1.0-1"}
   * but not {@code "1.0.post1"}, and a text that is not a PEP 440 version can match only {@code
   * ===}. Otherwise as {@link #contains(Version)}.
   *
   * @param version the candidate as text, must not be null
   * @return true when the clause admits {@code version}
   */
  public boolean contains(String version) {
    Version v = VersionParser.parse(Objects.requireNonNull(version, "version"));
    return matchesText(version, v);
  }

  /**
   * Containment of a version given as text (see {@link #contains(String)}) with pre-releases
   * admitted or not; a text that is not a PEP 440 version is never a pre-release.
   *
   * @param version the candidate as text, must not be null
   * @param allowPrereleases false to reject every pre-release and development release
   * @return true when the clause admits {@code version}
   */
  public boolean contains(String version, boolean allowPrereleases) {
    Version v = VersionParser.parse(Objects.requireNonNull(version, "version"));
    return (allowPrereleases || v == null || !v.isPrerelease()) && matchesText(version, v);
  }

  /** The operator alone on a text and its parse (null when not a version). */
  boolean matchesText(String text, Version parsed) {
    if (op == Op.ARBITRARY) {
      return text.toLowerCase(Locale.ROOT).equals(arbitrary);
    }
    return parsed != null && matches(parsed);
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
        return p.toString().equals(arbitrary);
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
    return o == this || (o instanceof Specifier s && canonicalKey().equals(s.canonicalKey()));
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

}
