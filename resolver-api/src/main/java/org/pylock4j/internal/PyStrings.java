package org.pylock4j.internal;

/**
 * Python's {@code str} semantics as {@code packaging} relies on them: {@code str.isspace()} (what
 * {@code \s} matches), {@code str.strip()}, the {@code \w} class, ordering, {@code repr()} and the
 * decoding of a string literal as {@code ast.literal_eval} does it.
 *
 * <p>Functions work on code points where Python does; those that step through UTF-16 units say
 * why that is the same. Lone surrogates are code points of their own, as in Python.
 *
 * <p><b>Not API:</b> this class lives in a package the module does not export and may change
 * without notice. Parameters are non-null.
 */
public final class PyStrings {

  /**
   * A regular-expression class matching exactly the characters of {@link #isSpace(int)}: what
   * {@code \s} matches in a Python {@code str} pattern.
   */
  public static final String SPACE_CLASS =
      "[\\t\\n\\x0B\\f\\r\\x1C-\\x20\\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]";

  private PyStrings() {}

  /**
   * Python's {@code str.isspace()} for one code point (also what {@code \s} matches in a {@code
   * str} pattern). Every such character is in the Basic Multilingual Plane, so a UTF-16 unit may be
   * passed for a code point.
   *
   * @param cp the code point (or UTF-16 unit)
   * @return true when Python's {@code str.isspace()} is true for it
   */
  public static boolean isSpace(int cp) {
    if (cp < 0x80) {
      return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    }
    return cp == 0x85
        || cp == 0xA0
        || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0x202F
        || cp == 0x205F
        || cp == 0x3000;
  }

