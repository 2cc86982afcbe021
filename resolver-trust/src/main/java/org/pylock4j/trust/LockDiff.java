package org.pylock4j.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.pylock4j.error.PylockException;
import org.pylock4j.lock.Pylock;
import org.pylock4j.lock.PylockPackage;
import org.pylock4j.lock.RequirementsTxt;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.PackageSource;
import org.pylock4j.resolve.ProjectPage;
import org.pylock4j.version.Version;

/**
 * The differences between two locks, for reviewing an update as an event: projects added and
 * removed, versions upgraded and downgraded, and the red flags — for an unchanged version, a
 * changed hash, a file at another URL, a file added, the project taken from another index; and
 * changed or vanished publisher identities
 * (PEP 740 attestations recorded in PEP 751 {@code attestation-identities}).
 *
 * <pre>{@code
 * LockDiff diff = LockDiff.compare(LockFiles.readPylock(oldPath), LockFiles.readPylock(newPath))
 *     .withHistory(index, Instant.now());
 * diff.changes().forEach(c -> System.out.println(c.message()));
 * if (diff.needsReview()) { ... }
 * }</pre>
 *
 * <p>Immutable.
 */
public final class LockDiff {

  private final List<LockChange> changes;

  private LockDiff(List<LockChange> changes) {
    this.changes = List.copyOf(changes);
  }

  /**
   * Compares two {@code pylock.toml} locks.
   *
   * @param before the old lock, must not be null
   * @param after the new lock, must not be null
   * @return the differences, never null
   */
  public static LockDiff compare(Pylock before, Pylock after) {
    return compare(entries(before), entries(after));
  }

  /**
   * Compares two {@code requirements.txt} locks (no file names there: a hash replaced by another
   * for the same version is the red flag).
   *
   * @param before the old lock, must not be null
   * @param after the new lock, must not be null
   * @return the differences, never null
   */
  public static LockDiff compare(RequirementsTxt before, RequirementsTxt after) {
    List<Entry> added = entries(after);
    LockDiff diff = compare(entries(before), added);
    Set<String> hosts = new TreeSet<>();
    after.sources().forEach(line -> hosts.add(host(line.substring(line.indexOf(' ') + 1))));
    List<LockChange> changes = new ArrayList<>();
    for (String line : after.sources()) {
      if (!before.sources().contains(line)) {
        changes.add(new LockChange(null, LockChange.Kind.SOURCE_ADDED, null, null, line, null));
      }
    }
    for (LockChange c : diff.changes) {
      String url = c.kind() != LockChange.Kind.ADDED ? null : after.find(c.name())
          .map(RequirementsTxt.Pin::url).orElse(null);
      if (url != null && !hosts.contains(host(url))) {
        changes.add(new LockChange(c.name(), LockChange.Kind.DIRECT_URL_ADDED, null,
            c.newVersion(), url + ", on none of the lock's indexes", c.history()));
      } else {
        changes.add(c);
      }
    }
    changes.sort(Comparator.comparing(LockChange::name, Comparator.nullsFirst(
        Comparator.naturalOrder())).thenComparing(LockChange::kind));
    return new LockDiff(changes);
  }

