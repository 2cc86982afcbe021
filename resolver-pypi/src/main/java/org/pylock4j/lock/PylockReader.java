package org.pylock4j.lock;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlReadFeature;
import com.fasterxml.jackson.dataformat.toml.TomlStreamReadException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/**
 * Reads {@code pylock.toml} text into a {@link Pylock}: Jackson's TOML parser for the syntax,
 * then a walk over the tree that checks every key of lock-version 1.0, with {@link TomlLocator}
 * giving line and column for what is wrong.
 */
final class PylockReader {

  private static final TomlMapper MAPPER =
      TomlMapper.builder().enable(TomlReadFeature.PARSE_JAVA_TIME).build();

  private static final Set<String> TOP_KEYS = Set.of("lock-version", "environments",
      "requires-python", "extras", "dependency-groups", "default-groups", "created-by",
      "packages", "tool");
  private static final Set<String> PACKAGE_KEYS = Set.of("name", "version", "marker",
      "requires-python", "dependencies", "index", "vcs", "directory", "archive", "sdist",
      "wheels", "attestation-identities", "tool");
  private static final Set<String> VCS_KEYS = Set.of("type", "url", "path",
      "requested-revision", "commit-id", "subdirectory");
  private static final Set<String> DIRECTORY_KEYS = Set.of("path", "editable", "subdirectory");
  private static final Set<String> ARCHIVE_KEYS = Set.of("url", "path", "size", "upload-time",
      "hashes", "subdirectory");
  private static final Set<String> FILE_KEYS = Set.of("name", "upload-time", "url", "path",
      "size", "hashes");

  private final String text;
  private final String file;
  private Map<String, TomlLocator.Location> index;
  private boolean strict = true;

  private PylockReader(String text, String file) {
    this.text = text;
    this.file = file;
  }

  static Pylock read(String text, String file) {
    return new PylockReader(text, file).read();
  }

  private Pylock read() {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (TomlStreamReadException e) {
      JsonLocation l = e.getLocation();
      int line = l == null ? 0 : Math.max(0, l.getLineNr());
      int column = l == null ? 0 : Math.max(0, l.getColumnNr());
      throw new InvalidLockFileException(
          "invalid TOML: " + e.getOriginalMessage(), lineText(line), file, line, column, null);
    } catch (IOException e) {
      throw new InvalidLockFileException(
          "invalid TOML: " + e.getMessage(), "", file, 0, 0, null);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidLockFileException("empty lock file", "", file, 0, 0, null);
    }
    Table top = new Table("", (ObjectNode) root);
    String lockVersion = top.requiredString("lock-version");
    if (!lockVersion.matches("1\\.[0-9]+")) {
      throw top.fail("lock-version", true, "unsupported lock-version \"" + lockVersion
          + "\" (this reader supports 1.x)");
    }
    strict = lockVersion.equals(Pylock.LOCK_VERSION);
    top.checkKeys(TOP_KEYS);
    List<PylockPackage> packages = new ArrayList<>();
    List<Table> tables = top.requiredTables("packages");
    for (Table t : tables) {
      packages.add(readPackage(t));
    }
    return new Pylock(
        lockVersion,
        top.stringList("environments"),
        top.optionalString("requires-python"),
        top.stringList("extras"),
        top.stringList("dependency-groups"),
        top.stringList("default-groups"),
        top.requiredString("created-by"),
        packages,
        top.toolTable("tool"));
  }