  /**
   * Whether {@code s} contains a character Python counts as whitespace.
   *
   * @param s the text, must not be null
   * @return true when it holds a whitespace character
   */
  public static boolean containsSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isSpace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Python's {@code str.strip()} with no argument. Steps by UTF-16 unit: whitespace is in the BMP
   * and a surrogate is never whitespace.
   *
   * @param s the text, must not be null
   * @return {@code s} itself when there is nothing to strip
   */
  public static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == s.length() ? s : s.substring(start, end);
  }

  /**
   * Whether {@code cp} is in the {@code \w} class of a Python 3 {@code str} pattern: alphanumeric
   * ({@code str.isalnum()}) or underscore.
   *
   * @param cp the code point
   * @return true when it is a word character of Python's {@code re}
   */
  public static boolean isWordChar(int cp) {
    if (cp == '_' || Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.OTHER_NUMBER || type == Character.LETTER_NUMBER;
  }

  /**
   * Compares as Python compares {@code str} values: by code point, not by UTF-16 unit.
   *
   * @param a the first string, must not be null
   * @param b the second string, must not be null
   * @return negative, zero or positive, as the first sorts before, with or after the second
   */
  public static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  /**
   * Python's {@code repr(s)}, as {@code packaging} puts input into its messages: {@code 'foo'},
   * {@code "it's"}, {@code '\xa0'}, {@code '\U000e0001'}.
   *
   * @param s the text, must not be null
   * @return the text quoted as Python's {@code repr()} would, never null
   */
  public static String repr(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == quote || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (cp == '\t') {
        out.append("\\t");
      } else if (cp == '\n') {
        out.append("\\n");
      } else if (cp == '\r') {
        out.append("\\r");
      } else if (cp < ' ' || cp == 0x7F) {
        out.append(String.format("\\x%02x", cp));
      } else if (cp < 0x7F || isPrintable(cp)) {
        out.appendCodePoint(cp);
      } else if (cp <= 0xFF) {
        out.append(String.format("\\x%02x", cp));
      } else if (cp <= 0xFFFF) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.append(String.format("\\U%08x", cp));
      }
    }
    return out.append(quote).toString();
  }

  /** Python's {@code str.isprintable()} for one code point outside ASCII. */
  private static boolean isPrintable(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  /**
   * The value of the single-line Python string literal {@code quoted}, quotes included, as {@code
   * ast.literal_eval} decodes it.
   *
   * @param quoted the literal, starting and ending with the same quote character
   * @return the value, never null
   * @throws IllegalArgumentException when Python rejects the literal; the message is Python's
   *     reason, such as {@code unterminated string literal}
   */
  public static String literalEval(String quoted) {
    String body = quoted.substring(1, quoted.length() - 1);
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\0') {
        throw new IllegalArgumentException("source code string cannot contain null bytes");
      }
      if (c == '\n' || c == '\r') {
        throw new IllegalArgumentException("unterminated string literal");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 == body.length()) {
        throw new IllegalArgumentException("unterminated string literal");
      }
      i = escape(body, i + 1, out);
    }
    return out.toString();
  }

  /**
   * Decodes the escape whose letter is at {@code at} into {@code out}.
   *
   * @return the index of the escape's last character
   */
  private static int escape(String body, int at, StringBuilder out) {
    char e = body.charAt(at);
    switch (e) {
      case '\n':
        return at;
      case '\r':
        return at + 1 < body.length() && body.charAt(at + 1) == '\n' ? at + 1 : at;
      case '\\':
      case '\'':
      case '"':
        out.append(e);
        return at;
      case 'a':
        out.append('\u0007');
        return at;
      case 'b':
        out.append('\b');
        return at;
      case 'f':
        out.append('\f');
        return at;
      case 'n':
        out.append('\n');
        return at;
      case 'r':
        out.append('\r');
        return at;
      case 't':
        out.append('\t');
        return at;
      case 'v':
        out.append('\u000B');
        return at;
      case 'x':
      case 'u':
      case 'U':
        return hexEscape(body, at, out);
      case 'N':
        return namedEscape(body, at, out);
      default:
        if (isOctal(e)) {
          int value = e - '0';
          int n = 1;
          while (n < 3 && at + 1 < body.length() && isOctal(body.charAt(at + 1))) {
            value = value * 8 + body.charAt(++at) - '0';
            n++;
          }
          out.appendCodePoint(value);
        } else {
          out.append('\\').append(e);
        }
        return at;
    }
  }

  /** A hex escape (x, u or U and 2, 4 or 8 digits), the letter at {@code at}. */
  private static int hexEscape(String body, int at, StringBuilder out) {
    char e = body.charAt(at);
    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
    int code = hex(body, at + 1, digits);
    if (code < 0) {
      throw new IllegalArgumentException(
          "truncated \\" + (e == 'x' ? "xXX" : e == 'u' ? "uXXXX" : "UXXXXXXXX") + " escape");
    }
    if (code > Character.MAX_CODE_POINT) {
      throw new IllegalArgumentException("illegal Unicode character");
    }
    out.appendCodePoint(code);
    return at + digits;
  }

  /** {@code \N{NAME}}, the {@code N} at {@code at}. */
  private static int namedEscape(String body, int at, StringBuilder out) {
    int close = body.indexOf('}', at);
    int named = -1;
    if (at + 1 < body.length() && body.charAt(at + 1) == '{' && close > at + 2) {
      try {
        named = Character.codePointOf(body.substring(at + 2, close));
      } catch (IllegalArgumentException unknown) {
        named = -1;
      }
    }
    if (named < 0) {
      throw new IllegalArgumentException("unknown Unicode character name");
    }
    out.appendCodePoint(named);
    return close;
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  /** The value of {@code digits} hex digits from {@code from}, or -1 when they are not there. */
  private static int hex(String s, int from, int digits) {
    if (from + digits > s.length()) {
      return -1;
    }
    long value = 0;
    for (int k = from; k < from + digits; k++) {
      int d = Character.digit(s.charAt(k), 16);
      if (d < 0 || s.charAt(k) > 'f') {
        return -1;
      }
      value = value * 16 + d;
    }
    return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
  }
}
