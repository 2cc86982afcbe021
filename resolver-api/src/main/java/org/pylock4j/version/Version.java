package org.pylock4j.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pylock4j.error.InvalidVersionException;
import org.pylock4j.internal.PyStrings;

/**
 * A PEP 440 version: parsed from any spelling the specification normalises, printed in normal
 * form by {@link #toString()}, totally ordered by {@link #compareTo}.
 *
 * <p>Immutable and thread-safe. {@code equals} is PEP 440 equality ({@code 1.0 == 1.0.0}), and is
 * consistent with {@link #compareTo} and {@link #hashCode}. Numbers may be of any size up to
 * 4,300 digits: Python refuses longer ones, so {@code packaging} fails on them, and so does
 * {@link #parse}.
 *
 * <p>Behaves as {@code packaging.version.Version} 26.x: the spellings accepted (case, a leading
 * {@code v}, {@code -}/{@code _}/{@code .} separators, {@code alpha}/{@code beta}/{@code c}/{@code
 * pre}/{@code preview}/{@code rc}, {@code rev}/{@code r}, the implicit post-release {@code 1.0-1},
 * implicit numbers, surrounding whitespace), the normal form and the order (PEP 440, "Summary of
 * permitted suffixes and relative ordering"; local labels per "Local version identifiers").
 *
 * <pre>{@code
 * Version v = Version.parse("1.0-RC1");   // toString() "1.0rc1"
 * }</pre>
 */
public final class Version implements Comparable<Version> {

  /*
   * The comparison key, as packaging's _cmpkey, flattened into one array:
   *   [epoch, r1 .. rt, -1, preRank, preN, postRank, postN, devRank, devN]
   * where r1..rt is the release without trailing zeros, -1 a separator that sorts a shorter
   * release first, preRank -1 dev-only, 0 a, 1 b, 2 rc, 3 none; postRank 0 none, 1 post;
   * devRank 0 dev, 1 none. Exactly one of key and bigKey is non-null: bigKey when some number
   * exceeds a long. The local label is compared after the key.
   */
  static final int TAIL = 7;
  private static final int PRE_RANK_DEV_ONLY = -1;
  private static final int PRE_RANK_NONE = 3;
  private static final String[] PRE_LABELS = {"a", "b", "rc"};

  private final long[] key;
  private final BigInteger[] bigKey;
  private final int releaseLength;
  /** Local segments in normal form (numbers without leading zeros, letters lower case), or null. */
  private final String[] local;

  private int hash;
  private String text;

  Version(long[] key, BigInteger[] bigKey, int releaseLength, String[] local) {
    this.key = key;
    this.bigKey = bigKey;
    this.releaseLength = releaseLength;
    this.local = local;
  }

  /**
   * Parses a version.
   *
   * @param text the version text, must not be null
   * @return the version, never null
   * @throws InvalidVersionException when {@code text} is not a PEP 440 version
   */
  public static Version parse(String text) {
    Objects.requireNonNull(text, "text");
    Version v = VersionParser.parse(text);
    if (v == null) {
      String reason = "invalid version: " + quote(text);
      if (VersionParser.exceedsDigitLimit(text)) {
        reason += " (a number has more than " + VersionParser.MAX_DIGITS + " digits)";
      }
      throw new InvalidVersionException(reason, text);
    }
    return v;
  }

  /**
   * The same as {@link #parse}, a short name for code that builds versions from literals.
   *
   * @param text the version text, must not be null
   * @return the version, never null
   * @throws InvalidVersionException when {@code text} is not a PEP 440 version
   */
  public static Version of(String text) {
    return parse(text);
  }

  /**
   * Parses a version, or returns empty when {@code text} is not a PEP 440 version.
   *
   * @param text the version text, must not be null
   * @return the version, or empty, never null
   */
  public static Optional<Version> tryParse(String text) {
    Objects.requireNonNull(text, "text");
    return Optional.ofNullable(VersionParser.parse(text));
  }

  /**
   * Whether {@code text} is a PEP 440 version.
   *
   * @param text the text, must not be null
   * @return true when {@link #parse} would succeed
   */
  public static boolean isValid(String text) {
    return VersionParser.parse(Objects.requireNonNull(text, "text")) != null;
  }

  // ---- accessors -------------------------------------------------------------------------