  /** The host (and port) of {@code url}, lowercase; the whole text when it has none. */
  private static String host(String url) {
    try {
      java.net.URI uri = java.net.URI.create(url.strip());
      return uri.getAuthority() == null ? url.strip()
          : uri.getAuthority().substring(uri.getAuthority().lastIndexOf('@') + 1)
              .toLowerCase(java.util.Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return url.strip();
    }
  }

  /** {@return every change, sorted by project, then kind} */
  public List<LockChange> changes() {
    return changes;
  }

  /** {@return the changes whose kind is a red flag} */
  public List<LockChange> redFlags() {
    return changes.stream().filter(c -> c.kind().redFlag()).toList();
  }

  /** {@return whether any change deserves a look ({@link LockChange#needsReview()})} */
  public boolean needsReview() {
    return changes.stream().anyMatch(LockChange::needsReview);
  }

  /** {@return whether the locks pin the same things (no change at all)} */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /**
   * This diff with the release history of each added project, read from its index page ({@link
   * PackageSource#page}, fetched in parallel): number of releases and first upload time. A young
   * project with few releases pulled in by an update deserves a look.
   *
   * @param source where to read the pages, must not be null
   * @param now the moment ages are measured to, must not be null
   * @return the diff with histories, never null
   * @throws PylockException when a page cannot be read
   */
  public LockDiff withHistory(PackageSource source, Instant now) {
    Objects.requireNonNull(now, "now");
    Map<ProjectName, CompletableFuture<ProjectPage>> pages = new LinkedHashMap<>();
    for (LockChange c : changes) {
      if (c.kind() == LockChange.Kind.ADDED) {
        pages.computeIfAbsent(c.name(), source::page);
      }
    }
    List<LockChange> out = new ArrayList<>();
    for (LockChange c : changes) {
      CompletableFuture<ProjectPage> page = c.kind() == LockChange.Kind.ADDED ? pages.get(c.name()) : null;
      out.add(page == null ? c : c.withHistory(history(join(page), now)));
    }
    return new LockDiff(out);
  }

  /**
   * The release history a page shows, measured at {@code now}.
   *
   * @param page the project's page, must not be null
   * @param now the current time, must not be null
   * @return the history, never null
   */
  public static ProjectHistory history(ProjectPage page, Instant now) {
    Set<Version> versions = new TreeSet<>();
    Instant first = null;
    for (DistributionFile f : page.files()) {
      versions.add(f.version());
      if (f.uploadTime() != null && (first == null || f.uploadTime().isBefore(first))) {
        first = f.uploadTime();
      }
    }
    return new ProjectHistory(versions.size(), first, first == null ? null : Duration.between(first, now));
  }

  /** {@return one {@link LockChange#message()} a line} */
  public String report() {
    StringBuilder b = new StringBuilder();
    changes.forEach(c -> b.append(c.message()).append('\n'));
    return b.toString();
  }

  private static ProjectPage join(CompletableFuture<ProjectPage> page) {
    try {
      return page.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof PylockException p ? p : e;
    }
  }

  // ---- comparison over a common shape ----

  /** A locked package reduced to what a review compares. */
  record Entry(ProjectName name, Version version, String index, Map<String, String> files,
      Map<String, String> urls, Set<String> hashes, Set<String> identities, Map<String, String> metadata) {}

  /** What else a lock says of an unchanged version that decides where and with what it installs. */
  private static Map<String, String> metadata(PylockPackage p) {
    Map<String, String> out = new TreeMap<>();
    out.put("marker", p.marker() == null ? "none" : p.marker());
    out.put("requires-python", p.requiresPython() == null ? "none" : p.requiresPython());
    out.put("dependencies", p.dependencies().stream()
        .map(d -> d.version() == null ? d.name().toString() : d.name() + "==" + d.version())
        .sorted().toList().toString());
    return out;
  }

  static List<Entry> entries(Pylock lock) {
    List<Entry> out = new ArrayList<>();
    for (PylockPackage p : lock.packages()) {
      Map<String, String> files = new TreeMap<>();
      Map<String, String> urls = new TreeMap<>();
      Set<String> hashes = new TreeSet<>();
      for (PylockPackage.LockedFile f : p.files()) {
        String h = bestHash(f.hashes());
        if (f.fileName() != null && h != null) {
          files.put(f.fileName(), h);
        }
        if (f.fileName() != null && f.url() != null) {
          urls.put(f.fileName(), f.url());
        }
        f.hashes().forEach((alg, hex) -> hashes.add(alg + ":" + hex));
      }
      Set<String> identities = new TreeSet<>();
      p.attestationIdentities().forEach(a -> identities.add(describe(a)));
      out.add(new Entry(p.name(), p.version(), p.index(), files, urls, hashes, identities, metadata(p)));
    }
    return out;
  }

  static List<Entry> entries(RequirementsTxt lock) {
    List<Entry> out = new ArrayList<>();
    for (RequirementsTxt.Pin p : lock.pins()) {
      // a pin's direct URL is its one file: a changed URL on an unchanged version is the red flag
      Map<String, String> urls = p.url() == null ? Map.of() : Map.of("url", p.url());
      out.add(new Entry(p.name(), p.version(), null, Map.of(), urls, new TreeSet<>(p.hashes()), Set.of(),
          Map.of()));
    }
    return out;
  }

  private static String describe(PylockPackage.AttestationIdentity a) {
    return a.kind() + new TreeMap<>(a.fields());
  }

  private static String bestHash(Map<String, String> hashes) {
    if (hashes.containsKey("sha256")) {
      return "sha256:" + hashes.get("sha256");
    }
    return hashes.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + ":" + e.getValue()).findFirst().orElse(null);
  }

