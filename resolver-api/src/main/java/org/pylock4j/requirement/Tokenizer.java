package org.pylock4j.requirement;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final String PRE = "(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?";
  private static final String POST = "(?:(?:-[0-9]+)|(?:[-_.]?(?:post|rev|r)[-_.]?[0-9]*))?";
  private static final String DEV = "(?:[-_.]?dev[-_.]?[0-9]*)?";

  /** {@code Specifier._specifier_regex_str}, matched case-insensitively from the position. */
  static final String SPECIFIER_REGEX =
      "(?:(?:==="
          + PyStrings.SPACE_CLASS
          + "*[^;)"
          + PyStrings.SPACE_CLASS.substring(1)
          + "*)"
          + "|(?:(?:==|!=)"
          + PyStrings.SPACE_CLASS
          + "*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*"
          + "(?:\\.\\*|"
          + PRE
          + POST
          + DEV
          + "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?)?)"
          + "|(?:~="
          + PyStrings.SPACE_CLASS
          + "*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+"
          + PRE
          + POST
          + DEV
          + ")"
          + "|(?:(?:<=|>=|<|>)"
          + PyStrings.SPACE_CLASS
          + "*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*"
          + PRE
          + POST
          + DEV
          + "))";

  private static final Pattern SPECIFIER =
      Pattern.compile(SPECIFIER_REGEX, Pattern.CASE_INSENSITIVE);
  private static final Pattern LOCAL_LABEL_TRAIL =
      Pattern.compile("\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*");

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
  private Matcher specifierMatcher;

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
        return regex(SPECIFIER, at);
      case VERSION_LOCAL_LABEL_TRAIL:
        return regex(LOCAL_LABEL_TRAIL, at);
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

  private int regex(Pattern pattern, int at) {
    Matcher matcher;
    if (pattern == SPECIFIER) {
      if (specifierMatcher == null) {
        specifierMatcher = SPECIFIER.matcher(source);
      }
      matcher = specifierMatcher;
    } else {
      matcher = pattern.matcher(source);
    }
    matcher.region(at, source.length()).useTransparentBounds(true).useAnchoringBounds(false);
    return matcher.lookingAt() ? matcher.end() : -1;
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
