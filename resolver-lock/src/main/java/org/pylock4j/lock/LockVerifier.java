package org.pylock4j.lock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.pylock4j.error.PylockException;
import org.pylock4j.requirement.Marker;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.ProjectPage;
import org.pylock4j.resolve.PublisherIdentity;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.Resolver;
import org.pylock4j.version.Version;

/**
 * Checks that a lock is still what a fresh resolution gives, and that every file it records still
 * has the recorded hash on the index: the reproducibility check for an embedding project's tests.
 *
 * <pre>{@code
 * @Test
 * void lockIsUpToDate() {
 *   LockVerifier.verify(Path.of("pylock.toml"), request, SatResolver.create()).requireClean();
 * }
 * }</pre>
 *
 * <p>The lock is compared with {@code resolver.resolve(request)} (versions, packages added or
 * removed, files of unchanged versions), then each locked file is looked up on {@code
 * request.source()}'s current page of its project (hash changed, file gone, yanked). Entries of
 * a {@code pylock.toml} whose {@code marker} is false for the request's target are left out;
 * for a universal request every entry counts, matched by name and version, markers compared.
 * Given a {@link PublisherLookup} (e.g. {@code index::publishers} of a {@code PypiIndex}), the
 * {@code attestation-identities} of each package are compared with the PEP 740 publishers of its
 * locked files now; {@link #publisherDrift} does the same between a lock and its re-lock.
 * Stateless and thread-safe.
 */
public final class LockVerifier {

  private LockVerifier() {}

  /**
   * Verifies the lock file at {@code lockPath}: {@code pylock.toml} (any {@code .toml} name) or a
   * requirements file.
   *
   * @param lockPath the lock, must not be null
   * @param request the request the lock was made from, must not be null
   * @param resolver the resolver, must not be null
   * @return the drifts found, never null
   * @throws InvalidLockFileException when the lock cannot be read
   * @throws PylockException when resolving or reading the index fails
   */
  public static LockVerification verify(
      Path lockPath, ResolutionRequest request, Resolver resolver) {
    return verify(lockPath, request, resolver, null);
  }

  /**
   * Verifies the lock file at {@code lockPath} as {@link #verify(Path, ResolutionRequest,
   * Resolver)} does and, for a {@code pylock.toml}, also compares each package's {@code
   * attestation-identities} with the publishers of its locked files' provenance now (see {@link
   * #verify(Pylock, String, ResolutionRequest, Resolver, PublisherLookup)}).
   *
   * @param publishers where current publisher identities come from, e.g. {@code
   *     index::publishers}; null to skip the publisher check
   * @param lockPath the lock file, must not be null
   * @param request the request the lock was made for, must not be null
   * @param resolver the resolver to re-resolve with, must not be null
   * @return the verification, never null
   */
  public static LockVerification verify(
      Path lockPath, ResolutionRequest request, Resolver resolver, PublisherLookup publishers) {
    String name = lockPath.getFileName().toString();
    if (name.endsWith(".toml")) {
      return verify(LockFiles.readPylock(lockPath), name, request, resolver, publishers);
    }
    return verify(LockFiles.readRequirementsTxt(lockPath), name, request, resolver);
  }

  /**
   * Verifies a {@code pylock.toml} model.
   *
   * @param lock the lock, must not be null
   * @param lockName the name used in the report, must not be null
   * @param request the request, must not be null
   * @param resolver the resolver, must not be null
   * @return the drifts found, never null
   */
  public static LockVerification verify(
      Pylock lock, String lockName, ResolutionRequest request, Resolver resolver) {
    return verify(lock, lockName, request, resolver, null);
  }

