package org.pylock4j.resolve;

import org.pylock4j.metadata.TagSet;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.version.Version;

/**
 * The environment a lock is for: the marker values and the wheel tags it supports.
 *
 * @param markers the PEP 508 marker environment (without {@code extra})
 * @param tags the supported wheel tags, best first
 */
public record TargetEnvironment(MarkerEnvironment markers, TagSet tags) {

  /**
   * CPython {@code pythonVersion} ({@code "3.12"} or {@code "3.12.4"}) on {@code platform}.
   *
   * @param pythonVersion the Python version, {@code "3.12"} or {@code "3.12.4"}; must not be null
   * @param platform the platform, must not be null
   * @return the target, never null
   */
  public static TargetEnvironment cpython(String pythonVersion, MarkerEnvironment.Platform platform) {
    MarkerEnvironment markers = MarkerEnvironment.cpython(pythonVersion, platform);
    return new TargetEnvironment(
        markers, TagSet.cpython(markers.values().get("python_version"), platform));
  }

  /**
   * The target for a complete marker environment, with the CPython wheel tags of its platform
   * (Linux or macOS on x86-64 or arm64, Windows on AMD64).
   *
   * @param markers the marker environment, must not be null
   * @return the target, never null
   * @throws IllegalArgumentException when no wheel tags are known for its {@code sys_platform}
   *     and {@code platform_machine}
   */
  public static TargetEnvironment of(MarkerEnvironment markers) {
    java.util.Map<String, String> values = markers.values();
    MarkerEnvironment.Platform platform =
        platformOf(values.get("sys_platform"), values.get("platform_machine"));
    if (platform == null) {
      throw new IllegalArgumentException("no wheel tags known for sys_platform '"
          + values.get("sys_platform") + "' on '" + values.get("platform_machine") + "'");
    }
    return new TargetEnvironment(markers, TagSet.cpython(values.get("python_version"), platform));
  }

  /**
   * The platform of {@code sys_platform} and {@code platform_machine}, or null when it is not one
   * pylock4j has wheel tags for.
   *
   * @param sysPlatform the {@code sys_platform} marker value, or null
   * @param machine the {@code platform_machine} marker value, or null
   * @return the platform, or null
   */
  public static MarkerEnvironment.Platform platformOf(String sysPlatform, String machine) {
    String arch = machine == null ? "" : machine.toLowerCase(java.util.Locale.ROOT);
    boolean x64 = arch.equals("x86_64") || arch.equals("amd64");
    boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
    if (sysPlatform == null) {
      return null;
    }
    if (sysPlatform.startsWith("linux")) {
      return x64 ? MarkerEnvironment.Platform.LINUX_X86_64
          : arm64 ? MarkerEnvironment.Platform.LINUX_AARCH64 : null;
    }
    if (sysPlatform.equals("darwin")) {
      return x64 ? MarkerEnvironment.Platform.MACOS_X86_64
          : arm64 ? MarkerEnvironment.Platform.MACOS_ARM64 : null;
    }
    if (sysPlatform.equals("win32")) {
      return x64 ? MarkerEnvironment.Platform.WINDOWS_AMD64 : null;
    }
    return null;
  }

  /**
   * {@return the Python version requires-python is checked against ({@code python_full_version})}
   */
  public Version pythonVersion() {
    return Version.parse(markers.values().get("python_full_version"));
  }

  // equals and hashCode written out, computing what the generated ones compute (the hash is
  // 31 * h + each component's hash, in component order, so no hash order changes): the generated
  // ones are bootstrapped through method handles on first use, which spins classes a fresh CLI
  // JVM pays for (bench/README.md section 4), and this record is hashed from the first page on.
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof TargetEnvironment t
        && java.util.Objects.equals(markers, t.markers) && java.util.Objects.equals(tags, t.tags);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(markers) * 31 + java.util.Objects.hashCode(tags);
  }
}
