package org.pylock4j.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A prefix to match as {@code packaging}'s wildcard equality: the candidate's public version,
 * split into epoch, release numbers and suffix parts, zero-padded and cut to the prefix's
 * length, must equal the prefix's split.
 */
final class Prefix {
  private final List<String> split;
  private final int numericLength;
  /** When every component is a number: the prefix as a version, for the fast path. */
  private final Version numeric;

  private Prefix(List<String> split, int numericLength, Version numeric) {
    this.split = split;
    this.numericLength = numericLength;
    this.numeric = numeric;
  }

  /** {@code text} is the prefix without {@code .*}. */
  static Prefix of(String text) {
    Version v = VersionParser.parse(text);
    String normalized = v == null ? text : v.toString();
    List<String> split = pySplit(normalized);
    int numericLength = 0;
    while (numericLength < split.size() && isDigits(split.get(numericLength))) {
      numericLength++;
    }
    Version numeric = numericLength == split.size() && v != null ? v : null;
    return new Prefix(List.copyOf(split), numericLength, numeric);
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

  /**
   * The prefix {@code packaging} derives for {@code ~=}: the version split into components, cut
   * at the first suffix component, without its last component ({@code 2.2.post3} gives {@code
   * 0!2}); computed on the text as written, as {@code packaging} does.
   */
  static String compatiblePrefix(String v) {
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

  private static int digitsEnd(String s, int i) {
    while (i < s.length() && VersionParser.isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
