package org.pylock4j.lock;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Prints TOML in the layout uv and pip use for {@code pylock.toml}: {@code key = value} lines,
 * {@code [table]} and {@code [[array]]} headers, inline tables for small values. Output depends on
 * the values alone (no clock, no locale), so equal input gives equal bytes.
 */
final class TomlEmitter {

  private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
  private static final int MAX_INLINE_ARRAY = 100;

  private final StringBuilder out = new StringBuilder();

  /** Appends {@code key = value}. */
  TomlEmitter keyValue(String key, Object value) {
    String prefix = key(key) + " = ";
    out.append(prefix);
    if (value instanceof List<?> list && multiline(prefix, list)) {
      out.append("[\n");
      for (Object o : list) {
        out.append("    ");
        value(o);
        out.append(",\n");
      }
      out.append("]");
    } else {
      value(value);
    }
    out.append('\n');
    return this;
  }

  /** Appends {@code key = value} when {@code value} is not null. */
  TomlEmitter optional(String key, Object value) {
    return value == null ? this : keyValue(key, value);
  }

  /** Appends a blank line then {@code [path]}. */
  TomlEmitter table(String path) {
    blankLine();
    out.append('[').append(path).append("]\n");
    return this;
  }

  /** Appends a blank line then {@code [[path]]}. */
  TomlEmitter arrayTable(String path) {
    blankLine();
    out.append("[[").append(path).append("]]\n");
    return this;
  }

  /** Appends {@code # text} lines. */
  TomlEmitter comment(String text) {
    for (String line : text.split("\n", -1)) {
      out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
    return this;
  }

  /**
   * Appends a table of arbitrary TOML values under {@code path}: its plain keys first, then its
   * sub-tables as {@code [path.key]} sections, recursively.
   */
  @SuppressWarnings("unchecked")
  TomlEmitter tableTree(String path, Map<String, Object> table) {
    table(path);
    for (Map.Entry<String, Object> e : table.entrySet()) {
      if (!(e.getValue() instanceof Map)) {
        keyValue(e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, Object> e : table.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> sub) {
        tableTree(path + "." + key(e.getKey()), (Map<String, Object>) sub);
      }
    }
    return this;
  }

  private void blankLine() {
    if (out.length() > 0 && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
      out.append('\n');
    }
  }

  private static boolean multiline(String prefix, List<?> list) {
    if (list.size() > 1 && list.stream().anyMatch(o -> o instanceof Map)) {
      return true;
    }
    return prefix.length() + inline(list).length() > MAX_INLINE_ARRAY;
  }

  private static String inline(Object value) {
    TomlEmitter e = new TomlEmitter();
    e.value(value);
    return e.out.toString();
  }

  @SuppressWarnings("unchecked")
  private void value(Object value) {
    if (value instanceof String s) {
      string(s);
    } else if (value instanceof Long || value instanceof Integer || value instanceof BigInteger
        || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Double d) {
      out.append(d.isNaN() ? "nan" : d.isInfinite() ? (d > 0 ? "inf" : "-inf") : d.toString());
    } else if (value instanceof Instant i) {
      out.append(DateTimeFormatter.ISO_INSTANT.format(i));
    } else if (value instanceof OffsetDateTime t) {
      out.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
    } else if (value instanceof LocalDateTime t) {
      out.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t));
    } else if (value instanceof LocalDate t) {
      out.append(DateTimeFormatter.ISO_LOCAL_DATE.format(t));
    } else if (value instanceof LocalTime t) {
      out.append(DateTimeFormatter.ISO_LOCAL_TIME.format(t));
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        value(list.get(i));
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{ ");
      boolean first = true;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        out.append(first ? "" : ", ").append(key(e.getKey())).append(" = ");
        value(e.getValue());
        first = false;
      }
      out.append(" }");
    } else {
      throw new IllegalArgumentException(
          "not a TOML value: " + (value == null ? "null" : value.getClass().getName()));
    }
  }

  static String key(String key) {
    if (BARE_KEY.matcher(key).matches()) {
      return key;
    }
    TomlEmitter e = new TomlEmitter();
    e.string(key);
    return e.out.toString();
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
