package org.pylock4j.trust;

import java.util.Objects;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/**
 * A version of a project: what an audit looks up.
 *
 * @param name the project
 * @param version the version
 */
public record PackageVersion(ProjectName name, Version version) implements Comparable<PackageVersion> {

  /**
   * Checks the fields.
   *
   * @param name the project
   * @param version the version
   */
  public PackageVersion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  /**
   * The name and version of a locked package.
   *
   * @param locked the locked package, must not be null
   * @return the package and version, never null
   */
  public static PackageVersion of(LockedPackage locked) {
    return new PackageVersion(locked.name(), locked.version());
  }

  /**
   * Parses both parts, e.g. {@code of("Requests", "2.31")}.
   *
   * @param name the project name, in any spelling; must not be null
   * @param version the version, must not be null
   * @return the package and version, never null
   */
  public static PackageVersion of(String name, String version) {
    return new PackageVersion(ProjectName.of(name), Version.parse(version));
  }

  @Override
  public int compareTo(PackageVersion o) {
    int c = name.compareTo(o.name);
    return c != 0 ? c : version.compareTo(o.version);
  }

  /** {@code name==version}. */
  @Override
  public String toString() {
    return name + "==" + version;
  }
}
