package org.pylock4j.lock;

import org.pylock4j.toml.TomlLocator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.requirement.Marker;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.SpecifierSet;

/**
 * A table of a parsed TOML document with its key path, for typed access whose every failure is an
 * {@link InvalidLockFileException} located by {@link TomlLocator}: the key, its line and column,
 * the text of that line, and what is wrong.
 */
final class TomlTable {

  /** The document a table belongs to: its text, file name and (lazily) its locations. */
  static final class Document {
    final String text;
    final String file;
    /** Whether keys outside lock-version 1.0 are refused. */
    boolean strict = true;
    private Map<String, TomlLocator.Location> index;

    Document(String text, String file) {
      this.text = text;
      this.file = file;
    }

    Map<String, TomlLocator.Location> index() {
      if (index == null) {
        index = TomlLocator.index(text);
      }
      return index;
    }

    String lineText(int line) {
      if (line <= 0) {
        return "";
      }
      String[] lines = text.split("\n", -1);
      return line <= lines.length ? lines[line - 1].strip() : "";
    }
  }

  final Document doc;
  final String path;
  final ObjectNode node;

  TomlTable(Document doc, String path, ObjectNode node) {
    this.doc = doc;
    this.path = path;
    this.node = node;
  }

  String child(String key) {
    return key.isEmpty() ? path : path.isEmpty() ? key : path + "." + key;
  }

  /** An error at {@code key} (its value when {@code atValue}) or at this table. */
  InvalidLockFileException fail(String key, boolean atValue, String what) {
    String where = child(key);
    TomlLocator.Location l = TomlLocator.find(doc.index(), where);
    int line = 0;
    int column = 0;
    if (l != null) {
      boolean exact = doc.index().containsKey(where);
      line = exact && atValue ? l.valueLine() : l.line();
      column = exact && atValue ? l.valueColumn() : l.column();
    }
    String reason = (where.isEmpty() ? "" : where + ": ") + what;
    return new InvalidLockFileException(reason, doc.lineText(line), doc.file, line, column, where);
  }

  void checkKeys(Set<String> allowed) {
    if (!doc.strict) {
      return;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!allowed.contains(k)) {
        throw fail(k, false, "unknown key (lock-version 1.0 defines "
            + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
    }
  }

  void requireOne(String a, String b) {
    if (!node.has(a) && !node.has(b)) {
      throw fail("", false, "needs \"" + a + "\" or \"" + b + "\"");
    }
  }

  JsonNode get(String key) {
    return node.get(key);
  }

  String requiredString(String key) {
    String s = optionalString(key);
    if (s == null) {
      throw fail("", false, "missing required key \"" + key + "\"");
    }
    return s;
  }

  String optionalString(String key) {
    JsonNode v = get(key);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw wrongType(key, v, "a string");
    }
    return v.textValue();
  }

  /** Checks that {@code text} (the value at {@code key}) is a PEP 508 marker. */
  void marker(String key, String text) {
    try {
      Marker.parse(text);
    } catch (InvalidInputException e) {
      throw fail(key, true, "invalid marker \"" + text + "\": " + firstLine(e.reason()));
    }
  }

  /** The value at {@code key}, checked to be a PEP 440 specifier set; null when absent. */
  String specifiers(String key) {
    String text = optionalString(key);
    if (text != null) {
      try {
        SpecifierSet.parse(text);
      } catch (InvalidInputException e) {
        throw fail(key, true, "invalid specifier \"" + text + "\": " + firstLine(e.reason()));
      }
    }
    return text;
  }

  boolean optionalBoolean(String key) {
    JsonNode v = get(key);
    if (v == null) {
      return false;
    }
    if (!v.isBoolean()) {
      throw wrongType(key, v, "a boolean");
    }
    return v.booleanValue();
  }

  ProjectName name(String key, boolean required) {
    String s = required ? requiredString(key) : optionalString(key);
    if (s == null) {
      return null;
    }
    if (!ProjectName.isValid(s)) {
      throw fail(key, true, "invalid project name \"" + s + "\"");
    }
    return ProjectName.of(s);
  }

