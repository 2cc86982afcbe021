package org.pylock4j.lock;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlReadFeature;
import com.fasterxml.jackson.dataformat.toml.TomlStreamReadException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/**
 * Reads {@code pylock.toml} text into a {@link Pylock}: Jackson's TOML parser for the syntax,
 * then a walk over the tree that checks every key of lock-version 1.0 (PEP 751), with {@link
 * TomlTable} locating what is wrong.
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

  private PylockReader() {}

  static Pylock read(String text, String file) {
    TomlTable.Document doc = new TomlTable.Document(text, file);
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (TomlStreamReadException e) {
      JsonLocation l = e.getLocation();
      int line = l == null ? 0 : Math.max(0, l.getLineNr());
      int column = l == null ? 0 : Math.max(0, l.getColumnNr());
      throw new InvalidLockFileException("invalid TOML: "
          + org.pylock4j.internal.Failures.parser(e.getOriginalMessage()),
          doc.lineText(line), file, line, column, null);
    } catch (IOException e) {
      String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
          ? j.getOriginalMessage() : e.getMessage();
      throw new InvalidLockFileException("invalid TOML: " + org.pylock4j.internal.Failures.parser(why),
          "", file, 0, 0, null);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidLockFileException("empty lock file", "", file, 0, 0, null);
    }
    return readLock(new TomlTable(doc, "", (ObjectNode) root));
  }

  private static Pylock readLock(TomlTable top) {
    String lockVersion = top.requiredString("lock-version");
    if (!lockVersion.matches("1\\.[0-9]+")) {
      throw top.fail("lock-version", true, "unsupported lock-version \"" + lockVersion
          + "\" (this reader supports 1.x)");
    }
    top.doc.strict = lockVersion.equals(Pylock.LOCK_VERSION);
    top.checkKeys(TOP_KEYS);
    List<PylockPackage> packages = new ArrayList<>();
    for (TomlTable t : top.requiredTables("packages")) {
      packages.add(readPackage(t));
    }
    List<String> environments = top.stringList("environments");
    for (int i = 0; i < environments.size(); i++) {
      top.marker("environments[" + i + "]", environments.get(i));
    }
    return new Pylock(
        lockVersion,
        environments,
        top.specifiers("requires-python"),
        top.stringList("extras"),
        top.stringList("dependency-groups"),
        top.stringList("default-groups"),
        top.requiredString("created-by"),
        packages,
        top.toolTable("tool"));
  }

  private static PylockPackage readPackage(TomlTable t) {
    t.checkKeys(PACKAGE_KEYS);
    ProjectName name = t.name("name", true);
    Version version = version(t);
    String marker = t.optionalString("marker");
    if (marker != null) {
      t.marker("marker", marker);
    }
    PylockPackage.Vcs vcs = vcs(t.optionalTable("vcs"));
    PylockPackage.Directory directory = directory(t.optionalTable("directory"));
    PylockPackage.Archive archive = archive(t.optionalTable("archive"));
    PylockPackage.Sdist sdist = sdist(t.optionalTable("sdist"));
    List<PylockPackage.Wheel> wheels = new ArrayList<>();
    for (TomlTable w : t.tables("wheels")) {
      w.checkKeys(FILE_KEYS);
      w.requireOne("url", "path");
      wheels.add(new PylockPackage.Wheel(w.optionalString("name"), w.datetime("upload-time"),
          w.optionalString("url"), w.optionalString("path"), w.size(), w.hashes()));
    }
    String conflict = PylockPackage.sourceConflict(vcs, directory, archive, sdist, wheels);
    if (conflict != null) {
      throw t.fail("", false, conflict);
    }
    return new PylockPackage(name, version, marker, t.specifiers("requires-python"),
        dependencies(t), t.optionalString("index"), vcs, directory, archive, sdist, wheels,
        identities(t), t.toolTable("tool"));
  }

  private static Version version(TomlTable t) {
    String text = t.optionalString("version");
    if (text == null) {
      return null;
    }
    try {
      return Version.parse(text);
    } catch (InvalidInputException e) {
      throw t.fail("version", true, "invalid PEP 440 version \"" + text + "\"");
    }
  }

  private static List<PylockPackage.Dependency> dependencies(TomlTable t) {
    List<PylockPackage.Dependency> dependencies = new ArrayList<>();
    for (TomlTable d : t.tables("dependencies")) {
      ProjectName name = d.name("name", false);
      if (name == null) {
        throw d.fail("", false, "a dependency without \"name\" is not supported");
      }
      dependencies.add(new PylockPackage.Dependency(name, version(d)));
    }
    return dependencies;
  }

  private static PylockPackage.Vcs vcs(TomlTable t) {
    if (t == null) {
      return null;
    }
    t.checkKeys(VCS_KEYS);
    t.requireOne("url", "path");
    return new PylockPackage.Vcs(t.requiredString("type"), t.optionalString("url"),
        t.optionalString("path"), t.optionalString("requested-revision"),
        t.requiredString("commit-id"), t.optionalString("subdirectory"));
  }

  private static PylockPackage.Directory directory(TomlTable t) {
    if (t == null) {
      return null;
    }
    t.checkKeys(DIRECTORY_KEYS);
    return new PylockPackage.Directory(t.requiredString("path"), t.optionalBoolean("editable"),
        t.optionalString("subdirectory"));
  }

  private static PylockPackage.Archive archive(TomlTable t) {
    if (t == null) {
      return null;
    }
    t.checkKeys(ARCHIVE_KEYS);
    t.requireOne("url", "path");
    return new PylockPackage.Archive(t.optionalString("url"), t.optionalString("path"), t.size(),
        t.datetime("upload-time"), t.hashes(), t.optionalString("subdirectory"));
  }

  private static PylockPackage.Sdist sdist(TomlTable t) {
    if (t == null) {
      return null;
    }
    t.checkKeys(FILE_KEYS);
    t.requireOne("url", "path");
    return new PylockPackage.Sdist(t.optionalString("name"), t.datetime("upload-time"),
        t.optionalString("url"), t.optionalString("path"), t.size(), t.hashes());
  }

  private static List<PylockPackage.AttestationIdentity> identities(TomlTable t) {
    List<PylockPackage.AttestationIdentity> identities = new ArrayList<>();
    for (TomlTable a : t.tables("attestation-identities")) {
      String kind = a.requiredString("kind");
      Map<String, Object> fields = new LinkedHashMap<>(a.toolValue(a.node));
      fields.remove("kind");
      identities.add(new PylockPackage.AttestationIdentity(kind, fields));
    }
    return identities;
  }
}