  private int size() {
    return key != null ? key.length : bigKey.length;
  }

  /** The number of release components after trailing zeros are removed. */
  private int trimmedLength() {
    return size() - 1 - TAIL;
  }

  /** Key element {@code i} as a long; only for the small rank fields or when key is non-null. */
  private long small(int i) {
    return key != null ? key[i] : bigKey[i].longValue();
  }

  private BigInteger num(int i) {
    return key != null ? BigInteger.valueOf(key[i]) : bigKey[i];
  }

  private String numText(int i) {
    return key != null ? Long.toString(key[i]) : bigKey[i].toString();
  }

  private int tail() {
    return size() - TAIL;
  }

  /**
   * The epoch, 0 when not written.
   *
   * @return the epoch, never null
   */
  public BigInteger epoch() {
    return num(0);
  }

  /**
   * The release segment as written (trailing zeros kept), never empty.
   *
   * @return an unmodifiable list, never null nor empty
   */
  public List<BigInteger> release() {
    int t = trimmedLength();
    BigInteger[] out = new BigInteger[releaseLength];
    for (int i = 0; i < releaseLength; i++) {
      out[i] = i < t ? num(1 + i) : BigInteger.ZERO;
    }
    return List.of(out);
  }

  /**
   * The number of components of the release segment as written (trailing zeros counted).
   *
   * @return at least 1
   */
  public int releaseLength() {
    return releaseLength;
  }

  /**
   * The pre-release label ({@code a}, {@code b} or {@code rc}) and number, if any.
   *
   * @return the pre-release, or empty, never null
   */
  public Optional<PreRelease> pre() {
    int rank = (int) small(tail() + 1);
    if (rank < 0 || rank > 2) {
      return Optional.empty();
    }
    return Optional.of(new PreRelease(PRE_LABELS[rank], num(tail() + 2)));
  }

  /**
   * The post-release number, if any.
   *
   * @return the number, or empty, never null
   */
  public Optional<BigInteger> post() {
    return isPostRelease() ? Optional.of(num(tail() + 4)) : Optional.empty();
  }

  /**
   * The development-release number, if any.
   *
   * @return the number, or empty, never null
   */
  public Optional<BigInteger> dev() {
    return isDevRelease() ? Optional.of(num(tail() + 6)) : Optional.empty();
  }

  /**
   * The local label in normal form (e.g. {@code ubuntu.1}), if any.
   *
   * @return the label, or empty, never null
   */
  public Optional<String> local() {
    return local == null ? Optional.empty() : Optional.of(String.join(".", local));
  }

  /**
   * True for a pre-release or development release (as {@code packaging}'s {@code is_prerelease}).
   *
   * @return true for {@code 1.0a1}, {@code 1.0.dev1}, {@code 1.0.post1.dev1}
   */
  public boolean isPrerelease() {
    return isDevRelease() || hasPre();
  }

  /**
   * True when there is a post-release segment.
   *
   * @return true for {@code 1.0.post1}
   */
  public boolean isPostRelease() {
    return small(tail() + 3) == 1;
  }

  /**
   * True when there is a development-release segment.
   *
   * @return true for {@code 1.0.dev1}
   */
  public boolean isDevRelease() {
    return small(tail() + 5) == 0;
  }

  /**
   * True when there is a local label.
   *
   * @return true for {@code 1.0+ubuntu.1}
   */
  public boolean isLocal() {
    return local != null;
  }

  boolean hasPre() {
    int rank = (int) small(tail() + 1);
    return rank >= 0 && rank <= 2;
  }

  /**
   * This version without its local label.
   *
   * @return the public version, never null ({@code this} when there is no label)
   */
  public Version publicVersion() {
    return local == null ? this : new Version(key, bigKey, releaseLength, null);
  }

  /**
   * Epoch and release only ({@code 1!2.0rc1.post3} gives {@code 1!2.0}).
   *
   * @return the base version, never null
   */
  public Version baseVersion() {
    if (!hasPre() && !isPostRelease() && !isDevRelease() && local == null) {
      return this;
    }
    return derive(false, null, null, releaseLength);
  }

  // ---- derived versions (used by Specifier) ----------------------------------------------

