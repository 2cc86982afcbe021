package org.pylock4j.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.error.PylockException;
import org.pylock4j.input.InputFiles;
import org.pylock4j.metadata.Tag;
import org.pylock4j.metadata.TagSet;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.MarkerEnvironment.Platform;
import org.pylock4j.resolve.TargetEnvironment;
import picocli.CommandLine.Option;

/**
 * Which environment to lock for.
 *
 * <p>With none of these options, the Python on the PATH ({@code python3}) is asked once for its
 * marker environment; when there is none, the default is CPython {@value #DEFAULT_PYTHON} on Linux
 * x86_64, with a notice on stderr.
 */
final class TargetOptions {

  static final String DEFAULT_PYTHON = "3.12";
  private static final Pattern PYTHON_VERSION = Pattern.compile("\\d+\\.\\d+(\\.\\d+)?");
  private static final Pattern MANYLINUX = Pattern.compile("manylinux_(\\d+)_(\\d+)_(\\w+)");
  private static final Pattern LEGACY_MANYLINUX = Pattern.compile("manylinux(1|2010|2014)_(\\w+)");
  private static final Pattern MACOS = Pattern.compile("macosx_(\\d+)_(\\d+)_(\\w+)");

  @Option(
      names = {"--python-version", "-p", "--python"},
      paramLabel = "X.Y",
      description = "Lock for this Python version (e.g. 3.12 or 3.12.4). -p and --python are "
          + "uv's spellings.")
  String pythonVersion;

  @Option(
      names = "--python-platform",
      paramLabel = "PLATFORM",
      description = "Lock for this platform: linux (x86_64), macos (arm64), windows (amd64), "
          + "linux-aarch64, macos-x86_64, or a wheel platform tag such as manylinux_2_28_x86_64, "
          + "macosx_11_0_arm64, win_amd64.")
  String pythonPlatform;

  @Option(
      names = "--environment",
      paramLabel = "FILE.json",
      description = "A full PEP 508 marker environment (JSON object of the marker variables).")
  Path environment;

  /** Whether any target option was given. */
  boolean given() {
    return pythonVersion != null || pythonPlatform != null || environment != null;
  }

  /** The target these options name, asking {@code detector} only when none is given. */
  TargetEnvironment target(TargetDetector detector, Reporter reporter, long maxBytes) {
    if (environment != null) {
      if (pythonVersion != null) {
        throw new InvalidInputException(
            "--environment gives the Python version already; drop --python-version",
            "--python-version " + pythonVersion);
      }
      Map<String, String> values = readEnvironment(environment, maxBytes);
      return fromMarkers(values, environment.toString(), pythonPlatform);
    }
    if (pythonVersion != null && !PYTHON_VERSION.matcher(pythonVersion).matches()) {
      throw new InvalidInputException(
          "--python-version must look like 3.12 or 3.12.4, not '" + pythonVersion + "'",
          pythonVersion);
    }
    if (pythonVersion == null && pythonPlatform == null) {
      Optional<Map<String, String>> detected = detector.detect();
      if (detected.isPresent()) {
        try {
          return fromDetected(detected.get());
        } catch (PylockException e) {
          reporter.notice("cannot lock for the local python3 (" + e.getMessage() + ")");
        }
      } else {
        reporter.notice("no python3 found on the PATH");
      }
      reporter.notice(
          "locking for CPython " + DEFAULT_PYTHON + " on linux x86_64"
              + " (choose with --python-version and --python-platform)");
      return TargetEnvironment.cpython(DEFAULT_PYTHON, Platform.LINUX_X86_64);
    }
    String version = pythonVersion;
    if (version == null) {
      version =
          detector.detect().map(m -> m.get("python_version")).orElse(null);
      if (version == null) {
        reporter.notice(
            "no python3 found on the PATH; locking for Python " + DEFAULT_PYTHON
                + " (choose with --python-version)");
        version = DEFAULT_PYTHON;
      }
    }
    if (pythonPlatform == null) {
      return TargetEnvironment.cpython(version, hostPlatform());
    }
    return withPlatform(version, pythonPlatform);
  }

