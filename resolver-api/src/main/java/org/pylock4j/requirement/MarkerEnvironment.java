package org.pylock4j.requirement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pylock4j.error.InvalidInputException;

/**
 * The values of the PEP 508 marker variables for one target ({@code os_name}, {@code
 * sys_platform}, {@code platform_machine}, {@code platform_python_implementation}, {@code
 * platform_release}, {@code platform_system}, {@code platform_version}, {@code python_version},
 * {@code python_full_version}, {@code implementation_name}, {@code implementation_version}), and
 * optionally {@code extra} (and {@code extras}, {@code dependency_groups}, which markers of lock
 * files name).
 *
 * <p>The map has the shape of {@code packaging.markers.default_environment()}; an environment
 * without {@code extra} evaluates {@code extra} as {@code ""}, as {@code packaging} does for
 * metadata.
 *
 * <pre>{@code
 * MarkerEnvironment env = MarkerEnvironment.cpython("3.12", Platform.LINUX_X86_64).withExtra("socks");
 * }</pre>
 *
 * @param values variable name to value, copied
 */
public record MarkerEnvironment(Map<String, String> values) {

  /** The eleven variables every environment sets. */
  public static final Set<String> REQUIRED_VARIABLES =
      Set.of(
          "implementation_name",
          "implementation_version",
          "os_name",
          "platform_machine",
          "platform_release",
          "platform_system",
          "platform_version",
          "python_full_version",
          "platform_python_implementation",
          "python_version",
          "sys_platform");

  private static final Set<String> OPTIONAL_VARIABLES =
      Set.of("extra", "extras", "dependency_groups");

  private static final Pattern PYTHON_VERSION =
      Pattern.compile("([0-9]+)\\.([0-9]+)(?:\\.([0-9]+)((?:a|b|rc)[0-9]+)?)?");

  /**
   * Copies {@code values}; checks that every PEP 508 variable is present and that no other name
   * but {@code extra}, {@code extras} and {@code dependency_groups} is.
   *
   * @throws InvalidInputException naming the missing or unknown variables
   * @param values variable name to value, copied
   */
  public MarkerEnvironment {
    Objects.requireNonNull(values, "values");
    List<String> problems = new ArrayList<>();
    Set<String> missing = new TreeSet<>(REQUIRED_VARIABLES);
    missing.removeAll(values.keySet());
    if (!missing.isEmpty()) {
      problems.add("lacks " + String.join(", ", missing));
    }
    Set<String> unknown = new TreeSet<>();
    Set<String> nulls = new TreeSet<>();
    values.forEach(
        (name, value) -> {
          if (name == null) {
            unknown.add("null");
          } else if (!REQUIRED_VARIABLES.contains(name) && !OPTIONAL_VARIABLES.contains(name)) {
            unknown.add(name);
          } else if (value == null) {
            nulls.add(name);
          }
        });
    if (!unknown.isEmpty()) {
      problems.add("has unknown variables " + String.join(", ", unknown));
    }
    if (!nulls.isEmpty()) {
      problems.add("has no value for " + String.join(", ", nulls));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(
          "marker environment " + String.join(" and ", problems), String.valueOf(values));
    }
    values = Map.copyOf(values);
  }

  /**
   * Builds an environment from a map such as {@code packaging.markers.default_environment()}.
   *
   * @param values variable name to value, must not be null; copied
   * @return the environment, never null
   * @throws InvalidInputException naming the missing or unknown variables
   */
  public static MarkerEnvironment of(Map<String, String> values) {
    return new MarkerEnvironment(values);
  }

  /**
   * CPython {@code pythonVersion} (e.g. {@code "3.12"} or {@code "3.12.4"}) on a common platform.
   *
   * <p>{@code python_version} is {@code X.Y}; {@code python_full_version} and {@code
   * implementation_version} are {@code X.Y.Z}, with {@code Z = 0} when only {@code X.Y} is given
   * (a pre-release such as {@code "3.14.0rc1"} is kept). The platform values are those of {@link
   * Platform}. It is meant for CPython 3.8 to 3.14; any {@code X.Y} is accepted.
   *
   * @param pythonVersion {@code X.Y}, {@code X.Y.Z} or {@code X.Y.Z} with {@code aN}, {@code bN}
   *     or {@code rcN}
   * @param platform the target platform, must not be null
   * @return the environment, without {@code extra}, never null
   * @throws InvalidInputException when {@code pythonVersion} has another form
   */
  public static MarkerEnvironment cpython(String pythonVersion, Platform platform) {
    Objects.requireNonNull(pythonVersion, "pythonVersion");
    Objects.requireNonNull(platform, "platform");
    Matcher m = PYTHON_VERSION.matcher(pythonVersion);
    if (!m.matches()) {
      throw new InvalidInputException(
          "not a CPython version (expected X.Y or X.Y.Z, e.g. 3.12 or 3.12.4)", pythonVersion);
    }
    String majorMinor = Integer.parseInt(m.group(1)) + "." + Integer.parseInt(m.group(2));
    String full =
        m.group(3) == null
            ? majorMinor + ".0"
            : majorMinor + "." + Integer.parseInt(m.group(3)) + (m.group(4) == null ? "" : m.group(4));
    Map<String, String> values = new HashMap<>();
    values.put("implementation_name", "cpython");
    values.put("implementation_version", full);
    values.put("platform_python_implementation", "CPython");
    values.put("python_version", majorMinor);
    values.put("python_full_version", full);
    values.put("os_name", platform.osName);
    values.put("sys_platform", platform.sysPlatform);
    values.put("platform_system", platform.platformSystem);
    values.put("platform_machine", platform.platformMachine);
    values.put("platform_release", platform.platformRelease);
    values.put("platform_version", platform.platformVersion);
    return new MarkerEnvironment(values);
  }

