package org.pylock4j.locker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.InputFiles;
import org.pylock4j.lock.LockDrift;
import org.pylock4j.lock.LockFile;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.LockVerifier;
import org.pylock4j.lock.Pylock;
import org.pylock4j.lock.PylockPackage;
import org.pylock4j.lock.RequirementsTxt;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.version.Version;

/**
 * One {@link Locker#verify} call: re-locks with the lock's own versions preferred, from what the
 * lock records (or the request's inputs), and compares.
 */
final class Verifier {

  private final Locker locker;
  private final VerifyRequest request;

  Verifier(Locker locker, VerifyRequest request) {
    this.locker = locker;
    this.request = request;
  }

  Verification verify() {
    Path path = request.lock();
    String text = InputFiles.read(path,
        request.request().map(LockRequest::maxInputBytes).orElse(InputFiles.DEFAULT_MAX_BYTES));
    LockFile lock = LockFiles.read(text, path.toString());
    Path lockDir = path.toAbsolutePath().normalize().getParent();
    String name = path.toString();
    Optional<LockRequest.Builder> recorded = lock instanceof Pylock p
        ? Recorded.fromPylock(p, lockDir, name)
        : Recorded.fromHeader(text, lockDir, name).or(() -> viaFiles((RequirementsTxt) lock, lockDir));
    LockRequest given = request.request().orElse(null);
    TargetEnvironment recordedTarget = recorded.flatMap(b -> b.build().target()).orElse(null);
    LockRequest.Builder merged = merge(recorded.orElse(null), given, name);
    if (merged.build().target().isEmpty()) {
      merged.target(request.fallbackTarget().orElseThrow(() -> new IllegalStateException(
          "the lock records no target and the request gives none (set one with target or"
              + " fallbackTarget)")));
    }
    if (lock instanceof Pylock p && merged.build().indexUrl().isEmpty()) {
      List<String> indexes = packageIndexes(p, lockDir);
      if (!indexes.isEmpty()) {
        merged.indexUrl(indexes.get(0));
        indexes.subList(1, indexes.size()).forEach(merged::extraIndexUrl);
      }
    }
    LockRequest relock = merged
        .output(path).existingLock(path).upgrade(false).format(lock.format()).build();
    TargetEnvironment target = relock.target().orElseThrow();

    List<LockDrift> checks = new ArrayList<>();
    int[] filesChecked = {0};
    LockResult result = new LockRun(locker, relock).lock(sources -> {
      LockVerifier.IndexCheck check = LockVerifier.checkIndex(lock,
          relock.universal().isPresent() ? null : target, sources.source(),
          lock instanceof Pylock ? sources.primary()::publishers : null);
      checks.addAll(check.drifts());
      filesChecked[0] = check.filesChecked();
    });

    List<LockDrift> drifts = new ArrayList<>();
    if (recordedTarget != null && given != null && given.target().isPresent()
        && !given.target().get().equals(recordedTarget)) {
      drifts.add(new LockDrift.TargetChanged(
          Recorded.describe(recordedTarget), Recorded.describe(given.target().get())));
    } else if (lock instanceof Pylock p && result.lock() instanceof Pylock now
        && !p.pylock4jMarkers().isEmpty() && !p.pylock4jMarkers().equals(now.pylock4jMarkers())) {
      drifts.add(new LockDrift.TargetChanged(
          Recorded.describe(Recorded.target(p.pylock4jMarkers(), name)),
          Recorded.describe(target)));
    }
    requirementsChanged(lock, result.lock()).ifPresent(drifts::add);
    drifts.addAll(packageChanges(lock, result.lock()));
    drifts.addAll(checks);
    if (drifts.isEmpty()) {
      contentChanged(text, result.text()).ifPresent(drifts::add);
    }

    List<Verification.Upgrade> upgrades = List.of();
    if (request.upgrades()) {
      LockResult upgraded = new LockRun(locker, relock.toBuilder().upgrade(true).build()).lock();
      upgrades = upgrades(versions(result.lock()), versions(upgraded.lock()));
    }
    return new Verification(path, drifts, upgrades, result.text(),
        result.resolution().packages().size(), filesChecked[0]);
  }

