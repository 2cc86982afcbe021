package org.pylock4j.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where keys and string values of a TOML document are written, for error messages. The
 * TOML parser yields a tree without positions, so this searches the text: a table's header, then
 * the key's assignment in it, then each string value in order. Best effort: when a value cannot
 * be found (written with escapes, say) the position of the key is used, or none.
 */
final class TomlLocator {

  /** A 1-based line and column; 0 when unknown. */
  record Position(int line, int column) {
    static final Position UNKNOWN = new Position(0, 0);
  }

  private final String text;
  private final List<Integer> lineStarts = new ArrayList<>();
  private int cursor;
  private int cursorKey = -1;
  /** Strings known to be absent from an offset on. */
  private final Map<String, Integer> missingFrom = new HashMap<>();

  TomlLocator(String text) {
    this.text = text;
    lineStarts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts.add(i + 1);
      }
    }
  }

  /** Positions the cursor after {@code key =} in table {@code table} (dotted, e.g. a.b). */
  void startArray(String table, String key) {
    int at = assignment(table, key);
    cursorKey = at;
    cursor = at < 0 ? 0 : at;
  }

  /**
   * The position of the next string literal equal to {@code value} after the cursor. Linear over a
   * whole array: the search for the literal form stops where the basic form was found, and a
   * form not found from some offset is not searched for again after it.
   */
  Position nextString(String value) {
    String basic = '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    String literal = '\'' + value + '\'';
    int a = find(basic, cursor, text.length());
    int b = value.contains("'") ? -1 : find(literal, cursor, a < 0 ? text.length() : a);
    int found = a < 0 ? b : (b < 0 ? a : Math.min(a, b));
    if (found < 0) {
      return cursorKey < 0 ? Position.UNKNOWN : position(cursorKey);
    }
    int length = found == a ? basic.length() : literal.length();
    cursor = found + length;
    return position(found + 1);
  }

  /** The first {@code needle} starting in {@code [from, before)}, or -1. */
  private int find(String needle, int from, int before) {
    Integer missing = missingFrom.get(needle);
    if (missing != null && missing <= from) {
      return -1;
    }
    char first = needle.charAt(0);
    for (int i = text.indexOf(first, from); i >= 0 && i < before; i = text.indexOf(first, i + 1)) {
      if (text.startsWith(needle, i)) {
        return i;
      }
    }
    if (before >= text.length()) {
      missingFrom.merge(needle, from, Math::min);
    }
    return -1;
  }

  /** The position of {@code key}'s assignment in {@code table}. */
  Position key(String table, String key) {
    int at = keyStart(table, key);
    return at < 0 ? anyKey(key) : position(at);
  }

  /** The position of a string {@code value} of {@code key} in {@code table}. */
  Position value(String table, String key, String value) {
    startArray(table, key);
    return nextString(value);
  }

  /** The first place {@code key} is assigned or names a table, or unknown. */
  Position anyKey(String key) {
    Matcher m = keyPattern(key).matcher(text);
    if (m.find()) {
      return position(m.start(1));
    }
    Matcher header =
        Pattern.compile("(?m)^[ \\t]*\\[+[^\\]\\n]*?(" + Pattern.quote(key) + ")").matcher(text);
    return header.find() ? position(header.start(1)) : Position.UNKNOWN;
  }

  private int assignment(String table, String key) {
    int start = keyStart(table, key);
    if (start < 0) {
      return -1;
    }
    int eq = text.indexOf('=', start);
    return eq < 0 ? start : eq + 1;
  }

  private int keyStart(String table, String key) {
    int from = 0;
    int to = text.length();
    Matcher header = headerPattern(table).matcher(text);
    if (header.find()) {
      from = header.end();
      Matcher next = Pattern.compile("(?m)^[ \\t]*\\[").matcher(text);
      if (next.find(from)) {
        to = next.start();
      }
    }
    Matcher m = keyPattern(key).matcher(text);
    m.region(from, to);
    if (m.find()) {
      return m.start(1);
    }
    // dotted keys or inline tables: the key anywhere after the table's last part
    m = keyPattern(key).matcher(text);
    return m.find(from) ? m.start(1) : -1;
  }

  private static Pattern headerPattern(String table) {
    StringBuilder regex = new StringBuilder("(?m)^[ \\t]*\\[[ \\t]*");
    String[] parts = table.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append("[ \\t]*\\.[ \\t]*");
      }
      regex.append("[\"']?").append(Pattern.quote(parts[i])).append("[\"']?");
    }
    return Pattern.compile(regex.append("[ \\t]*\\][ \\t]*(#.*)?$").toString());
  }

  private static Pattern keyPattern(String key) {
    return Pattern.compile(
        "(?:^|[\\s.{,])([\"']?" + Pattern.quote(key) + "[\"']?)[ \\t]*(?:=|\\.)",
        Pattern.MULTILINE);
  }

  private Position position(int offset) {
    int low = 0;
    int high = lineStarts.size() - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (lineStarts.get(mid) <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return new Position(low + 1, offset - lineStarts.get(low) + 1);
  }
}