  static TargetEnvironment withPlatform(String version, String platform) {
    String lower = platform.toLowerCase(Locale.ROOT);
    Platform named =
        switch (lower) {
          case "linux", "linux-x86_64" -> Platform.LINUX_X86_64;
          case "linux-aarch64" -> Platform.LINUX_AARCH64;
          case "macos", "macos-arm64" -> Platform.MACOS_ARM64;
          case "macos-x86_64" -> Platform.MACOS_X86_64;
          case "windows", "win_amd64", "windows-amd64" -> Platform.WINDOWS_AMD64;
          default -> null;
        };
    if (named != null) {
      return TargetEnvironment.cpython(version, named);
    }
    String p = lower;
    if (p.equals("linux_x86_64") || p.equals("linux_aarch64")) {
      // the plain linux wheel tag: no manylinux wheel
      TargetEnvironment full =
          TargetEnvironment.cpython(
              version, p.endsWith("x86_64") ? Platform.LINUX_X86_64 : Platform.LINUX_AARCH64);
      return new TargetEnvironment(
          full.markers(), filter(full.tags(), t -> !t.platform().startsWith("manylinux")));
    }
    Matcher m = MANYLINUX.matcher(p);
    Matcher legacy = LEGACY_MANYLINUX.matcher(p);
    Matcher mac = MACOS.matcher(p);
    if (m.matches() || legacy.matches()) {
      int[] glibc;
      String arch;
      if (m.matches()) {
        glibc = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        arch = m.group(3);
      } else {
        glibc = legacyGlibc(legacy.group(1));
        arch = legacy.group(2);
      }
      Platform linux =
          switch (arch) {
            case "x86_64" -> Platform.LINUX_X86_64;
            case "aarch64" -> Platform.LINUX_AARCH64;
            default -> throw unsupported(platform);
          };
      TargetEnvironment full = TargetEnvironment.cpython(version, linux);
      return new TargetEnvironment(
          full.markers(), filter(full.tags(), t -> glibcAtMost(t.platform(), glibc)));
    }
    if (mac.matches()) {
      int[] os = {Integer.parseInt(mac.group(1)), Integer.parseInt(mac.group(2))};
      Platform macos =
          switch (mac.group(3)) {
            case "arm64" -> Platform.MACOS_ARM64;
            case "x86_64" -> Platform.MACOS_X86_64;
            default -> throw unsupported(platform);
          };
      TargetEnvironment full = TargetEnvironment.cpython(version, macos);
      return new TargetEnvironment(
          full.markers(), filter(full.tags(), t -> macosAtMost(t.platform(), os)));
    }
    throw unsupported(platform);
  }

  private static InvalidInputException unsupported(String platform) {
    return new InvalidInputException(
        "unsupported --python-platform '" + platform + "' (use linux, macos, windows,"
            + " linux-aarch64, macos-x86_64, or a manylinux_X_Y_ARCH, macosx_X_Y_ARCH or win_amd64"
            + " tag)",
        platform);
  }

  private static int[] legacyGlibc(String alias) {
    return switch (alias) {
      case "1" -> new int[] {2, 5};
      case "2010" -> new int[] {2, 12};
      default -> new int[] {2, 17};
    };
  }

  private static boolean glibcAtMost(String platformTag, int[] max) {
    Matcher m = MANYLINUX.matcher(platformTag);
    int[] glibc;
    if (m.matches()) {
      glibc = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    } else {
      Matcher legacy = LEGACY_MANYLINUX.matcher(platformTag);
      if (!legacy.matches()) {
        return true;
      }
      glibc = legacyGlibc(legacy.group(1));
    }
    return glibc[0] < max[0] || (glibc[0] == max[0] && glibc[1] <= max[1]);
  }