  /**
   * Verifies a {@code pylock.toml} model and its publishers (PEP 740 drift): for each package
   * whose {@code attestation-identities} are not empty, the locked files still on the index are
   * given to {@code publishers}, and the distinct identities found are compared with the lock's.
   * None found gives {@link LockDrift.PublisherRemoved}; another set gives {@link
   * LockDrift.PublisherChanged}. A package the lock records no identity for is not checked (a
   * publisher appearing is not a drift).
   *
   * @param lock the lock, must not be null
   * @param lockName the name used in the report, must not be null
   * @param request the request, must not be null
   * @param resolver the resolver, must not be null
   * @param publishers where current publisher identities come from, e.g. {@code
   *     index::publishers}; null to skip the publisher check
   * @return the drifts found, never null
   * @throws PylockException when resolving, reading the index or a provenance fails
   */
  public static LockVerification verify(Pylock lock, String lockName, ResolutionRequest request,
      Resolver resolver, PublisherLookup publishers) {
    boolean universal = request.universal().isPresent();
    Map<ProjectName, Locked> locked = locked(lock, universal ? null : request.target());
    Run run = new Run(lockName, locked, lock.pylock4jRequirements(), request, resolver,
        publishers);
    if (universal) {
      Map<ProjectName, Map<Version, String>> markers = new TreeMap<>();
      for (PylockPackage p : lock.packages()) {
        markers.computeIfAbsent(p.name(), k -> new TreeMap<>(
            Comparator.nullsFirst(Comparator.naturalOrder())))
            .put(p.version(), p.marker() == null ? "" : p.marker());
      }
      run.universalEntries = entries(lock);
      run.lockedMarkers = markers;
    }
    return run.run();
  }

  /**
   * What {@link #checkIndex} found.
   *
   * @param drifts hashes changed, files gone or yanked, publishers changed or gone; in project
   *     order
   * @param filesChecked how many locked files were looked up
   */
  public record IndexCheck(List<LockDrift> drifts, int filesChecked) {
    /**
     * Copies the drifts.
     *
     * @param drifts hashes changed, files gone or yanked, publishers changed or gone; in project
     *     order
     * @param filesChecked how many locked files were looked up
     */
    public IndexCheck {
      drifts = List.copyOf(drifts);
    }
  }

  /**
   * Checks every locked file of {@code lock} against the index as it is now, without resolving:
   * a hash changed ({@link LockDrift.HashChanged}, naming the file), a file gone or yanked, and
   * (given {@code publishers}, for a {@code pylock.toml}) the publishers of its provenance.
   * Entries of a {@code pylock.toml} whose {@code marker} is false for {@code target} are left
   * out.
   *
   * @param lock the lock, must not be null
   * @param target the environment the lock is for, must not be null
   * @param source where pages come from, must not be null
   * @param publishers where current publisher identities come from, or null to skip that check
   * @return the drifts and the count of files checked, never null
   * @throws PylockException when reading the index or a provenance fails
   */
  public static IndexCheck checkIndex(LockFile lock, org.pylock4j.resolve.TargetEnvironment target,
      org.pylock4j.resolve.PackageSource source, PublisherLookup publishers) {
    Map<ProjectName, Locked> locked = lock instanceof Pylock p ? locked(p, target)
        : locked((RequirementsTxt) lock);
    Run run = new Run("lock", locked, List.of(), null, null, publishers);
    return run.checkIndexOnly(Objects.requireNonNull(source, "source"));
  }

  /** The entries of {@code lock} by name (the first of a name for a universal lock, target null). */
  private static Map<ProjectName, Locked> locked(
      Pylock lock, org.pylock4j.resolve.TargetEnvironment target) {
    Map<ProjectName, Locked> locked = new TreeMap<>();
    for (Locked l : entries(lock, target)) {
      locked.putIfAbsent(l.name(), l);
    }
    return locked;
  }

  /** Every entry of a universal lock, in file order. */
  private static List<Locked> entries(Pylock lock) {
    return entries(lock, null);
  }

