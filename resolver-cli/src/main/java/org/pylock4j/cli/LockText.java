package org.pylock4j.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.LockOptions;
import org.pylock4j.lock.Pylock;
import org.pylock4j.lock.PylockPackage;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;

/**
 * Prints a resolution as lock text. By default every locked file must have a hash (the lock
 * writers refuse otherwise); with {@code --allow-unhashed}, files the index gives no hash for are
 * written without one.
 *
 * <p>The unhashed case works around {@link LockFiles}, which has no option for it: the
 * resolution is written without those files, and they are added back to the {@code pylock.toml}
 * model with empty {@code hashes} (a requirements file simply lists no {@code --hash} for them).
 */
final class LockText {

  private LockText() {}

  /** The files of {@code resolution} without a hash, by package. */
  static Map<ProjectName, List<DistributionFile>> unhashed(Resolution resolution) {
    Map<ProjectName, List<DistributionFile>> out = new LinkedHashMap<>();
    for (LockedPackage p : resolution.packages()) {
      for (DistributionFile f : p.files()) {
        if (f.hashes().isEmpty()) {
          out.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(f);
        }
      }
    }
    return out;
  }

  static String write(Resolution resolution, LockOptions options, LockCommand.Format format) {
    Map<ProjectName, List<DistributionFile>> unhashed = unhashed(resolution);
    if (unhashed.isEmpty()) {
      return format == LockCommand.Format.PYLOCK
          ? LockFiles.writePylock(LockFiles.fromResolution(resolution, options))
          : LockFiles.writeRequirementsTxt(resolution, options);
    }
    Resolution hashed = withoutUnhashed(resolution);
    if (format == LockCommand.Format.REQUIREMENTS) {
      return LockFiles.writeRequirementsTxt(hashed, options);
    }
    Pylock lock = LockFiles.fromResolution(hashed, options);
    List<PylockPackage> packages = new ArrayList<>();
    for (PylockPackage p : lock.packages()) {
      List<DistributionFile> missing = unhashed.get(p.name());
      packages.add(missing == null ? p : withFiles(p, missing));
    }
    return LockFiles.writePylock(
        new Pylock(
            lock.lockVersion(), lock.environments(), lock.requiresPython(), lock.extras(),
            lock.dependencyGroups(), lock.defaultGroups(), lock.createdBy(), packages,
            lock.tool()));
  }

  private static Resolution withoutUnhashed(Resolution resolution) {
    List<LockedPackage> packages = new ArrayList<>();
    for (LockedPackage p : resolution.packages()) {
      List<DistributionFile> files =
          p.files().stream().filter(f -> !f.hashes().isEmpty()).toList();
      packages.add(
          new LockedPackage(p.name(), p.version(), files, p.index(), p.extras(), p.directUrl()));
    }
    return new Resolution(
        resolution.roots(), resolution.target(), packages, resolution.edges(),
        resolution.warnings(), resolution.statistics());
  }

  /** {@code p} with {@code missing} added: wheels sorted by name, one sdist (.tar.gz first). */
  private static PylockPackage withFiles(PylockPackage p, List<DistributionFile> missing) {
    List<PylockPackage.Wheel> wheels = new ArrayList<>(p.wheels());
    PylockPackage.Sdist sdist = p.sdist();
    List<DistributionFile> sorted = new ArrayList<>(missing);
    sorted.sort(Comparator.comparing(DistributionFile::filename));
    for (DistributionFile f : sorted) {
      if (f.isWheel()) {
        wheels.add(
            new PylockPackage.Wheel(f.filename(), f.uploadTime(), f.url(), null, f.size(), Map.of()));
      } else if (sdist == null
          || (f.filename().endsWith(".tar.gz") && !sdist.fileName().endsWith(".tar.gz"))) {
        sdist = new PylockPackage.Sdist(f.filename(), f.uploadTime(), f.url(), null, f.size(), Map.of());
      }
    }
    wheels.sort(Comparator.comparing(PylockPackage.Wheel::fileName));
    return new PylockPackage(
        p.name(), p.version(), p.marker(), p.requiresPython(), p.dependencies(), p.index(),
        p.vcs(), p.directory(), p.archive(), sdist, wheels, p.attestationIdentities(), p.tool());
  }
}
