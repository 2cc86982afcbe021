package org.pylock4j.requirement;

import java.util.Map;
import java.util.Optional;

/**
 * The values of the PEP 508 marker variables for one target ({@code os_name}, {@code
 * sys_platform}, {@code platform_machine}, {@code platform_python_implementation}, {@code
 * platform_release}, {@code platform_system}, {@code platform_version}, {@code python_version},
 * {@code python_full_version}, {@code implementation_name}, {@code implementation_version}), and
 * optionally {@code extra}.
 *
 * @param values variable name to value, copied
 */
public record MarkerEnvironment(Map<String, String> values) {

  /** Copies {@code values}; checks that every PEP 508 variable is present. */
  public MarkerEnvironment {
    throw new UnsupportedOperationException("stub");
  }

  /** Builds an environment from a map such as {@code packaging.markers.default_environment()}. */
  public static MarkerEnvironment of(Map<String, String> values) {
    return new MarkerEnvironment(values);
  }

  /**
   * CPython {@code pythonVersion} (e.g. {@code "3.12"} or {@code "3.12.4"}) on a common platform.
   */
  public static MarkerEnvironment cpython(String pythonVersion, Platform platform) {
    throw new UnsupportedOperationException("stub");
  }

  /** The value of {@code variable}, if set. */
  public Optional<String> get(String variable) {
    return Optional.ofNullable(values.get(variable));
  }

  /** This environment with {@code extra} set to {@code extra} (normalised). */
  public MarkerEnvironment withExtra(String extra) {
    throw new UnsupportedOperationException("stub");
  }

  /** Common target platforms. */
  public enum Platform {
    LINUX_X86_64,
    LINUX_AARCH64,
    MACOS_ARM64,
    MACOS_X86_64,
    WINDOWS_AMD64
  }
}