  /** The entries of {@code lock} whose marker holds for {@code target} (every one for null). */
  private static List<Locked> entries(Pylock lock, org.pylock4j.resolve.TargetEnvironment target) {
    List<Locked> locked = new ArrayList<>();
    for (PylockPackage p : lock.packages()) {
      if (target != null && p.marker() != null
          && !Marker.parse(p.marker()).evaluate(target.markers())) {
        continue;
      }
      boolean direct = p.vcs() != null || p.directory() != null || p.archive() != null;
      List<LockedFileView> files = new ArrayList<>();
      for (PylockPackage.LockedFile f : p.files()) {
        files.add(new LockedFileView(f.fileName(), f.hashes()));
      }
      files.sort(Comparator.comparing(LockedFileView::fileName,
          Comparator.nullsFirst(Comparator.naturalOrder())));
      TreeSet<PublisherIdentity> identities = new TreeSet<>();
      for (PylockPackage.AttestationIdentity a : p.attestationIdentities()) {
        identities.add(a.toPublisherIdentity());
      }
      locked.add(new Locked(p.name(), p.version(), files, direct, false,
          List.copyOf(identities)));
    }
    return locked;
  }

  /**
   * Verifies a requirements file of pins. Without file names, hashes are checked by value: each
   * recorded hash must match a file of the pinned version on the index.
   *
   * @param lock the pins, must not be null
   * @param lockName the name used in the report, must not be null
   * @param request the request, must not be null
   * @param resolver the resolver, must not be null
   * @return the drifts found, never null
   */
  public static LockVerification verify(
      RequirementsTxt lock, String lockName, ResolutionRequest request, Resolver resolver) {
    return new Run(lockName, locked(lock), List.of(), request, resolver, null).run();
  }

  private static Map<ProjectName, Locked> locked(RequirementsTxt lock) {
    Map<ProjectName, Locked> locked = new TreeMap<>();
    for (RequirementsTxt.Pin p : lock.pins()) {
      List<LockedFileView> files = new ArrayList<>();
      for (String h : p.hashes()) {
        int colon = h.indexOf(':');
        files.add(new LockedFileView(null, Map.of(h.substring(0, colon), h.substring(colon + 1))));
      }
      locked.put(p.name(), new Locked(p.name(), p.version(), files, p.url() != null, true,
          List.of()));
    }
    return locked;
  }

  /**
   * Publisher drift between a previous lock and a re-lock (PEP 740, PEP 751 {@code
   * attestation-identities}): for each project whose entry in {@code previous} records
   * identities, the entry of the same name in {@code relocked} (whatever its version) must record
   * the same ones. None recorded now gives {@link LockDrift.PublisherRemoved}, others give {@link
   * LockDrift.PublisherChanged}; both carry the re-locked version. A project the re-lock drops,
   * or one the previous lock records no identity for, gives nothing. In project order.
   *
   * <p>A new release uploaded without the project's trusted publisher (e.g. from a stolen
   * token) has no provenance, so re-locking onto it is reported here.
   *
   * @param previous the lock before, must not be null
   * @param relocked the lock after, must not be null
   * @return the drifts, never null
   */
  public static List<LockDrift> publisherDrift(Pylock previous, Pylock relocked) {
    Map<ProjectName, List<PublisherIdentity>> before = identitiesByName(previous);
    Map<ProjectName, List<PublisherIdentity>> after = identitiesByName(relocked);
    Map<ProjectName, Version> versions = new TreeMap<>();
    relocked.packages().forEach(p -> versions.putIfAbsent(p.name(), p.version()));
    List<LockDrift> out = new ArrayList<>();
    before.forEach((name, locked) -> {
      List<PublisherIdentity> now = after.get(name);
      if (locked.isEmpty() || now == null) {
        return;
      }
      if (now.isEmpty()) {
        out.add(new LockDrift.PublisherRemoved(name, versions.get(name), locked));
      } else if (!now.equals(locked)) {
        out.add(new LockDrift.PublisherChanged(name, versions.get(name), locked, now));
      }
    });
    return out;
  }