  private static boolean macosAtMost(String platformTag, int[] max) {
    Matcher m = MACOS.matcher(platformTag);
    if (!m.matches()) {
      return true;
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    return major < max[0] || (major == max[0] && minor <= max[1]);
  }

  private static TagSet filter(TagSet tags, java.util.function.Predicate<Tag> keep) {
    List<Tag> kept = new ArrayList<>();
    for (Tag tag : tags.tags()) {
      if (keep.test(tag)) {
        kept.add(tag);
      }
    }
    return TagSet.of(kept);
  }

  /** A target from marker values (detected, or from a file named {@code source}). */
  /**
   * The local interpreter's target, as the markers a user would write: its {@code
   * implementation_name}, {@code python_version}, {@code sys_platform} and {@code
   * platform_machine}. A CPython on a platform pylock4j knows gets the same target as {@code
   * --python-version X.Y --python-platform P}, so two machines with the same target write the same
   * lock (no kernel release, no patch version); another interpreter keeps all its values.
   */
  static TargetEnvironment fromDetected(Map<String, String> values) {
    String version = values.get("python_version");
    Platform platform = platformOf(values.get("sys_platform"), values.get("platform_machine"));
    if ("cpython".equals(values.get("implementation_name")) && platform != null
        && version != null && PYTHON_VERSION.matcher(version).matches()) {
      return TargetEnvironment.cpython(version, platform);
    }
    return fromMarkers(values, "python3", null);
  }

  static TargetEnvironment fromMarkers(Map<String, String> values, String source, String platform) {
    MarkerEnvironment markers;
    try {
      markers = MarkerEnvironment.of(values);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(source + ": " + e.getMessage(), source);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException(
          source + ": not a complete PEP 508 marker environment: " + e.getMessage(), source);
    }
    String version = values.get("python_version");
    checkPythonVersions(version, values.get("python_full_version"), source);
    Platform tagsFor;
    if (platform != null) {
      TargetEnvironment named = withPlatform(version, platform);
      return new TargetEnvironment(markers, named.tags());
    }
    tagsFor = platformOf(values.get("sys_platform"), values.get("platform_machine"));
    if (tagsFor == null) {
      throw new InvalidInputException(
          source + ": no wheel tags known for sys_platform '" + values.get("sys_platform")
              + "' on '" + values.get("platform_machine") + "'; give --python-platform",
          source);
    }
    return new TargetEnvironment(markers, TagSet.cpython(version, tagsFor));
  }

  /**
   * Refuses an environment whose {@code python_version} is not the first two components of its
   * {@code python_full_version}, as {@code packaging.markers.default_environment()} makes them.
   */
  private static void checkPythonVersions(String version, String full, String source) {
    if (version == null || full == null) {
      return;
    }
    Matcher m = MAJOR_MINOR.matcher(full);
    if (!m.lookingAt() || !m.group().equals(version)) {
      throw new InvalidInputException(
          source + ": python_version '" + version + "' contradicts python_full_version '" + full
              + "' (python_version must be its first two components)",
          source);
    }
  }

  private static final Pattern MAJOR_MINOR = Pattern.compile("[0-9]+\\.[0-9]+(?![0-9])");

  /** The platform of a marker environment, or null when it is not one pylock4j has tags for. */
  static Platform platformOf(String sysPlatform, String machine) {
    return TargetEnvironment.platformOf(sysPlatform, machine);
  }

  /** The platform this JVM runs on, Linux x86_64 when it is not a known one. */
  static Platform hostPlatform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String sys = os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "win32" : "linux";
    Platform p = platformOf(sys, System.getProperty("os.arch", ""));
    return p == null ? Platform.LINUX_X86_64 : p;
  }

  private static Map<String, String> readEnvironment(Path file, long maxBytes) {
    JsonNode json;
    String text = InputFiles.read(file, maxBytes);
    try {
      json = new ObjectMapper().readTree(text);
    } catch (JacksonException e) {
      throw new InvalidInputException(
          "invalid JSON: " + org.pylock4j.internal.Failures.parser(e.getOriginalMessage()), file.toString(), file.toString(),
          e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr()),
          e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr()));
    }
    if (json == null || !json.isObject()) {
      throw new InvalidInputException(
          "a marker environment must be a JSON object of strings", file.toString(),
          file.toString(), 0, 0);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new InvalidInputException(
            "marker variable " + e.getKey() + " must be a string", e.getKey(), file.toString(), 0,
            0);
      }
      values.put(e.getKey(), e.getValue().asText());
    }
    return values;
  }
}
