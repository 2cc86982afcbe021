package org.pylock4j.requirement;

/**
 * Python string literals: decoding a quoted marker value as {@code ast.literal_eval} does, and
 * {@code repr()} for error messages.
 */
final class PythonString {

  private PythonString() {}

  /**
   * The value of the single-line Python literal {@code quoted} (quotes included).
   *
   * @return the value, or null with the reason in {@code error[0]} when Python rejects the literal
   */
  static String literalEval(String quoted, String[] error) {
    String body = quoted.substring(1, quoted.length() - 1);
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\0') {
        error[0] = "source code string cannot contain null bytes";
        return null;
      }
      if (c == '\n' || c == '\r') {
        error[0] = "unterminated string literal";
        return null;
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 == body.length()) {
        error[0] = "unterminated string literal";
        return null;
      }
      char e = body.charAt(++i);
      switch (e) {
        case '\n':
          break;
        case '\r':
          if (i + 1 < body.length() && body.charAt(i + 1) == '\n') {
            i++;
          }
          break;
        case '\\':
        case '\'':
        case '"':
          out.append(e);
          break;
        case 'a':
          out.append('\u0007');
          break;
        case 'b':
          out.append('\b');
          break;
        case 'f':
          out.append('\f');
          break;
        case 'n':
          out.append('\n');
          break;
        case 'r':
          out.append('\r');
          break;
        case 't':
          out.append('\t');
          break;
        case 'v':
          out.append('\u000B');
          break;
        case 'x':
        case 'u':
        case 'U':
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          int code = hex(body, i + 1, digits);
          if (code < 0) {
            error[0] = "truncated \\" + (e == 'x' ? "xXX" : e == 'u' ? "uXXXX" : "UXXXXXXXX") + " escape";
            return null;
          }
          if (code > Character.MAX_CODE_POINT) {
            error[0] = "illegal Unicode character";
            return null;
          }
          out.appendCodePoint(code);
          i += digits;
          break;
        case 'N':
          int close = body.indexOf('}', i);
          int named = -1;
          if (i + 1 < body.length() && body.charAt(i + 1) == '{' && close > i + 2) {
            try {
              named = Character.codePointOf(body.substring(i + 2, close));
            } catch (IllegalArgumentException unknown) {
              named = -1;
            }
          }
          if (named < 0) {
            error[0] = "unknown Unicode character name";
            return null;
          }
          out.appendCodePoint(named);
          i = close;
          break;
        default:
          if (e >= '0' && e <= '7') {
            int value = e - '0';
            int n = 1;
            while (n < 3 && i + 1 < body.length() && isOctal(body.charAt(i + 1))) {
              value = value * 8 + body.charAt(++i) - '0';
              n++;
            }
            out.appendCodePoint(value);
          } else {
            out.append('\\').append(e);
          }
      }
    }
    return out.toString();
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

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

  /** Python's {@code repr()} of a str. */
  static String repr(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
    s.codePoints()
        .forEach(
            c -> {
              if (c == quote || c == '\\') {
                out.append('\\').appendCodePoint(c);
              } else if (c == '\n') {
                out.append("\\n");
              } else if (c == '\r') {
                out.append("\\r");
              } else if (c == '\t') {
                out.append("\\t");
              } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
              } else if (!isPrintable(c)) {
                out.append(
                    c <= 0xff
                        ? String.format("\\x%02x", c)
                        : c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append(quote).toString();
  }

  private static boolean isPrintable(int c) {
    if (c == ' ') {
      return true;
    }
    int type = Character.getType(c);
    return !(type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || type == Character.PRIVATE_USE
        || type == Character.UNASSIGNED
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SPACE_SEPARATOR);
  }
}