  private static Map<ProjectName, List<PublisherIdentity>> identitiesByName(Pylock lock) {
    Map<ProjectName, TreeSet<PublisherIdentity>> sets = new TreeMap<>();
    for (PylockPackage p : lock.packages()) {
      TreeSet<PublisherIdentity> set = sets.computeIfAbsent(p.name(), k -> new TreeSet<>());
      p.attestationIdentities().forEach(a -> set.add(a.toPublisherIdentity()));
    }
    Map<ProjectName, List<PublisherIdentity>> out = new TreeMap<>();
    sets.forEach((name, set) -> out.put(name, List.copyOf(set)));
    return out;
  }

  private record LockedFileView(String fileName, Map<String, String> hashes) {}

  private record Locked(
      ProjectName name, Version version, List<LockedFileView> files, boolean direct,
      boolean hashesOnly, List<PublisherIdentity> identities) {}

  /** One verification. */
  private static final class Run {
    private final String lockName;
    private final Map<ProjectName, Locked> locked;
    private final List<String> lockedRoots;
    private final ResolutionRequest request;
    private final Resolver resolver;
    private final PublisherLookup publishers;
    private final Map<ProjectName, List<LockDrift>> drifts = new TreeMap<>();
    private final List<LockDrift> global = new ArrayList<>();
    private int filesChecked;
    /** In a universal lock: every entry (several per project where it forks), and the markers. */
    List<Locked> universalEntries;
    Map<ProjectName, Map<Version, String>> lockedMarkers = Map.of();

    Run(String lockName, Map<ProjectName, Locked> locked, List<String> lockedRoots,
        ResolutionRequest request, Resolver resolver, PublisherLookup publishers) {
      this.publishers = publishers;
      this.lockName = Objects.requireNonNull(lockName, "lockName");
      this.locked = locked;
      this.lockedRoots = lockedRoots;
      this.request = request;
      this.resolver = resolver;
    }

    IndexCheck checkIndexOnly(org.pylock4j.resolve.PackageSource source) {
      Map<ProjectName, CompletableFuture<ProjectPage>> pending = new LinkedHashMap<>();
      for (Locked l : locked.values()) {
        if (!l.direct() && l.version() != null) {
          pending.put(l.name(), source.page(l.name()));
        }
      }
      Map<ProjectName, ProjectPage> pages = new TreeMap<>();
      pending.forEach((name, future) -> pages.put(name, join(future)));
      for (Map.Entry<ProjectName, ProjectPage> e : pages.entrySet()) {
        Locked l = locked.get(e.getKey());
        checkIndex(l, e.getValue());
        if (publishers != null && !l.identities().isEmpty()) {
          checkPublishers(l, e.getValue());
        }
      }
      List<LockDrift> all = new ArrayList<>();
      drifts.values().forEach(all::addAll);
      return new IndexCheck(all, filesChecked);
    }

    LockVerification run() {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(resolver, "resolver");
      if (!lockedRoots.isEmpty()) {
        List<String> requested = new ArrayList<>();
        for (Requirement r : request.requirements()) {
          requested.add(r.toString());
        }
        if (!requested.equals(lockedRoots)) {
          global.add(new LockDrift.RootsChanged(lockedRoots, requested));
        }
      }
      Map<ProjectName, CompletableFuture<ProjectPage>> pending = new LinkedHashMap<>();
      for (Locked l : locked.values()) {
        if (!l.direct() && l.version() != null) {
          pending.put(l.name(), request.source().page(l.name()));
        }
      }
      Resolution resolution = resolver.resolve(request);
      Map<ProjectName, ProjectPage> pages = new TreeMap<>();
      pending.forEach((name, future) -> pages.put(name, join(future)));
      if (universalEntries != null) {
        compareUniversal(resolution, pages);
        List<LockDrift> all = new ArrayList<>(global);
        drifts.values().forEach(all::addAll);
        return new LockVerification(lockName, all, resolution, filesChecked);
      }

      TreeSet<ProjectName> names = new TreeSet<>(locked.keySet());
      resolution.packages().forEach(p -> names.add(p.name()));
      for (ProjectName name : names) {
        Locked l = locked.get(name);
        LockedPackage r = resolution.find(name).orElse(null);
        if (l == null) {
          add(new LockDrift.PackageAdded(name, r.version()));
        } else if (r == null) {
          add(new LockDrift.PackageRemoved(name, l.version()));
        } else if (l.version() != null && !l.version().equals(r.version())) {
          add(new LockDrift.VersionChanged(name, l.version(), r.version()));
        } else if (!l.direct()) {
          compareFiles(l, r, pages.get(name));
        }
        if (l != null && pages.containsKey(name)) {
          checkIndex(l, pages.get(name));
          if (publishers != null && !l.identities().isEmpty()) {
            checkPublishers(l, pages.get(name));
          }
        }
      }
      List<LockDrift> all = new ArrayList<>(global);
      drifts.values().forEach(all::addAll);
      return new LockVerification(lockName, all, resolution, filesChecked);
    }

