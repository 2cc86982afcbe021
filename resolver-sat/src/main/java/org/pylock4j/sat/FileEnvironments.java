package org.pylock4j.sat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pylock4j.metadata.Tag;
import org.pylock4j.metadata.WheelFilename;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.MarkerTree;

/**
 * The environments that can install a file, as a {@link MarkerTree}: an sdist anywhere; a wheel
 * where one of its tags fits — the interpreter tag as the Python implementation and version
 * ({@code cp312} CPython 3.12, {@code cp38-abi3} CPython 3.8 and later, {@code py3}/{@code py38}
 * any Python 3 / 3.8 and later, {@code pp310} PyPy 3.10), the platform tag as {@code
 * sys_platform} and {@code platform_machine} ({@code manylinux*}/{@code musllinux*}/{@code
 * linux}, {@code macosx} with {@code universal2} as arm64 or x86_64, {@code win_amd64}, {@code
 * win_arm64}, {@code win32} as x86, {@code any} everywhere).
 *
 * <p>A tag it does not know (another interpreter, another platform) installs nowhere. The
 * free-threaded ABI and minimum OS versions are not distinguished: it answers "which environments
 * of the space of {@link MarkerTree} could install this", for keeping files and for required
 * environments.
 */
final class FileEnvironments {

  private static final Pattern INTERPRETER = Pattern.compile("(cp|pp|py)(\\d)(\\d*)");
  private static final Pattern LINUX =
      Pattern.compile("(?:manylinux\\d*|manylinux_\\d+_\\d+|musllinux_\\d+_\\d+|linux)_(.+)");
  private static final Pattern MACOS = Pattern.compile("macosx_\\d+_\\d+_(.+)");

  private final Map<String, MarkerTree> byFilename = new ConcurrentHashMap<>();
  private final Map<String, MarkerTree> parts = new HashMap<>();

  /** Where {@code filename} installs (everywhere for an sdist or an unparsable name). */
  MarkerTree of(String filename) {
    return byFilename.computeIfAbsent(filename, this::compute);
  }

  private synchronized MarkerTree compute(String filename) {
    if (!filename.endsWith(".whl")) {
      return MarkerTree.always();
    }
    WheelFilename wheel;
    try {
      wheel = WheelFilename.parse(filename);
    } catch (RuntimeException e) {
      return MarkerTree.never();
    }
    MarkerTree any = MarkerTree.never();
    for (Tag tag : wheel.tags()) {
      any = any.or(part("i:" + tag.interpreter() + "-" + tag.abi(),
          () -> interpreter(tag.interpreter(), tag.abi()))
          .and(part("p:" + tag.platform(), () -> platform(tag.platform()))));
    }
    return any;
  }

  private MarkerTree part(String key, java.util.function.Supplier<String> marker) {
    return parts.computeIfAbsent(key, k -> {
      String m = marker.get();
      return m == null ? MarkerTree.never() : m.isEmpty() ? MarkerTree.always() : MarkerTree.parse(m);
    });
  }

  private static String interpreter(String interpreter, String abi) {
    Matcher m = INTERPRETER.matcher(interpreter);
    if (!m.matches()) {
      return null;
    }
    String major = m.group(2);
    String minor = m.group(3);
    String range = minor.isEmpty()
        ? "python_version >= '" + major + "' and python_version < '" + (Integer.parseInt(major) + 1) + "'"
        : m.group(1).equals("py") || abi.equals("abi3")
            ? "python_version >= '" + major + "." + minor + "' and python_version < '"
                + (Integer.parseInt(major) + 1) + "'"
            : "python_version == '" + major + "." + minor + "'";
    return switch (m.group(1)) {
      case "cp" -> "implementation_name == 'cpython' and " + range;
      case "pp" -> "implementation_name == 'pypy' and " + range;
      default -> range;
    };
  }

  private static String platform(String platform) {
    if (platform.equals("any")) {
      return "";
    }
    Matcher linux = LINUX.matcher(platform);
    if (linux.matches()) {
      return "sys_platform == 'linux' and platform_machine == '" + linux.group(1) + "'";
    }
    Matcher mac = MACOS.matcher(platform);
    if (mac.matches()) {
      List<String> machines = switch (mac.group(1)) {
        case "universal2" -> List.of("arm64", "x86_64");
        case "intel" -> List.of("i386", "x86_64");
        case "universal", "fat", "fat3", "fat64" -> List.of("i386", "ppc", "ppc64", "x86_64");
        default -> List.of(mac.group(1));
      };
      return "sys_platform == 'darwin' and (" + String.join(" or ",
          machines.stream().map(x -> "platform_machine == '" + x + "'").toList()) + ")";
    }
    return switch (platform) {
      case "win_amd64" -> "sys_platform == 'win32' and platform_machine == 'AMD64'";
      case "win_arm64" -> "sys_platform == 'win32' and platform_machine == 'ARM64'";
      case "win32" -> "sys_platform == 'win32' and platform_machine == 'x86'";
      default -> null;
    };
  }

  /** The platform values of {@code p} as a set of environments (any Python). */
  static MarkerTree platform(MarkerEnvironment.Platform p) {
    MarkerEnvironment env = MarkerEnvironment.cpython("3.12", p);
    MarkerTree t = MarkerTree.always();
    for (String variable : List.of("sys_platform", "os_name", "platform_system", "platform_machine")) {
      t = t.and(MarkerTree.parse(variable + " == '" + env.get(variable).orElseThrow() + "'"));
    }
    return t;
  }
}
