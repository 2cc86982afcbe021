package org.pylock4j.toml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds where each key, table and array element of a (syntactically valid) TOML document starts,
 * so that errors found after parsing can name a line and column.
 *
 * <p>Paths are keys joined by {@code .} with array indices in brackets: {@code
 * packages[1].wheels[0].hashes.sha256}. Jackson's TOML parser validates the syntax first; this
 * scanner only tracks structure and is lenient about anything else.
 *
 * <p>The one TOML locator of resolver-lock: the lock reader ({@link #index}, {@link #find}) and
 * the pyproject.toml reader ({@link #of}, {@link #key}, {@link #anyKey}, {@link #stringElement})
 * both use it. Not exported.
 */
public final class TomlLocator {

  /**
   * Where a path starts.
   *
   * @param line 1-based line of the key, header or element
   * @param column 1-based column of it
   * @param valueLine 1-based line of the value (the header for a table)
   * @param valueColumn 1-based column of the value
   */
  public record Location(int line, int column, int valueLine, int valueColumn) {
    /** No position known: line and column 0. */
    public static final Location UNKNOWN = new Location(0, 0, 0, 0);
  }

  private final String text;
  private final Map<String, Location> locations = new HashMap<>();
  private final Map<String, Integer> arrayTables = new HashMap<>();
  private int pos;
  private int line = 1;
  private int lineStart;

  private TomlLocator(String text) {
    this.text = text;
  }

  /** Indexes {@code text}; never fails (a structure it cannot follow ends the scan). */
  public static Map<String, Location> index(String text) {
    TomlLocator l = new TomlLocator(text);
    try {
      l.document();
    } catch (RuntimeException stop) {
      // best effort: keep what was found before the scanner lost track
    }
    return l.locations;
  }

  /** The location of {@code path}, or of its nearest recorded ancestor; null when none. */
  public static Location find(Map<String, Location> index, String path) {
    String p = path;
    while (!p.isEmpty()) {
      Location l = index.get(p);
      if (l != null) {
        return l;
      }
      p = parent(p);
    }
    return null;
  }

  public static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }

  /** The positions of a document, for queries by table and key. */
  public static TomlLocator of(String text) {
    TomlLocator l = new TomlLocator(text);
    l.queries = index(text);
    return l;
  }

  private Map<String, Location> queries = Map.of();

  /** Where {@code key} of {@code table} (dotted, e.g. {@code tool.pylock4j}) is written. */
  public Location key(String table, String key) {
    Location l = queries.get(table.isEmpty() ? key : table + "." + key);
    return l != null ? l : anyKey(key);
  }

  /** The first place in the document where a key or table named {@code key} is written. */
  public Location anyKey(String key) {
    Location best = null;
    for (Map.Entry<String, Location> e : queries.entrySet()) {
      String path = e.getKey().replaceAll("\\[\\d+\\]$", "");
      String last = path.substring(path.lastIndexOf('.') + 1);
      Location l = e.getValue();
      if (last.equals(key) && (best == null || l.line() < best.line()
          || (l.line() == best.line() && l.column() < best.column()))) {
        best = l;
      }
    }
    return best == null ? Location.UNKNOWN : best;
  }

  /**
   * Where the string that is element {@code index} of the array {@code path} starts (its first
   * character, after the quote); for an inline table {@code {child = "…"}}, where that string
   * value starts. Unknown elements give the array's key, or {@link Location#UNKNOWN}.
   */
  public Location stringElement(String path, int index, String child) {
    String element = path + "[" + index + "]";
    Location l = child == null ? null : queries.get(element + "." + child);
    if (l != null) {
      return new Location(l.valueLine(), l.valueColumn() + 1, l.valueLine(), l.valueColumn() + 1);
    }
    l = queries.get(element);
    if (l != null) {
      return new Location(l.line(), l.column() + 1, l.line(), l.column() + 1);
    }
    l = queries.get(path);
    return l == null ? Location.UNKNOWN : l;
  }

  private void document() {
    String table = "";
    while (true) {
      skipBlank(true);
      if (pos >= text.length()) {
        return;
      }
      char c = text.charAt(pos);
      if (c == '[') {
        int l = line;
        int col = column();
        boolean array = text.startsWith("[[", pos);
        pos += array ? 2 : 1;
        List<String> keys = keys(array ? "]]" : "]");
        pos += array ? 2 : 1;
        table = resolve(keys, array);
        locations.putIfAbsent(table, new Location(l, col, l, col));
      } else {
        keyValue(table);
      }
      skipToLineEnd();
    }
  }

  /** The concrete path of a header: segments that name arrays of tables go to their last element. */
  private String resolve(List<String> keys, boolean array) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      if (path.length() > 0) {
        path.append('.');
      }
      path.append(keys.get(i));
      String plain = path.toString();
      if (array && i == keys.size() - 1) {
        int n = arrayTables.merge(plain, 1, Integer::sum);
        path.append('[').append(n - 1).append(']');
      } else if (arrayTables.containsKey(plain)) {
        path.append('[').append(arrayTables.get(plain) - 1).append(']');
      }
    }
    return path.toString();
  }

  private void keyValue(String table) {
    int l = line;
    int col = column();
    List<String> keys = keys("=");
    String path = join(table, keys);
    pos++; // '='
    skipBlank(false);
    locations.putIfAbsent(path, new Location(l, col, line, column()));
    value(path);
  }

  private void value(String path) {
    char c = text.charAt(pos);
    if (c == '"' || c == '\'') {
      string();
    } else if (c == '[') {
      pos++;
      int i = 0;
      while (true) {
        skipBlank(true);
        if (text.charAt(pos) == ']') {
          pos++;
          return;
        }
        String element = path + "[" + i + "]";
        locations.putIfAbsent(element, new Location(line, column(), line, column()));
        value(element);
        skipBlank(true);
        if (text.charAt(pos) == ',') {
          pos++;
          i++;
        }
      }
    } else if (c == '{') {
      pos++;
      while (true) {
        skipBlank(false);
        if (text.charAt(pos) == '}') {
          pos++;
          return;
        }
        keyValue(path);
        skipBlank(false);
        if (text.charAt(pos) == ',') {
          pos++;
        }
      }
    } else {
      while (pos < text.length() && ",]}\n#".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
    }
  }

  /** Reads dotted keys up to {@code end} (not consumed). */
  private List<String> keys(String end) {
    List<String> keys = new ArrayList<>();
    while (true) {
      skipBlank(false);
      if (text.startsWith(end, pos)) {
        return keys;
      }
      char c = text.charAt(pos);
      if (c == '"' || c == '\'') {
        int start = pos;
        string();
        keys.add(unquote(text.substring(start, pos)));
      } else if (c == '.') {
        pos++;
      } else {
        int start = pos;
        while (pos < text.length() && isBare(text.charAt(pos))) {
          pos++;
        }
        if (start == pos) {
          throw new IllegalStateException("lost at " + pos);
        }
        keys.add(text.substring(start, pos));
      }
    }
  }

  private static boolean isBare(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  private static String unquote(String quoted) {
    String inner = quoted.substring(1, quoted.length() - 1);
    if (quoted.charAt(0) == '\'') {
      return inner;
    }
    return inner.replace("\\\"", "\"").replace("\\\\", "\\");
  }

  private void string() {
    char q = text.charAt(pos);
    String triple = String.valueOf(q).repeat(3);
    if (text.startsWith(triple, pos)) {
      pos += 3;
      while (!text.startsWith(triple, pos)) {
        if (q == '"' && text.charAt(pos) == '\\') {
          pos++;
        }
        advance();
      }
      pos += 3;
      while (pos < text.length() && text.charAt(pos) == q) {
        pos++;
      }
      return;
    }
    pos++;
    while (text.charAt(pos) != q) {
      if (q == '"' && text.charAt(pos) == '\\') {
        pos++;
      }
      pos++;
    }
    pos++;
  }

  private void advance() {
    if (text.charAt(pos) == '\n') {
      line++;
      lineStart = pos + 1;
    }
    pos++;
  }

  private void skipBlank(boolean newlines) {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '\n' && newlines) {
        advance();
      } else if (c == '#' && newlines) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private void skipToLineEnd() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
  }

  private int column() {
    return text.codePointCount(lineStart, pos) + 1;
  }

  private static String join(String table, List<String> keys) {
    StringBuilder b = new StringBuilder(table);
    for (String k : keys) {
      if (b.length() > 0) {
        b.append('.');
      }
      b.append(k);
    }
    return b.toString();
  }
}