  /**
   * A version with this one's epoch, the first {@code relLen} release components, the
   * pre-release when {@code keepPre}, and the given post and dev numbers (null: absent); no
   * local label.
   */
  Version derive(boolean keepPre, BigInteger post, BigInteger dev, int relLen) {
    int t = Math.min(trimmedLength(), relLen);
    while (t > 0 && isZeroAt(t)) {
      t--; // a shortened release may end in zeros
    }
    Object[] parts = new Object[1 + t + TAIL];
    for (int i = 0; i <= t; i++) {
      parts[i] = elem(i);
    }
    int tl = tail();
    boolean pre = keepPre && hasPre();
    long preRank = pre ? small(tl + 1) : PRE_RANK_NONE;
    if (!pre && post == null && dev != null) {
      preRank = PRE_RANK_DEV_ONLY;
    }
    int o = 1 + t;
    parts[o] = -1L;
    parts[o + 1] = preRank;
    parts[o + 2] = pre ? elem(tl + 2) : (Object) 0L;
    parts[o + 3] = post == null ? 0L : 1L;
    parts[o + 4] = post == null ? (Object) 0L : post;
    parts[o + 5] = dev == null ? 1L : 0L;
    parts[o + 6] = dev == null ? (Object) 0L : dev;
    return fromParts(parts, relLen, null);
  }

  private Object elem(int i) {
    return key != null ? (Object) key[i] : bigKey[i];
  }

  /** Builds a version from key elements that are Long or BigInteger. */
  static Version fromParts(Object[] parts, int releaseLength, String[] local) {
    long[] k = new long[parts.length];
    boolean big = false;
    for (int i = 0; i < parts.length && !big; i++) {
      Object p = parts[i];
      if (p instanceof Long) {
        k[i] = (Long) p;
      } else if (((BigInteger) p).bitLength() < 64) {
        k[i] = ((BigInteger) p).longValue();
      } else {
        big = true;
      }
    }
    if (!big) {
      return new Version(k, null, releaseLength, local);
    }
    BigInteger[] bk = new BigInteger[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Object p = parts[i];
      bk[i] = p instanceof Long ? BigInteger.valueOf((Long) p) : (BigInteger) p;
    }
    return new Version(null, bk, releaseLength, local);
  }

  /** The post-release number (0 when there is none). */
  BigInteger postNumber() {
    return num(tail() + 4);
  }

  /** The development-release number (0 when there is none). */
  BigInteger devNumber() {
    return num(tail() + 6);
  }

  // ---- comparison ------------------------------------------------------------------------

  @Override
  public int compareTo(Version other) {
    int c = comparePublic(other);
    if (c != 0) {
      return c;
    }
    return compareLocal(local, other.local);
  }

