package org.pylock4j.requirement;

import static org.pylock4j.requirement.Tokenizer.Kind.AT;
import static org.pylock4j.requirement.Tokenizer.Kind.BOOLOP;
import static org.pylock4j.requirement.Tokenizer.Kind.COMMA;
import static org.pylock4j.requirement.Tokenizer.Kind.END;
import static org.pylock4j.requirement.Tokenizer.Kind.IDENTIFIER;
import static org.pylock4j.requirement.Tokenizer.Kind.IN;
import static org.pylock4j.requirement.Tokenizer.Kind.LEFT_BRACKET;
import static org.pylock4j.requirement.Tokenizer.Kind.LEFT_PARENTHESIS;
import static org.pylock4j.requirement.Tokenizer.Kind.NOT;
import static org.pylock4j.requirement.Tokenizer.Kind.OP;
import static org.pylock4j.requirement.Tokenizer.Kind.QUOTED_STRING;
import static org.pylock4j.requirement.Tokenizer.Kind.RIGHT_BRACKET;
import static org.pylock4j.requirement.Tokenizer.Kind.RIGHT_PARENTHESIS;
import static org.pylock4j.requirement.Tokenizer.Kind.SEMICOLON;
import static org.pylock4j.requirement.Tokenizer.Kind.SPECIFIER;
import static org.pylock4j.requirement.Tokenizer.Kind.URL;
import static org.pylock4j.requirement.Tokenizer.Kind.VARIABLE;
import static org.pylock4j.requirement.Tokenizer.Kind.VERSION_LOCAL_LABEL_TRAIL;
import static org.pylock4j.requirement.Tokenizer.Kind.VERSION_PREFIX_TRAIL;
import static org.pylock4j.requirement.Tokenizer.Kind.WS;

import java.util.ArrayList;
import java.util.List;
import org.pylock4j.internal.PyStrings;
import org.pylock4j.requirement.Tokenizer.SyntaxError;

/**
 * The recursive-descent parser of {@code packaging}'s {@code _parser.py}: same grammar, same
 * error messages, same error spans.
 */
final class Parser {

  /** A parsed requirement before its parts become values. */
  record Parsed(String name, String url, List<String> extras, String specifier, Marker marker) {}

  private final Tokenizer tokenizer;
  /** Parentheses open around the current position of a marker. */
  private int depth;
  /** Comparisons read so far. */
  private int comparisons;

  private Parser(String source) {
    this.tokenizer = new Tokenizer(source);
  }

  static Parsed parseRequirement(String source) throws SyntaxError {
    return new Parser(source).requirement();
  }

  static Marker parseMarker(String source) throws SyntaxError {
    Parser parser = new Parser(source);
    Marker marker = parser.marker(true);
    parser.tokenizer.expect(END, "end of marker expression");
    return marker;
  }

  /** {@code requirement = WS? IDENTIFIER WS? extras WS? requirement_details}. */
  private Parsed requirement() throws SyntaxError {
    tokenizer.consume(WS);
    String name =
        tokenizer.expect(IDENTIFIER, "package name at the start of dependency specifier").text();
    tokenizer.consume(WS);
    List<String> extras = extras();
    tokenizer.consume(WS);

    String url = "";
    String specifier = "";
    Marker marker = null;
    if (tokenizer.check(AT)) {
      tokenizer.read();
      tokenizer.consume(WS);
      int urlStart = tokenizer.position();
      url = tokenizer.expect(URL, "URL after @").text();
      if (!tokenizer.peek(END)) {
        tokenizer.expect(WS, "whitespace after URL");
        if (!tokenizer.peek(END)) {
          marker = requirementMarker(urlStart, "semicolon (after URL and whitespace)");
        }
      }
    } else {
      int specifierStart = tokenizer.position();
      specifier = specifier();
      tokenizer.consume(WS);
      if (!tokenizer.peek(END)) {
        marker =
            requirementMarker(
                specifierStart,
                specifier.isEmpty()
                    ? "semicolon (after name with no version specifier)"
                    : "comma (within version specifier), semicolon (after version specifier)");
      }
    }
    tokenizer.expect(END, "end of dependency specifier");
    return new Parsed(name, url, extras, specifier, marker);
  }