  /**
   * The requirements files a requirements lock without a command names in its {@code # via -r
   * FILE}: relative to the lock's directory, else (an older lock) to the working directory.
   */
  private static Optional<LockRequest.Builder> viaFiles(RequirementsTxt lock, Path lockDir) {
    Set<Path> files = new LinkedHashSet<>();
    for (RequirementsTxt.Pin pin : lock.pins()) {
      for (String via : pin.via()) {
        if (via.startsWith("-r ")) {
          files.add(Recorded.file(via.substring(3).strip(), lockDir));
        }
      }
    }
    if (files.isEmpty() || !files.stream().allMatch(Files::isRegularFile)) {
      return Optional.empty();
    }
    LockRequest.Builder b = LockRequest.builder();
    files.forEach(b::requirementsFile);
    return Optional.of(b);
  }

  /**
   * The recorded request with the given one's inputs (when it has any) and settings over it.
   */
  private static LockRequest.Builder merge(
      LockRequest.Builder recorded, LockRequest given, String lockName) {
    boolean givenInputs = given != null && !Inputs.isEmpty(given);
    if (recorded == null && !givenInputs) {
      throw new InvalidInputException(
          lockName + " records no requirements: give the inputs it was locked from"
              + " (REQ…, -r FILE, --project pyproject.toml)",
          lockName);
    }
    if (given == null) {
      return recorded;
    }
    LockRequest.Builder b;
    if (givenInputs) {
      b = given.toBuilder();
      if (recorded != null) {
        LockRequest r = recorded.build();
        if (given.target().isEmpty()) {
          r.target().ifPresent(b::target);
        }
      }
      return b;
    }
    LockRequest r = recorded.build();
    b = r.toBuilder();
    given.indexUrl().ifPresent(b::indexUrl);
    if (!given.extraIndexUrls().isEmpty()) {
      // replace the recorded extra indexes with the given ones
      b = copyWithoutExtraIndexes(r);
      given.extraIndexUrls().forEach(b::extraIndexUrl);
      given.indexUrl().ifPresent(b::indexUrl);
    }
    given.indexPins().forEach(b::indexPin);
    given.indexStrategy().ifPresent(b::indexStrategy);
    given.target().ifPresent(b::target);
    given.prereleases().ifPresent(b::prereleases);
    given.strategy().ifPresent(b::strategy);
    given.excludeNewer().ifPresent(b::excludeNewer);
    if (given.onlyBinary()) {
      b.onlyBinary(true);
    }
    if (given.allowUnhashed()) {
      b.allowUnhashed(true);
    }
    b.avoidVulnerable(given.avoidVulnerable()).refuseMalware(given.refuseMalware());
    given.osvUrl().ifPresent(b::osvUrl);
    given.osvExport().ifPresent(b::osvExport);
    given.ignoredVulnerabilities().forEach(b::ignoreVulnerability);
    b.cacheDirectory(given.cacheDirectory().orElse(null))
        .offline(given.offline())
        .threads(given.threads())
        .listener(given.listener())
        .requestTimeout(given.requestTimeout().orElse(null))
        .resolverOptions(given.resolverOptions())
        .maxInputBytes(given.maxInputBytes());
    return b;
  }

  private static LockRequest.Builder copyWithoutExtraIndexes(LockRequest r) {
    LockRequest.Builder b = LockRequest.builder();
    r.requirements().forEach(b::requirement);
    r.requirementsFiles().forEach(b::requirementsFile);
    r.constraintsFiles().forEach(b::constraintsFile);
    r.constraints().forEach(b::constraint);
    r.overrides().forEach(b::override);
    b.project(r.project().orElse(null));
    r.extras().forEach(b::extra);
    r.groups().forEach(b::group);
    b.indexUrl(r.indexUrl().orElse(null));
    r.indexPins().forEach(b::indexPin);
    b.indexStrategy(r.indexStrategy().orElse(null));
    b.target(r.target().orElse(null));
    b.prereleases(r.prereleases().orElse(null));
    b.strategy(r.strategy().orElse(null));
    b.excludeNewer(r.excludeNewer().orElse(null));
    b.onlyBinary(r.onlyBinary()).allowUnhashed(r.allowUnhashed());
    return b;
  }

  /** The distinct indexes of a pylock.toml's packages (how locks made before 0.1 are verified). */
  private static List<String> packageIndexes(Pylock lock, Path lockDir) {
    List<String> urls = new ArrayList<>();
    for (PylockPackage p : lock.packages()) {
      if (p.index() != null) {
        String url = p.index().matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")
            ? p.index() : lockDir.resolve(p.index()).normalize().toString();
        if (!urls.contains(url)) {
          urls.add(url);
        }
      }
    }
    return urls;
  }

