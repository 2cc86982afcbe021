package org.pylock4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds the PEP 508 marker environment of the Python a lock is for. */
interface TargetDetector {

  /** Detection that finds nothing: the documented default target is used. */
  TargetDetector NONE = () -> Optional.empty();

  /** The marker variables of the local Python, or empty when there is none to ask. */
  Optional<Map<String, String>> detect();

  /**
   * Asks {@code python3} on the PATH, once, for its marker environment. Runs the interpreter
   * isolated ({@code -I -S}: no site-packages, no user code, no environment variables) with a
   * short script that prints the PEP 508 variables, the way {@code
   * packaging.markers.default_environment()} computes them. Never runs package code.
   */
  static TargetDetector python(String executable) {
    return python(executable, null, Map.of());
  }

  /**
   * As {@link #python(String)}, remembering the answer in {@code cacheDir} (when not null) under
   * the interpreter's real path, modification time and size: a later run with the same
   * interpreter file does not start it. An executable that is a script ({@code #!}, such as a
   * pyenv shim) is asked every time: the interpreter it starts may change while it does not.
   *
   * @param environment the process environment, for {@code PATH}
   */
  static TargetDetector python(String executable, Path cacheDir, Map<String, String> environment) {
    return () -> {
      // the interpreter and its environment are the run's (a background JVM serves many runs)
      Path found = find(executable, environment.get("PATH"));
      Path binary = cacheDir == null ? null : binary(found);
      Path entry = binary == null ? null : cacheEntry(cacheDir, binary);
      if (entry != null) {
        Optional<Map<String, String>> cached = readCached(entry);
        if (cached.isPresent()) {
          return cached;
        }
      }
      Optional<Map<String, String>> detected = runPython(
          binary != null ? binary.toString() : found != null ? found.toString() : executable,
          environment);
      if (entry != null && detected.isPresent()) {
        writeCached(entry, detected.get());
      }
      return detected;
    };
  }

  /** The script; kept short and standard-library only. Prints NUL-terminated names and values. */
  String SCRIPT =
      String.join(
          "\n",
          "import os, platform, sys",
          "i = sys.implementation",
          "v = '{0.major}.{0.minor}.{0.micro}'.format(i.version)",
          "if i.version.releaselevel != 'final':",
          "    v += i.version.releaselevel[0] + str(i.version.serial)",
          "for k, x in (",
          "    ('implementation_name', i.name),",
          "    ('implementation_version', v),",
          "    ('os_name', os.name),",
          "    ('platform_machine', platform.machine()),",
          "    ('platform_release', platform.release()),",
          "    ('platform_system', platform.system()),",
          "    ('platform_version', platform.version()),",
          "    ('python_full_version', platform.python_version()),",
          "    ('platform_python_implementation', platform.python_implementation()),",
          "    ('python_version', '.'.join(platform.python_version_tuple()[:2])),",
          "    ('sys_platform', sys.platform),",
          "):",
          "    sys.stdout.write(k + '\\0' + x + '\\0')");

  /** The variables in {@code output} (name NUL value NUL ...), or empty when it is not that. */
  static Optional<Map<String, String>> parse(String output) {
    String[] parts = output.split("\0", -1);
    if (parts.length < 3 || parts.length % 2 != 1 || !parts[parts.length - 1].isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i + 1 < parts.length; i += 2) {
      values.put(parts[i], parts[i + 1]);
    }
    return Optional.of(values);
  }

  /** The real path of {@code executable} (as the PATH finds it), or null when it is a script or not found. */
  static Path binary(String executable, String path) {
    return binary(find(executable, path));
  }

  /** {@code executable} as {@code path} (the run's PATH) finds it, or null. */
  static Path find(String executable, String path) {
    try {
      if (executable.indexOf('/') >= 0 || executable.indexOf(java.io.File.separatorChar) >= 0) {
        return Path.of(executable);
      }
      if (path != null) {
        for (String dir : path.split(java.io.File.pathSeparator)) {
          Path candidate = Path.of(dir.isEmpty() ? "." : dir, executable);
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return candidate;
          }
        }
      }
      return null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The real path of {@code found}, or null when it is null, missing or a script. */
  private static Path binary(Path found) {
    if (found == null) {
      return null;
    }
    try {
      Path real = found.toRealPath();
      try (InputStream in = Files.newInputStream(real)) {
        byte[] head = in.readNBytes(2);
        return head.length == 2 && head[0] == '#' && head[1] == '!' ? null : real;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static Path cacheEntry(Path cacheDir, Path binary) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(binary, BasicFileAttributes.class);
      String key = binary + "\0" + attributes.lastModifiedTime().toMillis() + "\0" + attributes.size();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return cacheDir.resolve("targets").resolve(HexFormat.of().formatHex(digest, 0, 16));
    } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
      return null;
    }
  }

  private static Optional<Map<String, String>> readCached(Path entry) {
    try {
      if (!Files.isRegularFile(entry) || Files.size(entry) > 64 * 1024) {
        return Optional.empty();
      }
      return parse(Files.readString(entry, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // an unreadable entry is a miss
    }
  }

  private static void writeCached(Path entry, Map<String, String> values) {
    StringBuilder text = new StringBuilder();
    values.forEach((k, v) -> text.append(k).append('\0').append(v).append('\0'));
    try {
      Files.createDirectories(entry.getParent());
      Path temp = Files.createTempFile(entry.getParent(), "target", ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException | RuntimeException e) {
      // a cache that cannot be written costs one probe next time
    }
  }

  private static Optional<Map<String, String>> runPython(
      String executable, Map<String, String> environment) {
    Process process;
    try {
      ProcessBuilder builder =
          new ProcessBuilder(executable, "-I", "-S", "-c", SCRIPT)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.PIPE);
      if (!environment.isEmpty()) { // the run's environment (e.g. a pyenv shim reads it)
        builder.environment().clear();
        builder.environment().putAll(environment);
      }
      process = builder.start();
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      process.getOutputStream().close();
      byte[] output = readLimited(process.getInputStream(), 64 * 1024);
      if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return parse(new String(output, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      return Optional.empty();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static byte[] readLimited(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      if (out.size() + n > limit) {
        throw new IOException("too much output");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