    /**
     * A universal lock: entries are matched by name and version; a project with one entry on
     * each side and another version is a version change; a matched entry's marker and files are
     * compared.
     */
    private void compareUniversal(Resolution resolution, Map<ProjectName, ProjectPage> pages) {
      Map<ProjectName, List<Locked>> lockedByName = new TreeMap<>();
      universalEntries.forEach(l -> lockedByName.computeIfAbsent(l.name(), k -> new ArrayList<>()).add(l));
      Map<ProjectName, List<LockedPackage>> resolvedByName = new TreeMap<>();
      resolution.packages().forEach(p -> resolvedByName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p));
      TreeSet<ProjectName> names = new TreeSet<>(lockedByName.keySet());
      names.addAll(resolvedByName.keySet());
      for (ProjectName name : names) {
        List<Locked> ls = lockedByName.getOrDefault(name, List.of());
        List<LockedPackage> rs = resolvedByName.getOrDefault(name, List.of());
        if (ls.size() == 1 && rs.size() == 1 && ls.get(0).version() != null
            && !ls.get(0).version().equals(rs.get(0).version())) {
          add(new LockDrift.VersionChanged(name, ls.get(0).version(), rs.get(0).version()));
        } else {
          for (Locked l : ls) {
            LockedPackage r = rs.stream().filter(x -> java.util.Objects.equals(x.version(),
                l.version())).findFirst().orElse(null);
            if (r == null) {
              add(new LockDrift.PackageRemoved(name, l.version()));
              continue;
            }
            String before = lockedMarkers.getOrDefault(name, Map.of()).getOrDefault(l.version(), "");
            String now = r.marker() == null ? "" : r.marker().toString();
            if (!before.equals(now)) {
              add(new LockDrift.MarkerChanged(name, l.version(), before, now));
            }
            if (!l.direct()) {
              compareFiles(l, r, pages.get(name));
            }
          }
          for (LockedPackage r : rs) {
            if (ls.stream().noneMatch(l -> java.util.Objects.equals(l.version(), r.version()))) {
              add(new LockDrift.PackageAdded(name, r.version()));
            }
          }
        }
        for (Locked l : ls) {
          if (pages.containsKey(name)) {
            checkIndex(l, pages.get(name));
            if (publishers != null && !l.identities().isEmpty()) {
              checkPublishers(l, pages.get(name));
            }
          }
        }
      }
    }

    private void add(LockDrift drift) {
      drifts.computeIfAbsent(drift.project(), k -> new ArrayList<>()).add(drift);
    }

    private void compareFiles(Locked l, LockedPackage r, ProjectPage page) {
      List<DistributionFile> resolved = new ArrayList<>(r.files());
      resolved.sort(Comparator.comparing(DistributionFile::filename));
      if (l.hashesOnly()) {
        for (DistributionFile f : resolved) {
          if (l.files().stream().noneMatch(v -> matches(v.hashes(), f.hashes()))) {
            add(new LockDrift.FileAdded(l.name(), r.version(), f.filename()));
          }
        }
        return;
      }
      TreeSet<String> lockedNames = new TreeSet<>();
      l.files().forEach(f -> lockedNames.add(f.fileName()));
      TreeSet<String> resolvedNames = new TreeSet<>();
      resolved.forEach(f -> resolvedNames.add(f.filename()));
      for (String n : resolvedNames) {
        if (!lockedNames.contains(n)) {
          add(new LockDrift.FileAdded(l.name(), r.version(), n));
        }
      }
      for (String n : lockedNames) {
        if (!resolvedNames.contains(n) && page != null && onPage(page, n) != null) {
          add(new LockDrift.FileRemoved(l.name(), r.version(), n));
        }
      }
    }