  /** Roots added or removed: a {@code pylock.toml}'s recorded requirements, else pins via -r. */
  private static Optional<LockDrift> requirementsChanged(LockFile before, LockFile after) {
    List<String> was = roots(before);
    List<String> now = roots(after);
    List<String> added = new ArrayList<>(now);
    added.removeAll(was);
    List<String> removed = new ArrayList<>(was);
    removed.removeAll(now);
    return added.isEmpty() && removed.isEmpty()
        ? Optional.empty()
        : Optional.of(new LockDrift.RequirementsChanged(added, removed));
  }

  private static List<String> roots(LockFile lock) {
    if (lock instanceof Pylock p) {
      return p.pylock4jRequirements();
    }
    List<String> out = new ArrayList<>();
    for (RequirementsTxt.Pin pin : ((RequirementsTxt) lock).pins()) {
      for (String via : pin.via()) {
        if (via.startsWith("-r ") || via.endsWith("(root)")) {
          out.add(pin.name() + " (" + via + ")");
        }
      }
    }
    return out;
  }

  private static List<LockDrift> packageChanges(LockFile before, LockFile after) {
    Map<ProjectName, Version> was = versions(before);
    Map<ProjectName, Version> now = versions(after);
    Set<ProjectName> names = new TreeSet<>(was.keySet());
    names.addAll(now.keySet());
    List<LockDrift> out = new ArrayList<>();
    for (ProjectName n : names) {
      boolean inWas = was.containsKey(n);
      boolean inNow = now.containsKey(n);
      if (!inWas) {
        out.add(new LockDrift.PackageAdded(n, now.get(n)));
      } else if (!inNow) {
        out.add(new LockDrift.PackageRemoved(n, was.get(n)));
      } else if (was.get(n) != null && !was.get(n).equals(now.get(n))) {
        out.add(new LockDrift.VersionChanged(n, was.get(n), now.get(n)));
      }
    }
    return out;
  }

  private static Map<ProjectName, Version> versions(LockFile lock) {
    Map<ProjectName, Version> out = new TreeMap<>();
    if (lock instanceof Pylock p) {
      p.packages().forEach(pkg -> out.putIfAbsent(pkg.name(), pkg.version()));
    } else {
      ((RequirementsTxt) lock).pins().forEach(pin -> out.putIfAbsent(pin.name(), pin.version()));
    }
    return out;
  }

  private static List<Verification.Upgrade> upgrades(
      Map<ProjectName, Version> locked, Map<ProjectName, Version> upgraded) {
    Set<ProjectName> names = new TreeSet<>(locked.keySet());
    names.addAll(upgraded.keySet());
    List<Verification.Upgrade> out = new ArrayList<>();
    for (ProjectName n : names) {
      Version a = locked.get(n);
      Version b = upgraded.get(n);
      if (a == null ? b != null : !a.equals(b)) {
        out.add(new Verification.Upgrade(n, a, b));
      }
    }
    return out;
  }

  /**
   * The first line where the lock differs from the re-lock, leaving out what records the inputs
   * (the {@code [tool.pylock4j]} tables, the comment header of a requirements file): inputs are
   * compared as requirements, and a lock made by an older version records them differently.
   */
  static Optional<LockDrift> contentChanged(String locked, String relocked) {
    List<Line> a = content(locked);
    List<Line> b = content(relocked);
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String x = i < a.size() ? a.get(i).text() : "";
      String y = i < b.size() ? b.get(i).text() : "";
      if (!x.equals(y)) {
        int line = i < a.size() ? a.get(i).number() : (int) locked.lines().count() + 1;
        return Optional.of(new LockDrift.ContentChanged(line, x, y));
      }
    }
    return Optional.empty();
  }

  private record Line(int number, String text) {}

  private static List<Line> content(String text) {
    List<Line> out = new ArrayList<>();
    boolean header = true;
    boolean tool = false;
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (header && line.startsWith("#")) {
        continue;
      }
      header = false;
      if (line.startsWith("[")) {
        tool = line.startsWith("[tool.pylock4j]") || line.startsWith("[tool.pylock4j.");
      }
      if (!tool) {
        out.add(new Line(i + 1, line));
      }
    }
    return out;
  }
}