  static LockDiff compare(Collection<Entry> before, Collection<Entry> after) {
    Map<ProjectName, List<Entry>> old = group(before);
    Map<ProjectName, List<Entry>> now = group(after);
    Set<ProjectName> names = new TreeSet<>(old.keySet());
    names.addAll(now.keySet());
    List<LockChange> changes = new ArrayList<>();
    for (ProjectName name : names) {
      List<Entry> o = old.getOrDefault(name, List.of());
      List<Entry> n = now.getOrDefault(name, List.of());
      if (o.size() == 1 && n.size() == 1) {
        Entry a = o.get(0);
        Entry b = n.get(0);
        if ((a.version() == null) != (b.version() == null) && !a.urls().equals(b.urls())) {
          // a pin from the index swapped for a direct URL (or back) is not an up- or downgrade
          changes.add(new LockChange(name, LockChange.Kind.URL_CHANGED, a.version(), b.version(),
              source(a) + " -> " + source(b), null));
          continue;
        }
        int cmp = compareVersions(a.version(), b.version());
        if (cmp < 0) {
          changes.add(new LockChange(name, LockChange.Kind.UPGRADED, a.version(), b.version(), "", null));
        } else if (cmp > 0) {
          changes.add(new LockChange(name, LockChange.Kind.DOWNGRADED, a.version(), b.version(), "", null));
        } else {
          sameVersion(a, b, changes);
        }
        identities(a, b, changes);
        continue;
      }
      // several entries (different markers) on one side: match by version
      Map<Version, Entry> ov = byVersion(o);
      Map<Version, Entry> nv = byVersion(n);
      for (Map.Entry<Version, Entry> e : ov.entrySet()) {
        Entry b = nv.get(e.getKey());
        if (b == null) {
          changes.add(new LockChange(name, LockChange.Kind.REMOVED, e.getKey(), null, "", null));
        } else {
          sameVersion(e.getValue(), b, changes);
          identities(e.getValue(), b, changes);
        }
      }
      for (Map.Entry<Version, Entry> e : nv.entrySet()) {
        if (!ov.containsKey(e.getKey())) {
          changes.add(new LockChange(name, LockChange.Kind.ADDED, null, e.getKey(), "", null));
        }
      }
    }
    changes.sort(Comparator.comparing(LockChange::name).thenComparing(LockChange::kind));
    return new LockDiff(changes);
  }

  private static String source(Entry e) {
    String version = e.version() == null ? "" : "==" + e.version() + " ";
    return e.urls().isEmpty() ? version + "from " + (e.index() == null ? "the index" : e.index())
        : version + String.join(", ", e.urls().values());
  }

