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
   * {@return the Python version requires-python is checked against ({@code python_full_version})}
   */
  public Version pythonVersion() {
    return Version.parse(markers.values().get("python_full_version"));
  }
}
