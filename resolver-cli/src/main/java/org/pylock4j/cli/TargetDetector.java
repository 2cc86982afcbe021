package org.pylock4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
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
   * short script that prints the PEP 508 variables as JSON, the way {@code
   * packaging.markers.default_environment()} computes them. Never runs package code.
   */
  static TargetDetector python(String executable) {
    return () -> runPython(executable);
  }

  /** The script; kept short and standard-library only. */
  String SCRIPT =
      String.join(
          "\n",
          "import json, os, platform, sys",
          "i = sys.implementation",
          "v = '{0.major}.{0.minor}.{0.micro}'.format(i.version)",
          "if i.version.releaselevel != 'final':",
          "    v += i.version.releaselevel[0] + str(i.version.serial)",
          "print(json.dumps({",
          "    'implementation_name': i.name,",
          "    'implementation_version': v,",
          "    'os_name': os.name,",
          "    'platform_machine': platform.machine(),",
          "    'platform_release': platform.release(),",
          "    'platform_system': platform.system(),",
          "    'platform_version': platform.version(),",
          "    'python_full_version': platform.python_version(),",
          "    'platform_python_implementation': platform.python_implementation(),",
          "    'python_version': '.'.join(platform.python_version_tuple()[:2]),",
          "    'sys_platform': sys.platform,",
          "}))");

  private static Optional<Map<String, String>> runPython(String executable) {
    Process process;
    try {
      process =
          new ProcessBuilder(executable, "-I", "-S", "-c", SCRIPT)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
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
      JsonNode json = new ObjectMapper().readTree(new String(output, StandardCharsets.UTF_8));
      Map<String, String> values = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        values.put(e.getKey(), e.getValue().asText());
      }
      return Optional.of(values);
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
