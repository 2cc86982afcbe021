package org.pylock4j.input;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.error.InvalidRequirementException;
import org.pylock4j.requirement.Marker;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.toml.TomlLocator;

/**
 * The dependency declarations of a {@code pyproject.toml}: {@code [project] dependencies}, {@code
 * [project.optional-dependencies]} (extras), PEP 735 {@code [dependency-groups]} (with {@code
 * {include-group = "…"}}), and pylock4j's own {@code [tool.pylock4j]} settings.
 *
 * <p>Every requirement string is parsed when the file is read; an error names the file, the line
 * and column of the offending text, and the text. Dependencies declared {@code dynamic} are
 * refused: learning them would mean running the build backend, which pylock4j never does.
 *
 * <pre>{@code
 * PyprojectToml project = PyprojectToml.read(Path.of("pyproject.toml"));
 * List<DeclaredRequirement> roots = project.requirements(List.of("test"), List.of("dev"));
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class PyprojectToml {

  private static final TomlMapper MAPPER = new TomlMapper();
  private static final String EXTRA_URLS_TYPE =
      "[tool.pylock4j] extra-index-urls must be an array of strings";
  private static final Set<String> SETTINGS =
      Set.of(
          "index-url", "extra-index-urls", "index-strategy", "prerelease", "resolution",
          "exclude-newer", "constraint-dependencies", "index");

  private final String file;
  private final String name;
  private final String requiresPython;
  private final List<DeclaredRequirement> dependencies;
  private final Map<String, List<DeclaredRequirement>> optionalDependencies;
  private final Map<String, List<GroupEntry>> groups;
  private final ToolSettings settings;
  private final List<IndexPin> indexes;
  private final boolean hasProject;

  private PyprojectToml(
      boolean hasProject,
      String file,
      String name,
      String requiresPython,
      List<DeclaredRequirement> dependencies,
      Map<String, List<DeclaredRequirement>> optionalDependencies,
      Map<String, List<GroupEntry>> groups,
      ToolSettings settings,
      List<IndexPin> indexes) {
    this.file = file;
    this.name = name;
    this.requiresPython = requiresPython;
    this.dependencies = List.copyOf(dependencies);
    this.optionalDependencies = copy(optionalDependencies);
    this.groups = copy(groups);
    this.settings = settings;
    this.indexes = List.copyOf(indexes);
    this.hasProject = hasProject;
  }

  private static <T> Map<String, List<T>> copy(Map<String, List<T>> map) {
    Map<String, List<T>> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * Reads and checks {@code file}.
   *
   * @param file the file, must not be null
   * @return the project, never null
   * @throws InvalidInputException when it cannot be read, is not TOML, or declares something
   *     invalid, naming file, line and column
   */
  public static PyprojectToml read(Path file) {
    return read(file, InputFiles.DEFAULT_MAX_BYTES);
  }

  /**
   * Reads and checks {@code file}, refusing it when larger than {@code maxBytes}.
   *
   * @param file the file, must not be null
   * @param maxBytes the most bytes the file may have (see {@link InputFiles#read})
   * @return the project, never null
   * @throws InvalidInputException when it cannot be read, is too large, is not UTF-8 or TOML, or
   *     declares something invalid, naming file, line and column
   */
  public static PyprojectToml read(Path file, long maxBytes) {
    return parse(InputFiles.read(file, maxBytes), file);
  }

  /**
   * Parses {@code content} as if read from {@code file}; a relative {@code index-url} directory
   * in {@code [tool.pylock4j]} is taken relative to the file's directory.
   *
   * @param content the TOML text, must not be null
   * @param file the path it stands for, must not be null
   * @return the project, never null
   * @throws InvalidInputException when it is not TOML or declares something invalid
   */
  public static PyprojectToml parse(String content, Path file) {
    String fileName = file.toString();
    JsonNode root;
    try {
      root = MAPPER.readTree(content);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
      int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
      throw new InvalidInputException(
          "invalid TOML: " + org.pylock4j.internal.Failures.parser(e.getOriginalMessage()),
          lineText(content, line), fileName, line,
          column);
    }
    return new Reader(content, file, root).read();
  }

  private static String lineText(String content, int line) {
    String[] lines = content.split("\r\n|\n|\r", -1);
    return line >= 1 && line <= lines.length ? lines[line - 1] : "";
  }

  /** {@return the file as named when read, for messages} */
  public String file() {
    return file;
  }

  /** {@return {@code [project] name}, if declared} */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** {@return {@code [project] requires-python}, if declared} */
  public Optional<String> requiresPython() {
    return Optional.ofNullable(requiresPython);
  }

  /** {@return {@code [project] dependencies}, in order, never null} */
  public List<DeclaredRequirement> dependencies() {
    return dependencies;
  }

  /** {@return the extras ({@code optional-dependencies} keys), normalised, in file order} */
  public Set<String> extras() {
    return optionalDependencies.keySet();
  }

  /** {@return the dependency groups, normalised names, in file order} */
  public Set<String> groups() {
    return groups.keySet();
  }

  /**
   * {@return the {@code [tool.pylock4j]} settings; {@link ToolSettings#NONE} when there are none}
   */
  public ToolSettings settings() {
    return settings;
  }

  /**
   * The {@code [[tool.pylock4j.index]]} tables: indexes with the projects pinned to them (see
   * {@link IndexPin}); empty when there are none.
   *
   * @return the pinned indexes, in file order; never null
   */
  public List<IndexPin> indexes() {
    return indexes;
  }

  /**
   * The requirements of extra {@code extra}, as declared (a reference to this project itself,
   * like {@code app[test]}, is kept).
   *
   * @param extra the extra's name, must not be null
   * @return the requirements, never null
   * @throws InvalidInputException when the project has no such extra
   */
  public List<DeclaredRequirement> optionalDependencies(String extra) {
    List<DeclaredRequirement> found = optionalDependencies.get(ProjectName.normalize(extra));
    if (found == null) {
      throw new InvalidInputException(
          "no extra '" + extra + "' in [project.optional-dependencies]" + known(extras()), extra,
          file, 0, 0);
    }
    return found;
  }

  /**
   * The requirements of dependency group {@code group}, with included groups expanded in place
   * (PEP 735).
   *
   * @param group the group's name, must not be null
   * @return the requirements, never null
   * @throws InvalidInputException when there is no such group, or an inclusion is unknown or
   *     circular
   */
  public List<DeclaredRequirement> dependencyGroup(String group) {
    List<DeclaredRequirement> out = new ArrayList<>();
    expandGroup(ProjectName.normalize(group), group, new ArrayList<>(), out);
    return out;
  }

  private void expandGroup(
      String key, String asWritten, List<String> stack, List<DeclaredRequirement> out) {
    List<GroupEntry> entries = groups.get(key);
    if (entries == null) {
      throw new InvalidInputException(
          "no dependency group '" + asWritten + "' in [dependency-groups]" + known(groups()),
          asWritten, file, 0, 0);
    }
    if (stack.contains(key)) {
      stack.add(key);
      throw new InvalidInputException(
          "dependency group includes itself: " + String.join(" -> ", stack), asWritten, file, 0,
          0);
    }
    stack.add(key);
    for (GroupEntry entry : entries) {
      if (entry.requirement() != null) {
        out.add(entry.requirement());
      } else {
        String included = ProjectName.normalize(entry.include());
        if (!groups.containsKey(included)) {
          throw new InvalidInputException(
              "include-group names unknown group '" + entry.include() + "'", entry.include(), file,
              entry.line(), entry.column());
        }
        expandGroup(included, entry.include(), stack, out);
      }
    }
    stack.remove(stack.size() - 1);
  }

  /**
   * The root requirements of this project: its dependencies, then those of each extra and each
   * group in the order given. References to the project itself ({@code app[test]}) are replaced
   * by the requirements of the extras they name (their marker, if any, joined to each).
   *
   * @param extras extras to include, must not be null
   * @param groups dependency groups to include, must not be null
   * @return the requirements, never null
   * @throws InvalidInputException when an extra or group is unknown, or when the file has no
   *     {@code [project]} table and no group is selected (nothing to lock: a lock of nothing
   *     would hide the mistake)
   */
  public List<DeclaredRequirement> requirements(
      Collection<String> extras, Collection<String> groups) {
    if (!hasProject && groups.isEmpty()) {
      throw new InvalidInputException("no [project] table, so nothing to lock"
          + (this.groups.isEmpty() ? "" : "; select a group of [dependency-groups] with --group"),
          file, file, 0, 0);
    }
    List<DeclaredRequirement> selected = new ArrayList<>(dependencies);
    for (String extra : extras) {
      selected.addAll(optionalDependencies(extra));
    }
    for (String group : groups) {
      selected.addAll(dependencyGroup(group));
    }
    List<DeclaredRequirement> out = new ArrayList<>();
    expandSelf(selected, null, new LinkedHashSet<>(), out);
    return out;
  }

  private void expandSelf(
      List<DeclaredRequirement> in,
      Marker outer,
      Set<String> expanded,
      List<DeclaredRequirement> out) {
    for (DeclaredRequirement declared : in) {
      Requirement r = declared.requirement();
      Marker marker = join(outer, r.marker());
      if (name != null && r.projectName().equals(ProjectName.of(name)) && r.url() == null) {
        for (String extra : r.extras()) {
          if (expanded.add(extra + "|" + marker)) {
            List<DeclaredRequirement> more = optionalDependencies.get(extra);
            if (more == null) {
              throw new InvalidInputException(
                  "no extra '" + extra + "' in [project.optional-dependencies]" + known(extras()),
                  r.toString(), declared.file(), declared.line(), declared.column());
            }
            expandSelf(more, marker, expanded, out);
          }
        }
        continue;
      }
      if (marker == r.marker()) {
        out.add(declared);
      } else {
        Requirement joined = new Requirement(r.name(), r.extras(), r.specifier(), r.url(), marker);
        out.add(
            new DeclaredRequirement(
                joined, declared.file(), declared.line(), declared.column(), declared.hashes()));
      }
    }
  }

  private static Marker join(Marker outer, Marker inner) {
    if (outer == null) {
      return inner;
    }
    return inner == null ? outer : new Marker.And(outer, inner);
  }

  private static String known(Set<String> names) {
    return names.isEmpty() ? " (there are none)" : " (known: " + String.join(", ", names) + ")";
  }

  /** One entry of a dependency group: a requirement, or an include of another group. */
  private record GroupEntry(
      DeclaredRequirement requirement, String include, int line, int column) {}

  /** One pass over the parsed tree, locating values in the text for messages. */
  private static final class Reader {
    private final String fileName;
    private final Path file;
    private final JsonNode root;
    private final TomlLocator locator;

    Reader(String content, Path file, JsonNode root) {
      this.fileName = file.toString();
      this.file = file;
      this.root = root;
      this.locator = TomlLocator.of(content);
    }

    PyprojectToml read() {
      JsonNode project = table(root, "project", "[project]");
      String name = null;
      String requiresPython = null;
      List<DeclaredRequirement> dependencies = List.of();
      Map<String, List<DeclaredRequirement>> optional = new LinkedHashMap<>();
      if (project != null) {
        name = string(project, "name", "project", "[project] name");
        requiresPython = string(project, "requires-python", "project", "[project] requires-python");
        checkNotDynamic(project);
        dependencies =
            requirementArray(
                project.get("dependencies"), "project", "dependencies", "[project] dependencies");
        JsonNode extras =
            table(project, "optional-dependencies", "[project.optional-dependencies]");
        if (extras != null) {
          for (Iterator<Map.Entry<String, JsonNode>> it = extras.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = ProjectName.normalize(e.getKey());
            if (optional.containsKey(key)) {
              throw keyError("extra '" + e.getKey() + "' is declared twice", e.getKey());
            }
            optional.put(
                key,
                requirementArray(
                    e.getValue(), "project.optional-dependencies", e.getKey(),
                    "[project.optional-dependencies] " + e.getKey()));
          }
        }
      }
      Map<String, List<GroupEntry>> groups = new LinkedHashMap<>();
      JsonNode groupTable = table(root, "dependency-groups", "[dependency-groups]");
      if (groupTable != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = groupTable.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!ProjectName.isValid(e.getKey())) {
            throw keyError("invalid dependency group name '" + e.getKey() + "'", e.getKey());
          }
          String key = ProjectName.normalize(e.getKey());
          if (groups.containsKey(key)) {
            throw keyError(
                "dependency group '" + e.getKey() + "' is declared twice (names are normalised)",
                e.getKey());
          }
          groups.put(key, groupEntries(e.getKey(), e.getValue()));
        }
      }
      ToolSettings settings = settings();
      return new PyprojectToml(project != null,
          fileName, name, requiresPython, dependencies, optional, groups, settings, indexes());
    }

    /** {@code [[tool.pylock4j.index]]}: tables with {@code name}, {@code url}, {@code projects}. */
    private List<IndexPin> indexes() {
      JsonNode tool = table(root, "tool", "[tool]");
      JsonNode ours = tool == null ? null : table(tool, "pylock4j", "[tool.pylock4j]");
      JsonNode tables = ours == null ? null : ours.get("index");
      if (tables == null) {
        return List.of();
      }
      String what = "[[tool.pylock4j.index]]";
      if (!tables.isArray()) {
        throw keyError(what + " must be an array of tables", "index");
      }
      List<IndexPin> pins = new ArrayList<>();
      java.util.Map<ProjectName, String> pinnedTo = new java.util.HashMap<>();
      for (JsonNode t : tables) {
        if (!t.isObject()) {
          throw keyError(what + " must be an array of tables", "index");
        }
        for (Iterator<String> it = t.fieldNames(); it.hasNext(); ) {
          String key = it.next();
          if (!Set.of("name", "url", "projects").contains(key)) {
            throw keyError(
                "unknown key '" + key + "' in " + what + " (known: name, projects, url)", key);
          }
        }
        String name = string(t, "name", "tool.pylock4j.index", what + " name");
        String url = string(t, "url", "tool.pylock4j.index", what + " url");
        if (name == null || name.isBlank()) {
          throw keyError(what + " needs a name", "index");
        }
        if (url == null || url.isBlank()) {
          throw keyError(what + " '" + name + "' needs a url", "index");
        }
        List<ProjectName> projects = new ArrayList<>();
        JsonNode list = t.get("projects");
        if (list != null) {
          if (!list.isArray()) {
            throw keyError(what + " '" + name + "' projects must be an array of names", "projects");
          }
          for (JsonNode p : list) {
            if (!p.isTextual() || !ProjectName.isValid(p.asText())) {
              throw keyError(
                  what + " '" + name + "' projects: '" + p.asText() + "' is not a project name",
                  "projects");
            }
            ProjectName project = ProjectName.of(p.asText());
            String previous = pinnedTo.putIfAbsent(project, name);
            if (previous != null && !previous.equals(name)) {
              throw keyError(
                  "project " + project + " is pinned to two indexes: " + previous + " and " + name,
                  "projects");
            }
            projects.add(project);
          }
        }
        pins.add(new IndexPin(name, indexLocation(url), projects));
      }
      return pins;
    }

    private void checkNotDynamic(JsonNode project) {
      JsonNode dynamic = project.get("dynamic");
      if (dynamic == null || !dynamic.isArray()) {
        return;
      }
      int index = 0;
      for (JsonNode field : dynamic) {
        String value = field.asText();
        int i = index++;
        if (value.equals("dependencies") || value.equals("optional-dependencies")) {
          TomlLocator.Location at = locator.stringElement("project.dynamic", i, null);
          throw new InvalidInputException(
              "[project] " + value + " are dynamic: learning them would need the build backend,"
                  + " and pylock4j never runs package code; declare them statically",
              value, fileName, at.line(), at.column());
        }
      }
    }

    private List<GroupEntry> groupEntries(String group, JsonNode array) {
      String what = "[dependency-groups] " + group;
      if (!array.isArray()) {
        throw keyError(what + " must be an array", group);
      }
      List<GroupEntry> entries = new ArrayList<>();
      int index = 0;
      for (JsonNode element : array) {
        int i = index++;
        if (element.isTextual()) {
          TomlLocator.Location at =
              locator.stringElement("dependency-groups." + group, i, null);
          entries.add(new GroupEntry(requirement(element.asText(), at, what), null, 0, 0));
        } else if (element.isObject()
            && element.size() == 1
            && element.has("include-group")
            && element.get("include-group").isTextual()) {
          String include = element.get("include-group").asText();
          TomlLocator.Location at =
              locator.stringElement("dependency-groups." + group, i, "include-group");
          entries.add(new GroupEntry(null, include, at.line(), at.column()));
        } else {
          throw keyError(
              what + ": each entry must be a requirement string or {include-group = \"name\"},"
                  + " found " + element,
              group);
        }
      }
      return entries;
    }

    private List<DeclaredRequirement> requirementArray(
        JsonNode array, String table, String key, String what) {
      if (array == null) {
        return List.of();
      }
      if (!array.isArray()) {
        throw keyError(what + " must be an array of strings", key);
      }
      List<DeclaredRequirement> out = new ArrayList<>();
      int index = 0;
      for (JsonNode element : array) {
        if (!element.isTextual()) {
          throw keyError(what + " must be an array of strings, found " + element, key);
        }
        TomlLocator.Location at = locator.stringElement(table + "." + key, index++, null);
        out.add(requirement(element.asText(), at, what));
      }
      return out;
    }

    private DeclaredRequirement requirement(String text, TomlLocator.Location at, String what) {
      try {
        return DeclaredRequirement.of(Requirement.parse(text), fileName, at.line(), at.column());
      } catch (InvalidInputException e) {
        int column = at.column() > 0 && e.column() > 0 ? at.column() + e.column() - 1 : at.column();
        throw new InvalidRequirementException(
            DeclaredRequirement.invalid(text, e.reason()) + " (in " + what + ")", text, fileName,
            at.line(), column);
      }
    }

    private ToolSettings settings() {
      JsonNode tool = table(root, "tool", "[tool]");
      JsonNode ours = tool == null ? null : table(tool, "pylock4j", "[tool.pylock4j]");
      if (ours == null) {
        return ToolSettings.NONE;
      }
      for (Iterator<String> it = ours.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!SETTINGS.contains(key)) {
          throw keyError(
              "unknown setting '" + key + "' in [tool.pylock4j] (known: "
                  + String.join(", ", new java.util.TreeSet<>(SETTINGS)) + ")",
              key);
        }
      }
      String where = "tool.pylock4j";
      String indexUrl = string(ours, "index-url", where, "[tool.pylock4j] index-url");
      List<String> extra = new ArrayList<>();
      JsonNode extraNode = ours.get("extra-index-urls");
      if (extraNode != null) {
        if (!extraNode.isArray()) {
          throw keyError(EXTRA_URLS_TYPE, "extra-index-urls");
        }
        for (JsonNode url : extraNode) {
          if (!url.isTextual()) {
            throw keyError(EXTRA_URLS_TYPE, "extra-index-urls");
          }
          extra.add(indexLocation(url.asText()));
        }
      }
      return new ToolSettings(
          indexUrl == null ? null : indexLocation(indexUrl),
          extra,
          string(ours, "index-strategy", where, "[tool.pylock4j] index-strategy"),
          string(ours, "prerelease", where, "[tool.pylock4j] prerelease"),
          string(ours, "resolution", where, "[tool.pylock4j] resolution"),
          string(ours, "exclude-newer", where, "[tool.pylock4j] exclude-newer"),
          requirementArray(
              ours.get("constraint-dependencies"), where, "constraint-dependencies",
              "[tool.pylock4j] constraint-dependencies"));
    }

    private String indexLocation(String value) {
      if (value.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || value.startsWith("file:")) {
        return value;
      }
      Path dir = file.getParent();
      Path path = dir == null ? Path.of(value) : dir.resolve(value);
      return path.toAbsolutePath().normalize().toUri().toString();
    }

    private JsonNode table(JsonNode parent, String key, String what) {
      JsonNode node = parent.get(key);
      if (node != null && !node.isObject()) {
        throw keyError(what + " must be a table", key);
      }
      return node;
    }

    private String string(JsonNode parent, String key, String table, String what) {
      JsonNode node = parent.get(key);
      if (node == null) {
        return null;
      }
      if (!node.isTextual()) {
        TomlLocator.Location at = locator.key(table, key);
        throw new InvalidInputException(
            what + " must be a string", key, fileName, at.line(), at.column());
      }
      return node.asText();
    }

    private InvalidInputException keyError(String reason, String key) {
      TomlLocator.Location at = locator.anyKey(key);
      return new InvalidInputException(reason, key, fileName, at.line(), at.column());
    }
  }
}
