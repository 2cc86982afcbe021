package org.pylock4j.metadata;

/**
 * The few pieces of Python's string semantics that {@code packaging}'s messages and parsers rely
 * on: {@code repr()}, {@code str.strip()}, {@code str.isspace()} and the {@code \w} class of
 * Unicode regular expressions.
 */
final class PyText {

  private PyText() {}

  /** Python's {@code str.isspace()} for one code point. */
  static boolean isSpace(int cp) {
    if (cp < 128) {
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

  /** Python's {@code str.strip()}: removes leading and trailing Python whitespace. */
  static String strip(String s) {
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

  /** Whether {@code cp} is in the {@code \w} class of a Python 3 {@code str} pattern. */
  static boolean isWordChar(int cp) {
    if (cp == '_') {
      return true;
    }
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.OTHER_NUMBER || type == Character.LETTER_NUMBER;
  }

  /** Python's {@code repr(s)}, as {@code packaging} puts names into its messages. */
  static String repr(String s) {
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
}
