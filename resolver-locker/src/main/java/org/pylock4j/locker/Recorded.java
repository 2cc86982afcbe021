package org.pylock4j.locker;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.ToolSettings;
import org.pylock4j.lock.Pylock;
import org.pylock4j.pypi.IndexStrategy;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.MarkerEnvironment.Platform;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Marker;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.resolve.UniversalTarget;
import org.pylock4j.version.SpecifierSet;

/**
 * What a lock records of the request it was made from, so that {@code verify FILE} needs no
 * flags: {@code [tool.pylock4j]} of a {@code pylock.toml}, and the command in the header of a
 * requirements file (pip-compile records its command line there). Paths are relative to the
 * lock's directory, with {@code /}; a local index under that directory is a relative path;
 * credentials are never recorded.
 */
final class Recorded {

  private Recorded() {}

  // ---- writing ----

  /** The entries of {@code [tool.pylock4j]} after {@code requirements} (markers follow). */
  static Map<String, Object> toolTable(LockRequest r, Path lockDir) {
    Map<String, Object> t = new LinkedHashMap<>();
    if (!r.requirements().isEmpty()) {
      t.put("arguments", List.copyOf(r.requirements()));
    }
    if (!r.requirementsFiles().isEmpty()) {
      t.put("inputs", paths(r.requirementsFiles(), lockDir));
    }
    if (!r.constraintsFiles().isEmpty()) {
      t.put("constraint-files", paths(r.constraintsFiles(), lockDir));
    }
    if (!r.constraints().isEmpty()) {
      t.put("constraints", List.copyOf(r.constraints()));
    }
    if (!r.overrides().isEmpty()) {
      t.put("overrides", List.copyOf(r.overrides()));
    }
    r.project().ifPresent(p -> t.put("project", path(p, lockDir)));
    if (!r.extras().isEmpty()) {
      t.put("extras", List.copyOf(r.extras()));
    }
    if (!r.groups().isEmpty()) {
      t.put("groups", List.copyOf(r.groups()));
    }
    r.indexUrl().ifPresent(u -> t.put("index-url", index(u, lockDir)));
    if (!r.extraIndexUrls().isEmpty()) {
      t.put("extra-index-urls", r.extraIndexUrls().stream().map(u -> index(u, lockDir)).toList());
    }
    if (!r.indexPins().isEmpty()) {
      List<String> pins = new ArrayList<>();
      r.indexPins().forEach((name, url) -> pins.add(name + "=" + index(url, lockDir)));
      t.put("index-pins", pins);
    }
    r.indexStrategy().ifPresent(s -> t.put("index-strategy", s.toString()));
    r.prereleases().ifPresent(p -> t.put("prerelease", name(p)));
    r.strategy().ifPresent(s -> t.put("resolution", name(s)));
    r.excludeNewer().ifPresent(i -> t.put("exclude-newer", i.toString()));
    if (r.onlyBinary()) {
      t.put("only-binary", true);
    }
    return t;
  }

