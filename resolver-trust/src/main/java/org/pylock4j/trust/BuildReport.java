package org.pylock4j.trust;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.pylock4j.lock.Pylock;
import org.pylock4j.lock.PylockPackage;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.version.Version;

/**
 * The locked packages that an installer would have to build — run the package's own code at
 * install time — because the lock offers no wheel for them: sdist-only packages, and source trees
 * (VCS, directory, archive).
 *
 * <p>pylock4j itself never builds anything; this report is what {@code --only-binary} (request
 * option {@code ResolutionRequest.Builder.onlyBinary(true)}) would refuse.
 */
public final class BuildReport {

  /**
   * A package an installer would build.
   *
   * @param name the project
   * @param version the version, or null when the lock does not know it (a source tree)
   * @param source {@code sdist}, {@code vcs}, {@code directory}, {@code archive} or, from a
   *     resolution, {@code url} for a direct URL
   * @param location the sdist's file name, or the URL or path of the source
   */
  public record Build(ProjectName name, Version version, String source, String location) {

    /**
     * Checks the fields.
     *
     * @param name the project
     * @param version the version, or null when the lock does not know it (a source tree)
     * @param source {@code sdist}, {@code vcs}, {@code directory}, {@code archive} or, from a
     *     resolution, {@code url} for a direct URL
     * @param location the sdist's file name, or the URL or path of the source
     */
    public Build {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(location, "location");
    }

    /**
     * {@return the line, e.g. {@code pyyaml==5.4.1: no wheel, only the sdist PyYAML-5.4.1.tar.gz (installing it runs its build)}}
     */
    public String message() {
      String what = name + (version == null ? "" : "==" + version);
      String from = source.equals("sdist") ? "only the sdist " + location : "built from " + source + " " + location;
      return what + ": no wheel, " + from + " (installing it runs its build)";
    }
  }

  private BuildReport() {}

  /**
   * The packages of a {@code pylock.toml} that have no wheel.
   *
   * @param lock the lock, must not be null
   * @return the builds, sorted by name; empty when every package has a wheel
   */
  public static List<Build> of(Pylock lock) {
    List<Build> out = new ArrayList<>();
    for (PylockPackage p : lock.packages()) {
      if (!p.wheels().isEmpty()) {
        continue;
      }
      if (p.sdist() != null) {
        out.add(new Build(p.name(), p.version(), "sdist", String.valueOf(p.sdist().fileName())));
      } else if (p.vcs() != null) {
        out.add(new Build(p.name(), p.version(), "vcs", String.valueOf(
            p.vcs().url() != null ? p.vcs().url() : p.vcs().path())));
      } else if (p.directory() != null) {
        out.add(new Build(p.name(), p.version(), "directory", String.valueOf(p.directory().path())));
      } else if (p.archive() != null) {
        boolean wheel = String.valueOf(p.files().get(0).fileName()).endsWith(".whl");
        if (!wheel) {
          out.add(new Build(p.name(), p.version(), "archive", String.valueOf(
              p.archive().url() != null ? p.archive().url() : p.archive().path())));
        }
      }
    }
    out.sort(Comparator.comparing(Build::name));
    return out;
  }

  /**
   * The packages of a resolution whose files hold no wheel.
   *
   * @param resolution the resolution, must not be null
   * @return the builds, sorted by name; empty when every package has a wheel
   */
  public static List<Build> of(Resolution resolution) {
    List<Build> out = new ArrayList<>();
    for (LockedPackage p : resolution.packages()) {
      if (p.files().stream().anyMatch(DistributionFile::isWheel)) {
        continue;
      }
      if (p.directUrl() != null) {
        if (!p.directUrl().endsWith(".whl")) {
          out.add(new Build(p.name(), p.version(), "url", p.directUrl()));
        }
      } else if (!p.files().isEmpty()) {
        out.add(new Build(p.name(), p.version(), "sdist", p.files().get(0).filename()));
      }
    }
    out.sort(Comparator.comparing(Build::name));
    return out;
  }
}