  /**
   * The value of {@code variable}, if set.
   *
   * @param variable a variable name such as {@code python_version}, must not be null
   * @return the value, or empty when this environment does not set it
   */
  public Optional<String> get(String variable) {
    return Optional.ofNullable(values.get(variable));
  }

  /**
   * This environment with {@code extra} set to {@code extra}, normalised (PEP 685); {@code ""}
   * stands for no extra.
   *
   * @param extra the extra in any spelling, must not be null
   * @return a new environment, never null
   */
  public MarkerEnvironment withExtra(String extra) {
    return with("extra", extra.isEmpty() ? "" : ProjectName.normalize(extra));
  }

  /**
   * This environment with {@code variable} set to {@code value}.
   *
   * @param variable a marker variable name, must not be null
   * @param value its value, must not be null
   * @return a new environment, never null
   * @throws InvalidInputException when {@code variable} is not a marker variable
   */
  public MarkerEnvironment with(String variable, String value) {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(value, "value");
    Map<String, String> copy = new HashMap<>(values);
    copy.put(variable, value);
    return new MarkerEnvironment(copy);
  }

  /**
   * Common target platforms, with the values {@code packaging.markers.default_environment()}
   * reports on them.
   *
   * <table>
   *   <caption>Platform values</caption>
   *   <tr><th></th><th>os_name</th><th>sys_platform</th><th>platform_system</th>
   *       <th>platform_machine</th><th>platform_release</th><th>platform_version</th></tr>
   *   <tr><td>LINUX_X86_64</td><td>posix</td><td>linux</td><td>Linux</td><td>x86_64</td>
   *       <td>6.8.0-51-generic</td>
   *       <td>#52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:09:44 UTC 2024</td></tr>
   *   <tr><td>LINUX_AARCH64</td><td>posix</td><td>linux</td><td>Linux</td><td>aarch64</td>
   *       <td>6.8.0-51-generic</td>
   *       <td>#52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:17:01 UTC 2024</td></tr>
   *   <tr><td>MACOS_ARM64</td><td>posix</td><td>darwin</td><td>Darwin</td><td>arm64</td>
   *       <td>24.1.0</td><td>Darwin Kernel Version 24.1.0: Thu Oct 10 21:03:11 PDT 2024;
   *       root:xnu-11215.41.3~2/RELEASE_ARM64_T6000</td></tr>
   *   <tr><td>MACOS_X86_64</td><td>posix</td><td>darwin</td><td>Darwin</td><td>x86_64</td>
   *       <td>24.1.0</td><td>Darwin Kernel Version 24.1.0: Thu Oct 10 21:02:27 PDT 2024;
   *       root:xnu-11215.41.3~2/RELEASE_X86_64</td></tr>
   *   <tr><td>WINDOWS_AMD64</td><td>nt</td><td>win32</td><td>Windows</td><td>AMD64</td>
   *       <td>10</td><td>10.0.19045</td></tr>
   * </table>
   *
   * <p>The releases are Ubuntu 24.04's kernel, macOS 15.1 (Darwin 24.1.0) and Windows 10 22H2.
   */
  public enum Platform {
    /** Linux on x86-64 (Ubuntu 24.04 kernel). */
    LINUX_X86_64(
        "posix",
        "linux",
        "Linux",
        "x86_64",
        "6.8.0-51-generic",
        "#52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:09:44 UTC 2024"),
    /** Linux on 64-bit ARM (Ubuntu 24.04 kernel). */
    LINUX_AARCH64(
        "posix",
        "linux",
        "Linux",
        "aarch64",
        "6.8.0-51-generic",
        "#52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:17:01 UTC 2024"),
    /** macOS 15.1 on Apple silicon. */
    MACOS_ARM64(
        "posix",
        "darwin",
        "Darwin",
        "arm64",
        "24.1.0",
        "Darwin Kernel Version 24.1.0: Thu Oct 10 21:03:11 PDT 2024;"
            + " root:xnu-11215.41.3~2/RELEASE_ARM64_T6000"),
    /** macOS 15.1 on Intel. */
    MACOS_X86_64(
        "posix",
        "darwin",
        "Darwin",
        "x86_64",
        "24.1.0",
        "Darwin Kernel Version 24.1.0: Thu Oct 10 21:02:27 PDT 2024;"
            + " root:xnu-11215.41.3~2/RELEASE_X86_64"),
    /** 64-bit Windows 10 22H2. */
    WINDOWS_AMD64("nt", "win32", "Windows", "AMD64", "10", "10.0.19045");

    private final String osName;
    private final String sysPlatform;
    private final String platformSystem;
    private final String platformMachine;
    private final String platformRelease;
    private final String platformVersion;

    Platform(
        String osName,
        String sysPlatform,
        String platformSystem,
        String platformMachine,
        String platformRelease,
        String platformVersion) {
      this.osName = osName;
      this.sysPlatform = sysPlatform;
      this.platformSystem = platformSystem;
      this.platformMachine = platformMachine;
      this.platformRelease = platformRelease;
      this.platformVersion = platformVersion;
    }
  }

  // equals and hashCode written out, computing what the generated ones compute (the hash is
  // 31 * h + each component's hash, in component order, so no hash order changes): the generated
  // ones are bootstrapped through method handles on first use, which spins classes a fresh CLI
  // JVM pays for (bench/README.md section 4), and this record is hashed from the first page on.
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof MarkerEnvironment m && values.equals(m.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }
}