  /** {@code requirement_marker = SEMICOLON marker WS?}. */
  private Marker requirementMarker(int spanStart, String expected) throws SyntaxError {
    if (!tokenizer.check(SEMICOLON)) {
      throw tokenizer.error("Expected " + expected + " or end", spanStart, tokenizer.position());
    }
    tokenizer.read();
    Marker marker = marker(true);
    tokenizer.consume(WS);
    return marker;
  }

  /** {@code extras = (LEFT_BRACKET wsp* extras_list? wsp* RIGHT_BRACKET)?}. */
  private List<String> extras() throws SyntaxError {
    if (!tokenizer.peek(LEFT_BRACKET)) {
      return List.of();
    }
    tokenizer.check(LEFT_BRACKET);
    int open = tokenizer.position();
    tokenizer.read();
    tokenizer.consume(WS);
    List<String> extras = extrasList();
    tokenizer.consume(WS);
    close(RIGHT_BRACKET, "Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras", open);
    return extras;
  }

  /** {@code extras_list = identifier (wsp* ',' wsp* identifier)*}. */
  private List<String> extrasList() throws SyntaxError {
    List<String> extras = new ArrayList<>();
    if (!tokenizer.check(IDENTIFIER)) {
      return extras;
    }
    extras.add(tokenizer.read().text());
    while (true) {
      tokenizer.consume(WS);
      if (tokenizer.peek(IDENTIFIER)) {
        throw tokenizer.error("Expected comma between extra names");
      } else if (!tokenizer.check(COMMA)) {
        break;
      }
      tokenizer.read();
      tokenizer.consume(WS);
      extras.add(tokenizer.expect(IDENTIFIER, "extra name after comma").text());
    }
    return extras;
  }

  /**
   * {@code specifier = LEFT_PARENTHESIS WS? version_many WS? RIGHT_PARENTHESIS | WS? version_many
   * WS?}.
   */
  private String specifier() throws SyntaxError {
    int open = -1;
    if (tokenizer.check(LEFT_PARENTHESIS)) {
      open = tokenizer.position();
      tokenizer.read();
    }
    tokenizer.consume(WS);
    String specifiers = versionMany();
    tokenizer.consume(WS);
    if (open >= 0) {
      close(
          RIGHT_PARENTHESIS,
          "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier",
          open);
    }
    return specifiers;
  }

  /** {@code version_many = (SPECIFIER (WS? COMMA WS? SPECIFIER)*)?}. */
  private String versionMany() throws SyntaxError {
    StringBuilder specifiers = new StringBuilder();
    while (tokenizer.check(SPECIFIER)) {
      int spanStart = tokenizer.position();
      specifiers.append(tokenizer.read().text());
      if (tokenizer.peek(VERSION_PREFIX_TRAIL)) {
        throw tokenizer.error(
            ".* suffix can only be used with `==` or `!=` operators",
            spanStart,
            tokenizer.position() + 1);
      }
      if (tokenizer.peek(VERSION_LOCAL_LABEL_TRAIL)) {
        throw tokenizer.error(
            "Local version label can only be used with `==` or `!=` operators",
            spanStart,
            tokenizer.position());
      }
      tokenizer.consume(WS);
      if (!tokenizer.check(COMMA)) {
        break;
      }
      specifiers.append(tokenizer.read().text());
      tokenizer.consume(WS);
    }
    return specifiers.toString();
  }

