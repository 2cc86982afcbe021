package org.pylock4j.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

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

  private final String s;
  private final int end;
  private int pos;
  /** Key elements, as Long or BigInteger, built while parsing. */
  private long[] nums = new long[12];
  private BigInteger[] bigs;
  private int count;

  private VersionParser(String s, int start, int end) {
    this.s = s;
    this.pos = start;
    this.end = end;
  }

  /** Returns the version, or null when {@code text} is not a version. */
  static Version parse(String text) {
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
    return new VersionParser(text, start, end).parseVersion();
  }

  private Version parseVersion() {
    char c0 = s.charAt(pos);
    if (c0 == 'v' || c0 == 'V') {
      pos++;
    }
    // epoch, then release
    int d = digitsEnd(pos);
    if (d == pos) {
      return null;
    }
    if (d < end && s.charAt(d) == '!') {
      addNumber(pos, d);
      pos = d + 1;
      d = digitsEnd(pos);
      if (d == pos) {
        return null;
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
    // trim trailing zeros of the release (they are in the key as numbers)
    while (count > 1 && isZero(count - 1)) {
      count--;
    }
    add(-1L);
    int suffixAt = count;
    // pre-release: [._-]? (alpha|a|beta|b|preview|pre|c|rc) [._-]? [0-9]*
    int preRank = 3;
    int preStart = -1;
    int preEnd = -1;
    {
      int k = pos;
      if (k < end && isSep(s.charAt(k))) {
        k++;
      }
      for (int w = 0; w < PRE_WORDS.length; w++) {
        if (regionMatches(k, PRE_WORDS[w])) {
          k += PRE_WORDS[w].length();
          preRank = PRE_RANKS[w];
          if (k < end && isSep(s.charAt(k))) {
            k++;
          }
          preStart = k;
          preEnd = digitsEnd(k);
          pos = preEnd;
          break;
        }
      }
    }
    // post-release: -N | [._-]? (post|rev|r) [._-]? [0-9]*
    boolean post = false;
    int postStart = -1;
    int postEnd = -1;
    if (pos + 1 < end && s.charAt(pos) == '-' && isDigit(s.charAt(pos + 1))) {
      post = true;
      postStart = pos + 1;
      postEnd = digitsEnd(postStart);
      pos = postEnd;
    } else {
      int k = pos;
      if (k < end && isSep(s.charAt(k))) {
        k++;
      }
      for (String w : POST_WORDS) {
        if (regionMatches(k, w)) {
          k += w.length();
          if (k < end && isSep(s.charAt(k))) {
            k++;
          }
          post = true;
          postStart = k;
          postEnd = digitsEnd(k);
          pos = postEnd;
          break;
        }
      }
    }
    // dev release: [._-]? dev [._-]? [0-9]*
    boolean dev = false;
    int devStart = -1;
    int devEnd = -1;
    {
      int k = pos;
      if (k < end && isSep(s.charAt(k))) {
        k++;
      }
      if (regionMatches(k, "dev")) {
        k += 3;
        if (k < end && isSep(s.charAt(k))) {
          k++;
        }
        dev = true;
        devStart = k;
        devEnd = digitsEnd(k);
        pos = devEnd;
      }
    }
    // local: + [a-z0-9]+ ([._-][a-z0-9]+)*
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
    // suffix: preRank, preN, postRank, postN, devRank, devN
    boolean hasPre = preRank != 3;
    if (!hasPre && !post && dev) {
      add(-1L);
    } else {
      add(preRank);
    }
    addNumberOrZero(preStart, preEnd);
    add(post ? 1L : 0L);
    addNumberOrZero(postStart, postEnd);
    add(dev ? 0L : 1L);
    addNumberOrZero(devStart, devEnd);
    assert count - suffixAt == Version.TAIL - 1;
    if (bigs == null) {
      long[] key = nums.length == count ? nums : java.util.Arrays.copyOf(nums, count);
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
      nums = java.util.Arrays.copyOf(nums, count * 2);
      if (bigs != null) {
        bigs = java.util.Arrays.copyOf(bigs, count * 2);
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
