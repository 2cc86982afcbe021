package org.pylock4j.requirement;

import java.util.List;
import org.pylock4j.internal.PyStrings;

/**
 * The context-sensitive tokenizer of {@code packaging}'s PEP 508 parser ({@code _tokenizer.py}).
 *
 * <p>Each token kind is matched at the current position only when the parser asks for it, with
 * the same rules as {@code packaging}'s regular expressions, including Python's Unicode {@code \b}
 * and its {@code $} (which also matches before a final newline).
 */
final class Tokenizer {

  /** Token kinds, named as in {@code packaging}. */
  enum Kind {
    LEFT_PARENTHESIS,
    RIGHT_PARENTHESIS,
    LEFT_BRACKET,
    RIGHT_BRACKET,
    SEMICOLON,
    COMMA,
    QUOTED_STRING,
    OP,
    BOOLOP,
    IN,
    NOT,
    VARIABLE,
    SPECIFIER,
    AT,
    URL,
    IDENTIFIER,
    VERSION_PREFIX_TRAIL,
    VERSION_LOCAL_LABEL_TRAIL,
    WS,
    END
  }

  /** A syntax error with {@code packaging}'s message and span (0-based, end exclusive). */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final String source;
    final int spanStart;
    final int spanEnd;

    SyntaxError(String message, String source, int spanStart, int spanEnd) {
      super(message, null, false, false);
      this.source = source;
      this.spanStart = spanStart;
      this.spanEnd = spanEnd;
    }

    /** The text {@code str(ParserSyntaxError)} gives: message, source, and a caret line. */
    String render() {
      int start = source.codePointCount(0, spanStart);
      return getMessage()
          + "\n    "
          + source
          + "\n    "
          + " ".repeat(start)
          + "~".repeat(Math.max(0, column() - 1 - start))
          + "^";
    }