  long size() {
    JsonNode v = get("size");
    if (v == null) {
      return -1;
    }
    if (!v.isIntegralNumber()) {
      throw wrongType("size", v, "an integer");
    }
    if (!v.canConvertToLong()) {
      throw fail("size", true, "too large: " + v.asText());
    }
    if (v.longValue() < 0) {
      throw fail("size", true, "must not be negative, was " + v.longValue());
    }
    return v.longValue();
  }

  Instant datetime(String key) {
    JsonNode v = get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof POJONode p && p.getPojo() instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (v instanceof POJONode p && p.getPojo() instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    }
    throw wrongType(key, v, "a date-time (e.g. 2024-08-30T01:55:02Z)");
  }

  Map<String, String> hashes() {
    JsonNode v = get("hashes");
    if (v == null) {
      throw fail("", false, "missing required key \"hashes\"");
    }
    if (!v.isObject()) {
      throw wrongType("hashes", v, "a table of algorithm = digest");
    }
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = v.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = "hashes." + e.getKey();
      if (!e.getValue().isTextual()) {
        throw wrongType(at, e.getValue(), "a string");
      }
      String digest = e.getValue().textValue();
      if (!digest.matches("[0-9a-fA-F]+")) {
        throw fail(at, true, "not a hex digest: \"" + digest + "\"");
      }
      out.put(e.getKey(), digest.toLowerCase(Locale.ROOT));
    }
    if (out.isEmpty()) {
      throw fail("hashes", true, "must hold at least one hash");
    }
    return out;
  }

  List<String> stringList(String key) {
    JsonNode v = get(key);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw wrongType(key, v, "an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw wrongType(key + "[" + i + "]", v.get(i), "a string");
      }
      out.add(v.get(i).textValue());
    }
    return out;
  }

  TomlTable optionalTable(String key) {
    JsonNode v = get(key);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw wrongType(key, v, "a table");
    }
    return new TomlTable(doc, child(key), (ObjectNode) v);
  }

  List<TomlTable> requiredTables(String key) {
    if (get(key) == null) {
      throw fail("", false, "missing required key \"" + key + "\"");
    }
    return tables(key);
  }

  List<TomlTable> tables(String key) {
    JsonNode v = get(key);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw wrongType(key, v, "an array of tables");
    }
    List<TomlTable> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      String at = key + "[" + i + "]";
      if (!v.get(i).isObject()) {
        throw wrongType(at, v.get(i), "a table");
      }
      out.add(new TomlTable(doc, child(at), (ObjectNode) v.get(i)));
    }
    return out;
  }

  Map<String, Object> toolTable(String key) {
    JsonNode v = get(key);
    if (v == null) {
      return Map.of();
    }
    if (!v.isObject()) {
      throw wrongType(key, v, "a table");
    }
    Map<String, Object> out = toolValue((ObjectNode) v);
    for (Map.Entry<String, Object> e : out.entrySet()) {
      if (!(e.getValue() instanceof Map)) {
        throw fail(key + "." + e.getKey(), true,
            "must be a table named after the tool (e.g. [tool.pylock4j])");
      }
    }
    return out;
  }

  Map<String, Object> toolValue(ObjectNode object) {
    Map<String, Object> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = object.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), plain(e.getValue()));
    }
    return out;
  }

  private Object plain(JsonNode v) {
    if (v.isObject()) {
      return toolValue((ObjectNode) v);
    }
    if (v.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode e : (ArrayNode) v) {
        list.add(plain(e));
      }
      return list;
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v instanceof POJONode p) {
      return p.getPojo();
    }
    throw new IllegalStateException("unexpected TOML node " + v.getNodeType());
  }

  private InvalidLockFileException wrongType(String key, JsonNode v, String expected) {
    return fail(key, true, "expected " + expected + ", found " + describe(v));
  }
  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String describe(JsonNode v) {
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isIntegralNumber()) {
      return "an integer";
    }
    if (v.isNumber()) {
      return "a float";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isObject()) {
      return "a table";
    }
    return "a date-time";
  }}
