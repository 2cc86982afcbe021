package org.pylock4j.locker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.LockFormat;
import org.pylock4j.lock.LockOptions;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;

/**
 * Prints a resolution as lock text. Every locked file must have a hash (the lock writers refuse
 * otherwise), except in a requirements file written with {@code --allow-unhashed}: there a pin
 * whose files the index gives no hash for is written without {@code --hash} lines. A {@code
 * pylock.toml} never holds an unhashed file (PEP 751 requires a hash for each).
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

  /** Stands in for a missing hash while the writer runs; never written (see below). */
  private static final String PLACEHOLDER = "0".repeat(64);

  private static final String PLACEHOLDER_LINE = " \\\n    --hash=sha256:" + PLACEHOLDER;

  static String write(Resolution resolution, LockOptions options, LockFormat format) {
    if (format == LockFormat.PYLOCK) {
      return LockFiles.writePylock(LockFiles.fromResolution(resolution, options), options);
    }
    if (unhashed(resolution).isEmpty()) {
      return LockFiles.writeRequirementsTxt(resolution, options);
    }
    String text = LockFiles.writeRequirementsTxt(withPlaceholders(resolution), options);
    String stripped = text.replace(PLACEHOLDER_LINE, "");
    if (stripped.contains(PLACEHOLDER)) {
      throw new IllegalStateException("the requirements writer's --hash layout changed");
    }
    return stripped;
  }

  /**
   * {@code resolution} with a placeholder sha256 on each file that has none. This works around
   * {@link LockFiles#writeRequirementsTxt(Resolution, LockOptions)}, which has no option for
   * unhashed files: their {@code --hash} lines are removed from its text again, and the text is
   * checked to hold no placeholder.
   */
  private static Resolution withPlaceholders(Resolution resolution) {
    List<LockedPackage> packages = new ArrayList<>();
    for (LockedPackage p : resolution.packages()) {
      List<DistributionFile> files = new ArrayList<>();
      for (DistributionFile f : p.files()) {
        files.add(
            !f.hashes().isEmpty()
                ? f
                : new DistributionFile(
                    f.project(), f.version(), f.filename(), f.url(),
                    Map.of("sha256", PLACEHOLDER), f.requiresPython(), f.yanked(), f.uploadTime(),
                    f.size(), f.coreMetadataHashes()));
      }
      packages.add(
          new LockedPackage(p.name(), p.version(), files, p.index(), p.extras(), p.directUrl()));
    }
    return new Resolution(
        resolution.roots(), resolution.target(), packages, resolution.edges(),
        resolution.warnings(), resolution.statistics());
  }
}