  private static int compareVersions(Version a, Version b) {
    if (a == null || b == null) {
      return a == b ? 0 : a == null ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static Map<ProjectName, List<Entry>> group(Collection<Entry> entries) {
    Map<ProjectName, List<Entry>> out = new HashMap<>();
    entries.forEach(e -> out.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e));
    return out;
  }

  private static Map<Version, Entry> byVersion(List<Entry> entries) {
    Map<Version, Entry> out = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    entries.forEach(e -> out.putIfAbsent(e.version(), e));
    return out;
  }

  private static void sameVersion(Entry a, Entry b, List<LockChange> changes) {
    ProjectName name = a.name();
    List<String> metadata = new ArrayList<>();
    a.metadata().forEach((key, value) -> {
      String other = b.metadata().get(key);
      if (other != null && !other.equals(value)) {
        metadata.add(key + " " + value + " -> " + other);
      }
    });
    if (!metadata.isEmpty()) {
      changes.add(new LockChange(name, LockChange.Kind.METADATA_CHANGED, a.version(), b.version(),
          String.join("; ", metadata), null));
    }
    if (!Objects.equals(a.index(), b.index())) {
      changes.add(new LockChange(name, LockChange.Kind.INDEX_CHANGED, a.version(), b.version(),
          (a.index() == null ? "none" : a.index()) + " -> " + (b.index() == null ? "none" : b.index()), null));
    }
    List<String> moved = new ArrayList<>();
    // files move with their index: a changed index is the one red flag then
    (Objects.equals(a.index(), b.index()) ? a.urls() : Map.<String, String>of()).forEach((file, url) -> {
      String other = b.urls().get(file);
      if (other != null && !other.equals(url)) {
        moved.add(file + " " + url + " -> " + other);
      }
    });
    if (!moved.isEmpty()) {
      changes.add(new LockChange(name, LockChange.Kind.URL_CHANGED, a.version(), b.version(),
          String.join("; ", moved), null));
    }
    if (!a.files().isEmpty() && !b.files().isEmpty()) {
      List<String> changed = new ArrayList<>();
      List<String> added = new ArrayList<>();
      List<String> removed = new ArrayList<>();
      a.files().forEach((file, hash) -> {
        String other = b.files().get(file);
        if (other == null) {
          removed.add(file);
        } else if (!other.equals(hash)) {
          changed.add(file + " " + hash + " -> " + other);
        }
      });
      b.files().keySet().stream().filter(f -> !a.files().containsKey(f)).forEach(added::add);
      if (!changed.isEmpty()) {
        changes.add(new LockChange(name, LockChange.Kind.HASH_CHANGED, a.version(), b.version(),
            String.join("; ", changed), null));
      }
      filesChanged(a, b, added, removed, changes);
      return;
    }
    List<String> added = b.hashes().stream().filter(h -> !a.hashes().contains(h)).toList();
    List<String> removed = a.hashes().stream().filter(h -> !b.hashes().contains(h)).toList();
    if (!added.isEmpty() && !removed.isEmpty()) {
      changes.add(new LockChange(name, LockChange.Kind.HASH_CHANGED, a.version(), b.version(),
          "hashes " + String.join(", ", removed) + " replaced by " + String.join(", ", added), null));
    } else {
      filesChanged(a, b, added, removed, changes);
    }
  }

  private static void filesChanged(Entry a, Entry b, List<String> added, List<String> removed,
      List<LockChange> changes) {
    if (!added.isEmpty()) {
      changes.add(new LockChange(a.name(), LockChange.Kind.FILES_ADDED, a.version(), b.version(),
          String.join(", ", added), null));
    }
    if (!removed.isEmpty()) {
      changes.add(new LockChange(a.name(), LockChange.Kind.FILES_CHANGED, a.version(), b.version(),
          "removed " + String.join(", ", removed), null));
    }
  }

  private static void identities(Entry a, Entry b, List<LockChange> changes) {
    if (a.identities().equals(b.identities())) {
      return;
    }
    LockChange.Kind kind = b.identities().isEmpty() ? LockChange.Kind.IDENTITY_REMOVED
        : a.identities().isEmpty() ? LockChange.Kind.IDENTITY_ADDED
        : LockChange.Kind.IDENTITY_CHANGED;
    changes.add(new LockChange(a.name(), kind, a.version(), b.version(),
        String.join(", ", a.identities()) + " -> " + String.join(", ", b.identities()), null));
  }
}