  /** Compares as if neither version had a local label. */
  int comparePublic(Version other) {
    if (key != null && other.key != null) {
      return Arrays.compare(key, other.key);
    }
    int n = Math.min(size(), other.size());
    for (int i = 0; i < n; i++) {
      int c = num(i).compareTo(other.num(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(size(), other.size());
  }

  /** Equal release, trailing zeros ignored (the epoch is not compared). */
  boolean sameRelease(Version other) {
    int t = tail();
    if (t != other.tail()) {
      return false;
    }
    for (int i = 1; i < t; i++) {
      if (!elemEquals(other, i)) {
        return false;
      }
    }
    return true;
  }

  /** Equal epoch, release (trailing zeros ignored) and pre-release. */
  boolean sameReleaseAndPre(Version other) {
    int t = tail();
    if (t != other.tail()) {
      return false;
    }
    for (int i = 0; i < t; i++) {
      if (!elemEquals(other, i)) {
        return false;
      }
    }
    boolean pre = hasPre();
    if (pre != other.hasPre()) {
      return false;
    }
    return !pre || (elemEquals(other, t + 1) && elemEquals(other, t + 2));
  }

  /**
   * Same epoch, and the first {@code prefix.releaseLength()} release components equal, missing
   * components counting as zero (the wildcard match {@code ==1.2.*}).
   */
  boolean releasePrefixEquals(Version prefix) {
    if (!elemEquals(prefix, 0)) {
      return false;
    }
    int t = trimmedLength();
    int pt = prefix.trimmedLength();
    int n = prefix.releaseLength;
    for (int i = 0; i < n; i++) {
      boolean mine = i < t;
      boolean theirs = i < pt;
      if (mine && theirs) {
        if (!elemEquals(prefix, 1 + i)) {
          return false;
        }
      } else if (mine ? !isZeroAt(1 + i) : theirs && !prefix.isZeroAt(1 + i)) {
        return false;
      }
    }
    return true;
  }

  private boolean isZeroAt(int i) {
    return key != null ? key[i] == 0 : bigKey[i].signum() == 0;
  }

  private boolean elemEquals(Version other, int i) {
    if (key != null && other.key != null) {
      return key[i] == other.key[i];
    }
    return num(i).equals(other.num(i));
  }

  private static int compareLocal(String[] a, String[] b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      int c = compareLocalSegment(a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static int compareLocalSegment(String a, String b) {
    boolean na = isNumeric(a);
    boolean nb = isNumeric(b);
    if (na && nb) {
      int c = Integer.compare(a.length(), b.length());
      return c != 0 ? c : a.compareTo(b);
    }
    if (na != nb) {
      return na ? 1 : -1; // a string segment sorts before a number
    }
    return a.compareTo(b);
  }

  private static boolean isNumeric(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** PEP 440 equality: {@code 1.0}, {@code 1.0.0} and {@code v1.0} are equal. */
  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Version && compareTo((Version) o) == 0);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = key != null ? Arrays.hashCode(key) : Arrays.hashCode(bigKey);
      h = 31 * h + Arrays.hashCode(local);
      if (h == 0) {
        h = 1;
      }
      hash = h;
    }
    return h;
  }

  /** The normal form, e.g. {@code 1!2.0rc1.post2.dev3+local.7}. */
  @Override
  public String toString() {
    String s = text;
    if (s == null) {
      s = format(releaseLength, true);
      text = s;
    }
    return s;
  }

  String format(int relLen, boolean withLocal) {
    StringBuilder sb = new StringBuilder(16);
    int t = trimmedLength();
    if (key != null ? key[0] != 0 : bigKey[0].signum() != 0) {
      sb.append(numText(0)).append('!');
    }
    for (int i = 0; i < relLen; i++) {
      if (i > 0) {
        sb.append('.');
      }
      if (i < t) {
        sb.append(numText(1 + i));
      } else {
        sb.append('0');
      }
    }
    int tl = tail();
    if (hasPre()) {
      sb.append(PRE_LABELS[(int) small(tl + 1)]).append(numText(tl + 2));
    }
    if (isPostRelease()) {
      sb.append(".post").append(numText(tl + 4));
    }
    if (isDevRelease()) {
      sb.append(".dev").append(numText(tl + 6));
    }
    if (withLocal && local != null) {
      sb.append('+').append(String.join(".", local));
    }
    return sb.toString();
  }

  /** The normal form with trailing zeros of the release removed (at least one kept). */
  String canonical() {
    return format(Math.max(1, trimmedLength()), true);
  }

  /** The split used by packaging's wildcard matching: epoch, release numbers, suffix parts. */
  List<String> wildcardSplit() {
    List<String> out = new ArrayList<>(releaseLength + 4);
    out.add(numText(0));
    int t = trimmedLength();
    for (int i = 0; i < releaseLength; i++) {
      out.add(i < t ? numText(1 + i) : "0");
    }
    int tl = tail();
    if (hasPre()) {
      out.add(PRE_LABELS[(int) small(tl + 1)] + numText(tl + 2));
    }
    if (isPostRelease()) {
      out.add("post" + numText(tl + 4));
    }
    if (isDevRelease()) {
      out.add("dev" + numText(tl + 6));
    }
    return out;
  }

  /** Release component {@code i} (0-based, trailing zeros included) as decimal text. */
  String releaseText(int i) {
    return i < trimmedLength() ? numText(1 + i) : "0";
  }

  String epochText() {
    return numText(0);
  }

  /** The input for a message: as Python's repr, cut after 200 characters. */
  static String quote(String s) {
    if (s.length() <= 200) {
      return PyStrings.repr(s);
    }
    return PyStrings.repr(s.substring(0, 200)) + "... (" + s.length() + " characters)";
  }

  /** A pre-release segment: {@code a}, {@code b} or {@code rc} and its number. */
  public record PreRelease(String label, BigInteger number) {}

}
