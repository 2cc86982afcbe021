package org.pylock4j.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pylock4j.internal.PyStrings;

/**
 * A hand-written, single-pass, backtracking-free parser for PEP 440 versions that accepts exactly
 * what {@code packaging}'s {@code VERSION_PATTERN} accepts (with its possessive quantifiers, case
 * insensitive, surrounded by Python's {@code \s*}).
 */
final class VersionParser {

  private static final String[] PRE_WORDS = {
    "alpha", "a", "beta", "b", "preview", "pre", "c", "rc"
  };
  private static final int[] PRE_RANKS = {0, 0, 1, 1, 2, 2, 2, 2};
  private static final String[] POST_WORDS = {"post", "rev", "r"};

  /**
   * The most digits a number may have: Python refuses to convert longer digit strings to int
   * (its default {@code sys.get_int_max_str_digits()}), so {@code packaging} fails on them.
   */
  static final int MAX_DIGITS = 4300;

  private final String s;
  private boolean overLimit;
  private final int end;
  private int pos;
  /** Key elements, as Long or BigInteger, built while parsing. */
  private long[] nums = new long[12];
  private BigInteger[] bigs;
  private int count;
  private int preStart = -1;
  private int preEnd = -1;
  private int postStart = -1;
  private int postEnd = -1;
  private int devStart = -1;
  private int devEnd = -1;

  private VersionParser(String s, int start, int end) {
    this.s = s;
    this.pos = start;
    this.end = end;
  }

  /** Returns the version, or null when {@code text} is not a version. */
  static Version parse(String text) {
    return parse(text, true);
  }

  /**
   * Whether {@code text} is refused only because a number in it has more than {@value
   * #MAX_DIGITS} digits.
   */
  static boolean exceedsDigitLimit(String text) {
    return parse(text, true) == null && parse(text, false) != null;
  }