    /** The 1-based column of the caret, counted in code points as Python counts. */
    int column() {
      return source.codePointCount(0, spanEnd) + 1;
    }
  }

  /** The pre-release words of {@code packaging}'s pattern, in the order of its alternation. */
  private static final String[] PRE_WORDS = {"alpha", "beta", "preview", "pre", "a", "b", "c", "rc"};
  /** The post-release words, in the order of its alternation. */
  private static final String[] POST_WORDS = {"post", "rev", "r"};

  private static final List<String> OPS = List.of("===", "==", "~=", "!=", "<=", ">=", "<", ">");

  /** The variable spellings {@code packaging} accepts, in the order of its alternation. */
  private static final List<String> VARIABLES =
      List.of(
          "python_version",
          "python_full_version",
          "os.name",
          "os_name",
          "sys.platform",
          "sys_platform",
          "platform_release",
          "platform_system",
          "platform.version",
          "platform_version",
          "platform.machine",
          "platform_machine",
          "platform.python_implementation",
          "platform_python_implementation",
          "python_implementation",
          "implementation_name",
          "implementation_version",
          "extras",
          "extra",
          "dependency_groups");

  /** A token read: its kind, text and start position. */
  record Token(Kind kind, String text, int position) {}

  private final String source;
  private int position;
  private Token next;

  Tokenizer(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  int position() {
    return position;
  }

  /** Whether all of {@code text} is one {@code IDENTIFIER} token (a name or an extra). */
  static boolean isIdentifier(String text) {
    return new Tokenizer(text).match(Kind.IDENTIFIER, 0) == text.length();
  }

  /** Reads a token of {@code kind} if it is next. */
  void consume(Kind kind) {
    if (check(kind)) {
      read();
    }
  }

  /** Whether a token of {@code kind} is next; it must then be read before the next check. */
  boolean check(Kind kind) {
    int end = match(kind, position);
    if (end < 0) {
      return false;
    }
    next = new Token(kind, source.substring(position, end), position);
    return true;
  }

  /** Whether a token of {@code kind} is next, without loading it. */
  boolean peek(Kind kind) {
    return match(kind, position) >= 0;
  }

  /** Reads a token of {@code kind}, or fails with "Expected {@code expected}". */
  Token expect(Kind kind, String expected) throws SyntaxError {
    if (!check(kind)) {
      throw error("Expected " + expected);
    }
    return read();
  }

  /** Consumes the token loaded by the last successful {@link #check}. */
  Token read() {
    Token token = next;
    position += token.text().length();
    next = null;
    return token;
  }

  SyntaxError error(String message) {
    return new SyntaxError(message, source, position, position);
  }

  SyntaxError error(String message, int spanStart, int spanEnd) {
    return new SyntaxError(message, source, spanStart, spanEnd);
  }

  /** The end of a token of {@code kind} at {@code at}, or -1. */
  private int match(Kind kind, int at) {
    int length = source.length();
    switch (kind) {
      case LEFT_PARENTHESIS:
        return charAt(at, '(');
      case RIGHT_PARENTHESIS:
        return charAt(at, ')');
      case LEFT_BRACKET:
        return charAt(at, '[');
      case RIGHT_BRACKET:
        return charAt(at, ']');
      case SEMICOLON:
        return charAt(at, ';');
      case COMMA:
        return charAt(at, ',');
      case AT:
        return charAt(at, '@');
      case QUOTED_STRING:
        if (at < length && (source.charAt(at) == '\'' || source.charAt(at) == '"')) {
          int close = source.indexOf(source.charAt(at), at + 1);
          return close < 0 ? -1 : close + 1;
        }
        return -1;
      case OP:
        for (String op : OPS) {
          if (source.startsWith(op, at)) {
            return at + op.length();
          }
        }
        return -1;
      case BOOLOP:
        int or = word(at, "or");
        return or >= 0 ? or : word(at, "and");
      case IN:
        return word(at, "in");
      case NOT:
        return word(at, "not");
      case VARIABLE:
        for (String variable : VARIABLES) {
          int end = word(at, variable);
          if (end >= 0) {
            return end;
          }
        }
        return -1;
      case SPECIFIER:
        return specifier(at);
      case VERSION_LOCAL_LABEL_TRAIL:
        return source.startsWith("+", at) ? localLabel(at + 1, false) : -1;
      case VERSION_PREFIX_TRAIL:
        return source.startsWith(".*", at) ? at + 2 : -1;
      case URL:
        int urlEnd = at;
        while (urlEnd < length && source.charAt(urlEnd) != ' ' && source.charAt(urlEnd) != '\t') {
          urlEnd++;
        }
        return urlEnd > at ? urlEnd : -1;
      case WS:
        int wsEnd = at;
        while (wsEnd < length && (source.charAt(wsEnd) == ' ' || source.charAt(wsEnd) == '\t')) {
          wsEnd++;
        }
        return wsEnd > at ? wsEnd : -1;
      case IDENTIFIER:
        return identifier(at);
      case END:
        return at == length || (at == length - 1 && source.charAt(at) == '\n') ? at : -1;
      default:
        throw new AssertionError(kind);
    }
  }

  private int charAt(int at, char c) {
    return at < source.length() && source.charAt(at) == c ? at + 1 : -1;
  }

  /**
   * The end of {@code Specifier._specifier_regex_str} matched (case-insensitively) at {@code
   * at}, or -1. Hand-written, one pass: every part after the release is optional, so the regular
   * expression never backtracks into a part once it matched, and each part takes its first
   * alternative that matches, longest first. (Java's regex engine recurses once per repetition of
   * a group: a version of many segments overflowed the stack.)
   */
  private int specifier(int at) {
    int length = source.length();
    if (source.startsWith("===", at)) {
      int i = spaces(at + 3);
      while (i < length) {
        char c = source.charAt(i);
        if (c == ';' || c == ')' || PyStrings.isSpace(c)) {
          break;
        }
        i++;
      }
      return i;
    }
    boolean equality = source.startsWith("==", at) || source.startsWith("!=", at);
    boolean compatible = source.startsWith("~=", at);
    int i;
    if (equality || compatible || source.startsWith("<=", at) || source.startsWith(">=", at)) {
      i = at + 2;
    } else if (source.startsWith("<", at) || source.startsWith(">", at)) {
      i = at + 1;
    } else {
      return -1;
    }
    i = spaces(i);
    if (i < length && (source.charAt(i) == 'v' || source.charAt(i) == 'V')) {
      i++;
    }
    int digits = digits(i);
    if (digits == i) {
      return -1;
    }
    if (digits < length && source.charAt(digits) == '!') {
      // an epoch, when a release follows it
      int release = digits(digits + 1);
      if (release > digits + 1) {
        digits = release;
      }
    }
    i = digits;
    int segments = 1;
    while (i + 1 < length && source.charAt(i) == '.' && isDigit(source.charAt(i + 1))) {
      i = digits(i + 1);
      segments++;
    }
    if (compatible && segments < 2) {
      return -1;
    }
    if (equality && source.startsWith(".*", i)) {
      return i + 2;
    }
    i = preRelease(i);
    i = postRelease(i);
    i = devRelease(i);
    if (equality && i < length && source.charAt(i) == '+') {
      int local = localLabel(i + 1, true);
      if (local >= 0) {
        i = local;
      }
    }
    return i;
  }

  /** {@code [-_.]?(alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*}, optional. */
  private int preRelease(int at) {
    int k = separator(at);
    for (String word : PRE_WORDS) {
      if (source.regionMatches(true, k, word, 0, word.length()) && ascii(k, word.length())) {
        return digits(separator(k + word.length()));
      }
    }
    return at;
  }

  /** {@code (-[0-9]+)|([-_.]?(post|rev|r)[-_.]?[0-9]*)}, optional. */
  private int postRelease(int at) {
    if (source.startsWith("-", at) && digits(at + 1) > at + 1) {
      return digits(at + 1);
    }
    int k = separator(at);
    for (String word : POST_WORDS) {
      if (source.regionMatches(true, k, word, 0, word.length()) && ascii(k, word.length())) {
        return digits(separator(k + word.length()));
      }
    }
    return at;
  }

  /** {@code [-_.]?dev[-_.]?[0-9]*}, optional. */
  private int devRelease(int at) {
    int k = separator(at);
    if (source.regionMatches(true, k, "dev", 0, 3) && ascii(k, 3)) {
      return digits(separator(k + 3));
    }
    return at;
  }

  /**
   * After a {@code +} at {@code at - 1}: {@code [a-z0-9]+(?:[-_.][a-z0-9]+)*}, the end or -1.
   *
   * @param ignoreCase whether upper-case letters count (the specifier pattern is case-insensitive;
   *     the local-label trail pattern is not)
   */
  private int localLabel(int at, boolean ignoreCase) {
    int end = alnums(at, ignoreCase);
    if (end == at) {
      return -1;
    }
    while (end + 1 < source.length() && isSeparator(source.charAt(end))) {
      int next = alnums(end + 1, ignoreCase);
      if (next == end + 1) {
        break;
      }
      end = next;
    }
    return end;
  }

  private int alnums(int at, boolean ignoreCase) {
    while (at < source.length()) {
      char c = source.charAt(at);
      if (!((c >= 'a' && c <= 'z') || isDigit(c) || (ignoreCase && c >= 'A' && c <= 'Z'))) {
        break;
      }
      at++;
    }
    return at;
  }

  private int spaces(int at) {
    while (at < source.length() && PyStrings.isSpace(source.charAt(at))) {
      at++;
    }
    return at;
  }

  private int digits(int at) {
    while (at < source.length() && isDigit(source.charAt(at))) {
      at++;
    }
    return at;
  }

  private int separator(int at) {
    return at < source.length() && isSeparator(source.charAt(at)) ? at + 1 : at;
  }

  private boolean ascii(int at, int count) {
    for (int i = at; i < at + count; i++) {
      if (source.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isSeparator(char c) {
    return c == '-' || c == '_' || c == '.';
  }

  /** {@code \bWORD\b} where {@code word} starts and ends with word characters. */
  private int word(int at, String word) {
    if (!source.startsWith(word, at) || !boundary(at)) {
      return -1;
    }
    int end = at + word.length();
    return boundary(end) ? end : -1;
  }

  /** {@code \b[a-zA-Z0-9][a-zA-Z0-9._-]*\b} with Python's backtracking. */
  private int identifier(int at) {
    if (at >= source.length() || !isAsciiAlnum(source.charAt(at)) || !boundary(at)) {
      return -1;
    }
    int end = at + 1;
    while (end < source.length() && isIdentifierChar(source.charAt(end))) {
      end++;
    }
    for (; end > at; end--) {
      if (boundary(end)) {
        return end;
      }
    }
    return -1;
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isIdentifierChar(char c) {
    return isAsciiAlnum(c) || c == '.' || c == '_' || c == '-';
  }

  /** Python's {@code \b} at {@code at}. */
  private boolean boundary(int at) {
    boolean before = at > 0 && PyStrings.isWordChar(source.codePointBefore(at));
    boolean after = at < source.length() && PyStrings.isWordChar(source.codePointAt(at));
    return before != after;
  }
}