    private void checkIndex(Locked l, ProjectPage page) {
      if (l.hashesOnly()) {
        for (LockedFileView v : l.files()) {
          filesChecked++;
          DistributionFile match = null;
          for (DistributionFile f : page.files()) {
            if (l.version().equals(f.version()) && matches(v.hashes(), f.hashes())) {
              match = f;
              break;
            }
          }
          Map.Entry<String, String> h = v.hashes().entrySet().iterator().next();
          if (match == null) {
            add(new LockDrift.UnknownHash(l.name(), l.version(), h.getKey() + ":" + h.getValue()));
          } else if (match.isYanked()) {
            add(new LockDrift.FileYanked(l.name(), l.version(), match.filename(), match.yanked()));
          }
        }
        return;
      }
      for (LockedFileView v : l.files()) {
        filesChecked++;
        DistributionFile f = v.fileName() == null ? null : onPage(page, v.fileName());
        if (f == null) {
          add(new LockDrift.FileMissingUpstream(l.name(), l.version(),
              String.valueOf(v.fileName())));
          continue;
        }
        boolean compared = false;
        for (Map.Entry<String, String> h : new TreeMap<>(v.hashes()).entrySet()) {
          String current = f.hashes().get(h.getKey());
          if (current == null) {
            continue;
          }
          compared = true;
          if (!current.equalsIgnoreCase(h.getValue())) {
            add(new LockDrift.HashChanged(l.name(), l.version(), v.fileName(), h.getKey(),
                h.getValue(), current));
            break;
          }
        }
        if (!compared) {
          add(new LockDrift.HashUnverifiable(l.name(), l.version(), v.fileName()));
        }
        if (f.isYanked()) {
          add(new LockDrift.FileYanked(l.name(), l.version(), f.filename(), f.yanked()));
        }
      }
    }

    private void checkPublishers(Locked l, ProjectPage page) {
      List<CompletableFuture<List<PublisherIdentity>>> lookups = new ArrayList<>();
      for (LockedFileView v : l.files()) {
        DistributionFile f = v.fileName() == null ? null : onPage(page, v.fileName());
        if (f != null) {
          lookups.add(Objects.requireNonNull(publishers.publishers(f), "publishers"));
        }
      }
      TreeSet<PublisherIdentity> current = new TreeSet<>();
      for (CompletableFuture<List<PublisherIdentity>> lookup : lookups) {
        current.addAll(join(lookup));
      }
      if (current.isEmpty()) {
        add(new LockDrift.PublisherRemoved(l.name(), l.version(), l.identities()));
      } else if (!List.copyOf(current).equals(l.identities())) {
        add(new LockDrift.PublisherChanged(l.name(), l.version(), l.identities(),
            List.copyOf(current)));
      }
    }

    private static DistributionFile onPage(ProjectPage page, String fileName) {
      for (DistributionFile f : page.files()) {
        if (f.filename().equals(fileName)) {
          return f;
        }
      }
      return null;
    }

    /** True when the two share an algorithm and agree on it. */
    private static boolean matches(Map<String, String> a, Map<String, String> b) {
      for (Map.Entry<String, String> e : a.entrySet()) {
        String other = b.get(e.getKey());
        if (other != null && other.equalsIgnoreCase(e.getValue())) {
          return true;
        }
      }
      return false;
    }

    private static <T> T join(CompletableFuture<T> future) {
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PylockException("interrupted while reading the index", e);
      } catch (ExecutionException | CompletionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof PylockException p) {
          throw p;
        }
        throw new PylockException("cannot read the index: " + cause, cause);
      }
    }
  }
}