  /**
   * {@code marker = marker_atom (BOOLOP marker_atom)*}, {@code and} binding tighter.
   *
   * @param top whether this is the whole marker, not a parenthesised part: {@code packaging}
   *     normalises {@code extra} comparisons only there
   */
  private Marker marker(boolean top) throws SyntaxError {
    Marker or = null;
    Marker and = atom(top);
    while (tokenizer.check(BOOLOP)) {
      String word = tokenizer.read().text();
      Marker right = atom(top);
      if (word.equals("and")) {
        and = new Marker.And(and, right);
      } else {
        or = or == null ? and : new Marker.Or(or, and);
        and = right;
      }
    }
    return or == null ? and : new Marker.Or(or, and);
  }

  /**
   * {@code marker_atom = WS? LEFT_PARENTHESIS WS? marker WS? RIGHT_PARENTHESIS WS? | WS?
   * marker_item WS?}.
   */
  private Marker atom(boolean top) throws SyntaxError {
    tokenizer.consume(WS);
    Marker marker;
    if (tokenizer.peek(LEFT_PARENTHESIS)) {
      tokenizer.check(LEFT_PARENTHESIS);
      int open = tokenizer.position();
      if (depth == Marker.MAX_NESTING) {
        throw tokenizer.error(
            "Marker nests parentheses deeper than the limit of " + Marker.MAX_NESTING
                + " (Marker.MAX_NESTING)",
            open,
            open);
      }
      tokenizer.read();
      tokenizer.consume(WS);
      depth++;
      marker = new Marker.Group(marker(false));
      depth--;
      tokenizer.consume(WS);
      close(
          RIGHT_PARENTHESIS,
          "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression",
          open);
    } else {
      marker = top ? item().normalizeExtra() : item();
    }
    tokenizer.consume(WS);
    return marker;
  }

  /** {@code marker_item = WS? marker_var WS? marker_op WS? marker_var WS?}. */
  private Marker.Comparison item() throws SyntaxError {
    tokenizer.consume(WS);
    if (comparisons++ == Marker.MAX_COMPARISONS) {
      throw tokenizer.error(
          "Marker has more comparisons than the limit of " + Marker.MAX_COMPARISONS
              + " (Marker.MAX_COMPARISONS)");
    }
    Marker.Operand left = variableOrString();
    tokenizer.consume(WS);
    String op = operator();
    tokenizer.consume(WS);
    Marker.Operand right = variableOrString();
    tokenizer.consume(WS);
    return new Marker.Comparison(left, op, right);
  }

  /** {@code marker_var = VARIABLE | QUOTED_STRING}. */
  private Marker.Operand variableOrString() throws SyntaxError {
    if (tokenizer.check(VARIABLE)) {
      String name = tokenizer.read().text().replace('.', '_');
      return new Marker.Variable(
          name.equals("python_implementation") ? "platform_python_implementation" : name);
    }
    if (tokenizer.check(QUOTED_STRING)) {
      Tokenizer.Token token = tokenizer.read();
      String value;
      try {
        value = PyStrings.literalEval(token.text());
      } catch (IllegalArgumentException rejected) {
        throw tokenizer.error(
            "Invalid string literal (" + rejected.getMessage() + ")",
            token.position(),
            token.position() + token.text().length());
      }
      return new Marker.Literal(value);
    }
    throw tokenizer.error("Expected a marker variable or quoted string");
  }

  /** {@code marker_op = IN | NOT IN | OP}. */
  private String operator() throws SyntaxError {
    if (tokenizer.check(IN)) {
      tokenizer.read();
      return "in";
    }
    if (tokenizer.check(NOT)) {
      tokenizer.read();
      tokenizer.expect(WS, "whitespace after 'not'");
      tokenizer.expect(IN, "'in' after 'not'");
      return "not in";
    }
    if (tokenizer.check(OP)) {
      return tokenizer.read().text();
    }
    throw tokenizer.error(
        "Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
  }

  /** The closing half of {@code enclosing_tokens}. */
  private void close(Tokenizer.Kind kind, String message, int open) throws SyntaxError {
    if (!tokenizer.check(kind)) {
      throw tokenizer.error(message, open, tokenizer.position());
    }
    tokenizer.read();
  }
}