  /**
   * The command a requirements file's header records: the request as {@code pylock4j lock}
   * options, paths relative to the lock's directory (run it there to re-lock).
   */
  static String command(LockRequest r, Path lockDir, TargetEnvironment target, String output) {
    List<String> a = new ArrayList<>(List.of("pylock4j", "lock"));
    a.addAll(r.requirements());
    r.requirementsFiles().forEach(f -> a.addAll(List.of("-r", path(f, lockDir))));
    r.constraintsFiles().forEach(f -> a.addAll(List.of("-c", path(f, lockDir))));
    r.project().ifPresent(p -> a.addAll(List.of("--project", path(p, lockDir))));
    r.extras().forEach(e -> a.addAll(List.of("--extra", e)));
    r.groups().forEach(g -> a.addAll(List.of("--group", g)));
    r.indexUrl().ifPresent(u -> a.addAll(List.of("--index-url", index(u, lockDir))));
    r.extraIndexUrls().forEach(u -> a.addAll(List.of("--extra-index-url", index(u, lockDir))));
    r.indexPins().forEach((n, u) -> a.addAll(List.of("--index", n + "=" + index(u, lockDir))));
    r.indexStrategy().ifPresent(s -> a.addAll(List.of("--index-strategy", s.toString())));
    r.prereleases().ifPresent(p -> a.addAll(List.of("--prerelease", name(p))));
    r.strategy().ifPresent(s -> a.addAll(List.of("--resolution", name(s))));
    r.excludeNewer().ifPresent(i -> a.addAll(List.of("--exclude-newer", i.toString())));
    if (r.onlyBinary()) {
      a.add("--only-binary");
    }
    if (r.allowUnhashed()) {
      a.add("--allow-unhashed");
    }
    targetOptions(target).ifPresent(a::addAll);
    r.universal().ifPresent(u -> {
      a.addAll(List.of("--universal", "--requires-python", u.requiresPython().toString()));
      u.environments().forEach(m -> a.addAll(List.of("--environment-marker", m.toString())));
      u.requiredEnvironments().forEach(
          m -> a.addAll(List.of("--required-environment", m.toString())));
    });
    if (output != null) {
      a.addAll(List.of("-o", output));
    }
    StringBuilder b = new StringBuilder();
    for (String s : a) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(s.isEmpty() || s.matches(".*[\\s'\"<>|&;$`*?()\\\\].*")
          ? "'" + s.replace("'", "'\\''") + "'" : s);
    }
    return b.toString();
  }

  /** {@code --python-version V --python-platform P} when they give exactly {@code target}. */
  static Optional<List<String>> targetOptions(TargetEnvironment target) {
    Map<String, String> m = target.markers().values();
    for (Platform p : Platform.values()) {
      for (String v : new String[] {m.get("python_version"), m.get("python_full_version")}) {
        if (v != null && TargetEnvironment.cpython(v, p).equals(target)) {
          return Optional.of(List.of("--python-version", v, "--python-platform", platform(p)));
        }
      }
    }
    return Optional.empty();
  }

  static String platform(Platform p) {
    return switch (p) {
      case LINUX_X86_64 -> "linux";
      case LINUX_AARCH64 -> "linux-aarch64";
      case MACOS_ARM64 -> "macos";
      case MACOS_X86_64 -> "macos-x86_64";
      case WINDOWS_AMD64 -> "windows";
    };
  }

  private static List<String> paths(List<Path> files, Path lockDir) {
    return files.stream().map(f -> path(f, lockDir)).toList();
  }

  /**
   * {@code file} relative to the lock's directory, with {@code /}, when it is under that
   * directory's tree (so the lock is the same on every checkout); else its absolute path.
   */
  static String path(Path file, Path lockDir) {
    Path abs = file.toAbsolutePath().normalize();
    if (!abs.startsWith(lockDir)) {
      return abs.toString();
    }
    return lockDir.relativize(abs).toString().replace(java.io.File.separatorChar, '/');
  }

  /**
   * An index as recorded: a local directory (or file: URL) relative to the lock's directory, a
   * URL without credentials.
   */
  static String index(String value, Path lockDir) {
    String location = IndexSettings.location(value, "--index-url");
    if (location.startsWith("file:")) {
      Path dir = Path.of(URI.create(location));
      if (!dir.startsWith(lockDir)) {
        return location;
      }
      String rel = path(dir, lockDir);
      return rel.isEmpty() ? "." : rel;
    }
    try {
      URI uri = URI.create(location);
      if (uri.getRawUserInfo() != null) {
        return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getRawPath(),
            null, null).toString();
      }
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      // recorded as given
    }
    return location;
  }

  private static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A target in words, e.g. {@code CPython 3.12 on linux x86_64}. */
  static String describe(TargetEnvironment target) {
    Map<String, String> m = target.markers().values();
    return m.getOrDefault("platform_python_implementation", "Python") + " "
        + m.getOrDefault("python_version", "?") + " on "
        + m.getOrDefault("sys_platform", "?") + " " + m.getOrDefault("platform_machine", "");
  }

  // ---- reading ----

  /**
   * The request a {@code pylock.toml} records, or empty when it records no inputs. A lock made
   * before inputs were recorded gives its {@code requirements} as requirement strings.
   */
  static Optional<LockRequest.Builder> fromPylock(Pylock lock, Path lockDir, String lockName) {
    if (!(lock.tool().get("pylock4j") instanceof Map<?, ?> own)) {
      return Optional.empty();
    }
    LockRequest.Builder b = LockRequest.builder();
    boolean inputs = false;
    if (own.containsKey("arguments") || own.containsKey("inputs") || own.containsKey("project")) {
      for (String s : strings(own, "arguments")) {
        b.requirement(s);
      }
      for (String s : strings(own, "inputs")) {
        b.requirementsFile(lockDir.resolve(s).normalize());
      }
      inputs = true;
    } else {
      List<String> roots = lock.pylock4jRequirements();
      roots.forEach(b::requirement);
      inputs = !roots.isEmpty();
    }
    for (String s : strings(own, "constraint-files")) {
      b.constraintsFile(lockDir.resolve(s).normalize());
    }
    strings(own, "constraints").forEach(b::constraint);
    strings(own, "overrides").forEach(b::override);
    if (own.get("project") instanceof String p) {
      b.project(lockDir.resolve(p).normalize());
    }
    strings(own, "extras").forEach(b::extra);
    strings(own, "groups").forEach(b::group);
    if (own.get("index-url") instanceof String u) {
      b.indexUrl(resolveIndex(u, lockDir));
    }
    strings(own, "extra-index-urls").forEach(u -> b.extraIndexUrl(resolveIndex(u, lockDir)));
    for (String pin : strings(own, "index-pins")) {
      int eq = pin.indexOf('=');
      if (eq > 0 && ProjectName.isValid(pin.substring(0, eq))) {
        b.indexPin(ProjectName.of(pin.substring(0, eq)), resolveIndex(pin.substring(eq + 1), lockDir));
      }
    }
    if (own.get("index-strategy") instanceof String s) {
      b.indexStrategy(IndexStrategy.parse(s));
    }
    if (own.get("prerelease") instanceof String s) {
      b.prereleases(ToolSettings.parsePrerelease(s));
    }
    if (own.get("resolution") instanceof String s) {
      b.strategy(ToolSettings.parseResolution(s));
    }
    if (own.get("exclude-newer") instanceof String s) {
      b.excludeNewer(ToolSettings.parseExcludeNewer(s));
    } else if (own.get("exclude-newer") instanceof java.time.temporal.TemporalAccessor t) {
      b.excludeNewer(Instant.from(t));
    }
    if (Boolean.TRUE.equals(own.get("only-binary"))) {
      b.onlyBinary(true);
    }
    Map<String, String> markers = lock.pylock4jMarkers();
    if (!markers.isEmpty()) {
      b.target(target(markers, lockName));
    }
    if (Boolean.TRUE.equals(own.get("universal"))) {
      b.universal(universal(lock, strings(own, "required-environments"), lockName));
    }
    return inputs ? Optional.of(b) : Optional.empty();
  }

  /** The environments of a universal lock: its requires-python, environments, required ones. */
  static UniversalTarget universal(Pylock lock, List<String> required, String source) {
    try {
      List<Marker> environments = new ArrayList<>();
      lock.environments().forEach(m -> environments.add(Marker.parse(m)));
      List<Marker> requiredMarkers = new ArrayList<>();
      required.forEach(m -> requiredMarkers.add(Marker.parse(m)));
      return UniversalTarget.of(SpecifierSet.parse(
              lock.requiresPython() == null ? ">=3.8" : lock.requiresPython()))
          .withEnvironments(environments)
          .withRequiredEnvironments(requiredMarkers);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(source + ": " + e.getMessage(), source);
    }
  }

  /** The target of recorded marker values. */
  static TargetEnvironment target(Map<String, String> values, String source) {
    try {
      return TargetEnvironment.of(MarkerEnvironment.of(values));
    } catch (InvalidInputException e) {
      throw new InvalidInputException(source + ": " + e.getMessage(), source);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException(
          source + ": not a complete PEP 508 marker environment: " + e.getMessage(), source);
    }
  }

  private static String resolveIndex(String recorded, Path lockDir) {
    if (recorded.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !recorded.matches("^[A-Za-z]:[\\\\/].*")) {
      return recorded;
    }
    return lockDir.resolve(recorded).normalize().toString();
  }

  private static List<String> strings(Map<?, ?> table, String key) {
    if (table.get(key) instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      list.forEach(o -> out.add(String.valueOf(o)));
      return out;
    }
    return List.of();
  }

  /**
   * The request the header of a requirements file records (its command), or empty when it
   * records none. Paths are taken relative to the lock's directory; for a lock made before that
   * (paths relative to where it was run), a path that does not exist there is taken as given.
   */
  static Optional<LockRequest.Builder> fromHeader(String text, Path lockDir, String lockName) {
    String command = null;
    List<String> lines = text.lines().limit(20).toList();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!l.startsWith("#")) {
        break;
      }
      String body = l.substring(1).strip();
      if (body.startsWith("pylock4j lock")) {
        command = body;
        break;
      }
    }
    if (command == null) {
      return Optional.empty();
    }
    List<String> args = split(command);
    LockRequest.Builder b = LockRequest.builder();
    String version = null;
    String platform = null;
    boolean inputs = false;
    boolean universal = false;
    String requiresPython = null;
    List<String> environments = new ArrayList<>();
    List<String> required = new ArrayList<>();
    for (int i = 2; i < args.size(); i++) {
      String a = args.get(i);
      String value = null;
      String name = a;
      if (a.startsWith("--") && a.contains("=")) {
        name = a.substring(0, a.indexOf('='));
        value = a.substring(a.indexOf('=') + 1);
      }
      if (!name.startsWith("-")) {
        b.requirement(a);
        inputs = true;
        continue;
      }
      boolean flag = switch (name) {
        case "--only-binary", "--allow-unhashed", "--strict", "--offline", "-U", "--upgrade",
            "-q", "--quiet", "-v", "--verbose", "--avoid-vulnerable", "--refuse-malware",
            "--universal" -> true;
        default -> false;
      };
      if (!flag && value == null) {
        if (i + 1 >= args.size()) {
          break;
        }
        value = args.get(++i);
      }
      switch (name) {
        case "-r", "--requirement" -> {
          b.requirementsFile(file(value, lockDir));
          inputs = true;
        }
        case "-c", "--constraint" -> b.constraintsFile(file(value, lockDir));
        case "--project" -> {
          b.project(file(value, lockDir));
          inputs = true;
        }
        case "--extra" -> b.extra(value);
        case "--group" -> b.group(value);
        case "-i", "--index-url" -> b.indexUrl(indexLocation(value, lockDir));
        case "--extra-index-url" -> b.extraIndexUrl(indexLocation(value, lockDir));
        case "--index" -> {
          int eq = value.indexOf('=');
          if (eq > 0 && ProjectName.isValid(value.substring(0, eq))) {
            b.indexPin(ProjectName.of(value.substring(0, eq)),
                indexLocation(value.substring(eq + 1), lockDir));
          }
        }
        case "--index-strategy" -> b.indexStrategy(IndexStrategy.parse(value));
        case "--prerelease" -> b.prereleases(ToolSettings.parsePrerelease(value));
        case "--resolution" -> b.strategy(ToolSettings.parseResolution(value));
        case "--exclude-newer" -> b.excludeNewer(ToolSettings.parseExcludeNewer(value));
        case "--only-binary" -> b.onlyBinary(true);
        case "--allow-unhashed" -> b.allowUnhashed(true);
        case "--python-version" -> version = value;
        case "--python-platform" -> platform = value;
        case "--universal" -> universal = true;
        case "--requires-python" -> {
          universal = true;
          requiresPython = value;
        }
        case "--environment-marker" -> {
          universal = true;
          environments.add(value);
        }
        case "--required-environment" -> {
          universal = true;
          required.add(value);
        }
        default -> {
          // options that do not change the lock's content
        }
      }
    }
    if (version != null && platform != null) {
      Platform p = platformNamed(platform);
      if (p != null) {
        b.target(TargetEnvironment.cpython(version, p));
      }
    }
    if (universal) {
      try {
        List<Marker> envs = new ArrayList<>();
        environments.forEach(m -> envs.add(Marker.parse(m)));
        List<Marker> req = new ArrayList<>();
        required.forEach(m -> req.add(Marker.parse(m)));
        b.universal(UniversalTarget.of(SpecifierSet.parse(
                requiresPython == null ? ">=3.8" : requiresPython))
            .withEnvironments(envs).withRequiredEnvironments(req));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(lockName + ": " + e.getMessage(), lockName);
      }
    }
    return inputs ? Optional.of(b) : Optional.empty();
  }

  private static Platform platformNamed(String name) {
    for (Platform p : Platform.values()) {
      if (platform(p).equals(name.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "linux-x86_64" -> Platform.LINUX_X86_64;
      case "macos-arm64" -> Platform.MACOS_ARM64;
      case "win_amd64", "windows-amd64" -> Platform.WINDOWS_AMD64;
      default -> null;
    };
  }

  /** A recorded path: relative to the lock's directory if it is there, else as given. */
  static Path file(String value, Path lockDir) {
    Path relative = lockDir.resolve(value).normalize();
    return Files.exists(relative) || Path.of(value).isAbsolute() ? relative : Path.of(value);
  }

  private static String indexLocation(String value, Path lockDir) {
    if (value.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !value.matches("^[A-Za-z]:[\\\\/].*")) {
      return value;
    }
    return file(value, lockDir).toString();
  }

  /** Splits a command line written by {@link #command}: spaces, and {@code '…'} quoting. */
  static List<String> split(String command) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quoted) {
        if (c == '\'') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '\'') {
        quoted = true;
        any = true;
      } else if (c == '\\' && i + 1 < command.length()) {
        cur.append(command.charAt(++i));
        any = true;
      } else if (Character.isWhitespace(c)) {
        if (any || cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
          any = false;
        }
      } else {
        cur.append(c);
      }
    }
    if (any || cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }
}