  private PylockPackage readPackage(Table t) {
    t.checkKeys(PACKAGE_KEYS);
    ProjectName name = t.name("name", true);
    String versionText = t.optionalString("version");
    Version version = null;
    if (versionText != null) {
      try {
        version = Version.parse(versionText);
      } catch (InvalidInputException e) {
        throw t.fail("version", true, "invalid PEP 440 version \"" + versionText + "\"");
      }
    }
    List<PylockPackage.Dependency> dependencies = new ArrayList<>();
    for (Table d : t.tables("dependencies")) {
      ProjectName depName = d.name("name", false);
      String depVersion = d.optionalString("version");
      Version v = null;
      if (depVersion != null) {
        try {
          v = Version.parse(depVersion);
        } catch (InvalidInputException e) {
          throw d.fail("version", true, "invalid PEP 440 version \"" + depVersion + "\"");
        }
      }
      if (depName == null) {
        throw d.fail("", false, "a dependency without \"name\" is not supported");
      }
      dependencies.add(new PylockPackage.Dependency(depName, v));
    }
    PylockPackage.Vcs vcs = null;
    Table vt = t.optionalTable("vcs");
    if (vt != null) {
      vt.checkKeys(VCS_KEYS);
      vcs = new PylockPackage.Vcs(vt.requiredString("type"), vt.optionalString("url"),
          vt.optionalString("path"), vt.optionalString("requested-revision"),
          vt.requiredString("commit-id"), vt.optionalString("subdirectory"));
      vt.requireOne("url", "path");
    }
    PylockPackage.Directory directory = null;
    Table dt = t.optionalTable("directory");
    if (dt != null) {
      dt.checkKeys(DIRECTORY_KEYS);
      directory = new PylockPackage.Directory(dt.requiredString("path"),
          dt.optionalBoolean("editable"), dt.optionalString("subdirectory"));
    }
    PylockPackage.Archive archive = null;
    Table at = t.optionalTable("archive");
    if (at != null) {
      at.checkKeys(ARCHIVE_KEYS);
      at.requireOne("url", "path");
      archive = new PylockPackage.Archive(at.optionalString("url"), at.optionalString("path"),
          at.size(), at.datetime("upload-time"), at.hashes(), at.optionalString("subdirectory"));
    }
    PylockPackage.Sdist sdist = null;
    Table st = t.optionalTable("sdist");
    if (st != null) {
      st.checkKeys(FILE_KEYS);
      st.requireOne("url", "path");
      sdist = new PylockPackage.Sdist(st.optionalString("name"), st.datetime("upload-time"),
          st.optionalString("url"), st.optionalString("path"), st.size(), st.hashes());
    }
    List<PylockPackage.Wheel> wheels = new ArrayList<>();
    for (Table w : t.tables("wheels")) {
      w.checkKeys(FILE_KEYS);
      w.requireOne("url", "path");
      wheels.add(new PylockPackage.Wheel(w.optionalString("name"), w.datetime("upload-time"),
          w.optionalString("url"), w.optionalString("path"), w.size(), w.hashes()));
    }
    List<PylockPackage.AttestationIdentity> identities = new ArrayList<>();
    for (Table a : t.tables("attestation-identities")) {
      String kind = a.requiredString("kind");
      Map<String, Object> fields = new LinkedHashMap<>(a.toolValue(a.node));
      fields.remove("kind");
      identities.add(new PylockPackage.AttestationIdentity(kind, fields));
    }
    String conflict = PylockPackage.sourceConflict(vcs, directory, archive, sdist, wheels);
    if (conflict != null) {
      throw t.fail("", false, conflict);
    }
    return new PylockPackage(name, version, t.optionalString("marker"),
        t.optionalString("requires-python"), dependencies, t.optionalString("index"), vcs,
        directory, archive, sdist, wheels, identities, t.toolTable("tool"));
  }

  private String lineText(int line) {
    if (line <= 0) {
      return "";
    }
    String[] lines = text.split("\n", -1);
    return line <= lines.length ? lines[line - 1].strip() : "";
  }

  private Map<String, TomlLocator.Location> index() {
    if (index == null) {
      index = TomlLocator.index(text);
    }
    return index;
  }

  /** A table of the document with its path, for checked access and located errors. */
  private final class Table {
    final String path;
    final ObjectNode node;

    Table(String path, ObjectNode node) {
      this.path = path;
      this.node = node;
    }

    String child(String key) {
      return key.isEmpty() ? path : path.isEmpty() ? key : path + "." + key;
    }

    /** An error at {@code key} (its value when {@code atValue}) or at this table. */
    InvalidLockFileException fail(String key, boolean atValue, String what) {
      String where = child(key);
      TomlLocator.Location l = TomlLocator.find(index(), where);
      int line = 0;
      int column = 0;
      if (l != null) {
        boolean exact = index().containsKey(where);
        line = exact && atValue ? l.valueLine() : l.line();
        column = exact && atValue ? l.valueColumn() : l.column();
      }
      String reason = (where.isEmpty() ? "" : where + ": ") + what;
      return new InvalidLockFileException(reason, lineText(line), file, line, column, where);
    }

    void checkKeys(Set<String> allowed) {
      if (!strict) {
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
      if (!v.canConvertToLong() || !v.isIntegralNumber()) {
        throw wrongType("size", v, "an integer");
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
        out.put(e.getKey(), digest.toLowerCase(java.util.Locale.ROOT));
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

    Table optionalTable(String key) {
      JsonNode v = get(key);
      if (v == null) {
        return null;
      }
      if (!v.isObject()) {
        throw wrongType(key, v, "a table");
      }
      return new Table(child(key), (ObjectNode) v);
    }

    List<Table> requiredTables(String key) {
      if (get(key) == null) {
        throw fail("", false, "missing required key \"" + key + "\"");
      }
      return tables(key);
    }

    List<Table> tables(String key) {
      JsonNode v = get(key);
      if (v == null) {
        return List.of();
      }
      if (!v.isArray()) {
        throw wrongType(key, v, "an array of tables");
      }
      List<Table> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        String at = key + "[" + i + "]";
        if (!v.get(i).isObject()) {
          throw wrongType(at, v.get(i), "a table");
        }
        out.add(new Table(child(at), (ObjectNode) v.get(i)));
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
  }
}