  private static Version parse(String text, boolean limitDigits) {
    int start = 0;
    int end = text.length();
    while (start < end && PyStrings.isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && PyStrings.isSpace(text.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return null;
    }
    VersionParser p = new VersionParser(text, start, end);
    Version v = p.parseVersion();
    return limitDigits && p.overLimit ? null : v;
  }

  private Version parseVersion() {
    char c0 = s.charAt(pos);
    if (c0 == 'v' || c0 == 'V') {
      pos++;
    }
    int releaseLength = parseEpochAndRelease();
    if (releaseLength == 0) {
      return null;
    }
    if (pos == end) {
      // the common case, a plain release such as 1.2.3
      add(3L);
      add(0L);
      add(0L);
      add(0L);
      add(1L);
      add(0L);
      return build(releaseLength, null);
    }
    int preRank = parsePre();
    boolean post = parsePost();
    boolean dev = parseDev();
    String[] local = null;
    if (pos < end && s.charAt(pos) == '+') {
      local = parseLocal(pos + 1);
      if (local == null) {
        return null;
      }
      pos = end;
    }
    if (pos != end) {
      return null;
    }
    // suffix: preRank, preN, postRank, postN, devRank, devN (as packaging's _cmpkey)
    add(preRank == 3 && !post && dev ? -1L : preRank);
    addNumberOrZero(preStart, preEnd);
    add(post ? 1L : 0L);
    addNumberOrZero(postStart, postEnd);
    add(dev ? 0L : 1L);
    addNumberOrZero(devStart, devEnd);
    return build(releaseLength, local);
  }

  /**
   * Epoch and release into the key (trailing zeros of the release dropped), then the separator.
   *
   * @return the number of release components as written, 0 when there is no release
   */
  private int parseEpochAndRelease() {
    int d = digitsEnd(pos);
    if (d == pos) {
      return 0;
    }
    if (d < end && s.charAt(d) == '!') {
      addNumber(pos, d);
      pos = d + 1;
      d = digitsEnd(pos);
      if (d == pos) {
        return 0;
      }
    } else {
      add(0L);
    }
    int releaseLength = 1;
    addNumber(pos, d);
    pos = d;
    while (pos + 1 < end && s.charAt(pos) == '.' && isDigit(s.charAt(pos + 1))) {
      d = digitsEnd(pos + 1);
      addNumber(pos + 1, d);
      releaseLength++;
      pos = d;
    }
    while (count > 1 && isZero(count - 1)) {
      count--;
    }
    add(-1L);
    return releaseLength;
  }

  /** {@code [._-]? (alpha|a|beta|b|preview|pre|c|rc) [._-]? [0-9]*}: the rank, 3 when absent. */
  private int parsePre() {
    int k = skipSep(pos);
    for (int w = 0; w < PRE_WORDS.length; w++) {
      if (regionMatches(k, PRE_WORDS[w])) {
        preStart = skipSep(k + PRE_WORDS[w].length());
        preEnd = digitsEnd(preStart);
        pos = preEnd;
        return PRE_RANKS[w];
      }
    }
    return 3;
  }

  /** {@code -N | [._-]? (post|rev|r) [._-]? [0-9]*}. */
  private boolean parsePost() {
    if (pos + 1 < end && s.charAt(pos) == '-' && isDigit(s.charAt(pos + 1))) {
      postStart = pos + 1;
      postEnd = digitsEnd(postStart);
      pos = postEnd;
      return true;
    }
    int k = skipSep(pos);
    for (String w : POST_WORDS) {
      if (regionMatches(k, w)) {
        postStart = skipSep(k + w.length());
        postEnd = digitsEnd(postStart);
        pos = postEnd;
        return true;
      }
    }
    return false;
  }

  /** {@code [._-]? dev [._-]? [0-9]*}. */
  private boolean parseDev() {
    int k = skipSep(pos);
    if (!regionMatches(k, "dev")) {
      return false;
    }
    devStart = skipSep(k + 3);
    devEnd = digitsEnd(devStart);
    pos = devEnd;
    return true;
  }

  private int skipSep(int k) {
    return k < end && isSep(s.charAt(k)) ? k + 1 : k;
  }

  private Version build(int releaseLength, String[] local) {
    if (bigs == null) {
      long[] key = nums.length == count ? nums : Arrays.copyOf(nums, count);
      return new Version(key, null, releaseLength, local);
    }
    BigInteger[] key = new BigInteger[count];
    for (int i = 0; i < count; i++) {
      key[i] = bigs[i] != null ? bigs[i] : BigInteger.valueOf(nums[i]);
    }
    return new Version(null, key, releaseLength, local);
  }

  private String[] parseLocal(int k) {
    List<String> parts = new ArrayList<>(4);
    while (true) {
      int e = k;
      boolean numeric = true;
      while (e < end && isAlnum(s.charAt(e))) {
        numeric &= isDigit(s.charAt(e));
        e++;
      }
      if (e == k) {
        return null;
      }
      overLimit |= numeric && e - k > MAX_DIGITS;
      parts.add(numeric ? stripZeros(k, e) : lower(k, e));
      if (e == end) {
        return parts.toArray(new String[0]);
      }
      if (!isSep(s.charAt(e))) {
        return null;
      }
      k = e + 1;
    }
  }

  private String stripZeros(int from, int to) {
    while (from < to - 1 && s.charAt(from) == '0') {
      from++;
    }
    return s.substring(from, to);
  }

  private String lower(int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] cs = s.substring(from, to).toCharArray();
        for (int j = i - from; j < cs.length; j++) {
          if (cs[j] >= 'A' && cs[j] <= 'Z') {
            cs[j] = (char) (cs[j] + ('a' - 'A'));
          }
        }
        return new String(cs);
      }
    }
    return s.substring(from, to);
  }

  private boolean isZero(int i) {
    return bigs == null || bigs[i] == null ? nums[i] == 0 : bigs[i].signum() == 0;
  }

  private void add(long v) {
    if (count == nums.length) {
      nums = Arrays.copyOf(nums, count * 2);
      if (bigs != null) {
        bigs = Arrays.copyOf(bigs, count * 2);
      }
    }
    nums[count++] = v;
  }

  private void addNumberOrZero(int from, int to) {
    if (from < 0 || from == to) {
      add(0L);
    } else {
      addNumber(from, to);
    }
  }

  private void addNumber(int from, int to) {
    if (to - from > MAX_DIGITS) {
      // refused anyway; converting it would cost time quadratic in its length
      overLimit = true;
      add(0L);
      return;
    }
    while (from < to - 1 && s.charAt(from) == '0') {
      from++;
    }
    if (to - from <= 18) {
      long v = 0;
      for (int i = from; i < to; i++) {
        v = v * 10 + (s.charAt(i) - '0');
      }
      add(v);
      return;
    }
    BigInteger b = new BigInteger(s.substring(from, to));
    if (b.bitLength() < 64) {
      add(b.longValue());
      return;
    }
    add(0L);
    if (bigs == null) {
      bigs = new BigInteger[nums.length];
    }
    bigs[count - 1] = b;
  }

  private boolean regionMatches(int k, String word) {
    return s.regionMatches(true, k, word, 0, word.length()) && k + word.length() <= end
        && asciiOnly(k, word.length());
  }

  private boolean asciiOnly(int k, int n) {
    for (int i = k; i < k + n; i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private int digitsEnd(int k) {
    while (k < end && isDigit(s.charAt(k))) {
      k++;
    }
    return k;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isSep(char c) {
    return c == '.' || c == '_' || c == '-';
  }

  private static boolean isAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
