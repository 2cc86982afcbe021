package org.pylock4j.lock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pylock4j.error.PylockException;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DependencyEdge;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.PublisherIdentity;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.UniversalTarget;

/** Turns a {@link Resolution} into a {@link Pylock}, deterministically. */
final class PylockBuilder {

  static final String CREATED_BY = "pylock4j";

  private static final List<String> VCS_SCHEMES = List.of("git+", "hg+", "svn+", "bzr+");

  private PylockBuilder() {}

  static Pylock build(Resolution resolution, LockOptions options) {
    List<LockedPackage> sorted = new ArrayList<>(resolution.packages());
    sorted.sort(Comparator.comparing(LockedPackage::name).thenComparing(LockedPackage::version,
        Comparator.nullsFirst(Comparator.naturalOrder())));
    List<PylockPackage> packages = new ArrayList<>();
    for (LockedPackage p : sorted) {
      packages.add(toPackage(p, dependenciesOf(resolution, p.name()), options));
    }
    Map<String, String> markers = new TreeMap<>(resolution.target().markers().values());
    UniversalTarget universal = resolution.universal();
    List<String> environments = options.environments().orElseGet(() -> universal != null
        ? universal.environments().stream().map(Object::toString).toList()
        : List.of(environmentMarker(markers)));
    String requiresPython = options.requiresPython().orElseGet(() -> {
      if (universal != null) {
        return universal.requiresPython().toString();
      }
      String v = markers.get("python_version");
      return v == null ? null : "==" + v + ".*";
    });
    Map<String, Object> tool = new LinkedHashMap<>();
    if (options.recordInputs() || options.generatedAt().isPresent()) {
      Map<String, Object> own = new LinkedHashMap<>();
      options.generatedAt().ifPresent(t -> own.put("generated-at", t));
      if (options.recordInputs()) {
        List<Object> roots = new ArrayList<>();
        for (Requirement r : resolution.roots()) {
          roots.add(r.toString());
        }
        own.put("requirements", roots);
        own.putAll(options.toolSettings());
        if (universal != null) {
          own.put("universal", true);
          if (!universal.requiredEnvironments().isEmpty()) {
            own.put("required-environments", new ArrayList<Object>(
                universal.requiredEnvironments().stream().map(Object::toString).toList()));
          }
        } else {
          own.put("markers", new LinkedHashMap<String, Object>(markers));
        }
      }
      tool.put("pylock4j", own);
    }
    return new Pylock(Pylock.LOCK_VERSION, environments, requiresPython, List.of(), List.of(),
        List.of(), CREATED_BY, packages, tool);
  }

  /** One marker for the target: implementation, platform, machine and Python version. */
  static String environmentMarker(Map<String, String> markers) {
    List<String> parts = new ArrayList<>();
    for (String variable :
        List.of("implementation_name", "sys_platform", "platform_machine", "python_version")) {
      String value = markers.get(variable);
      if (value != null) {
        parts.add(variable + " == '" + value + "'");
      }
    }
    return String.join(" and ", parts);
  }

  private static List<PylockPackage.Dependency> dependenciesOf(
      Resolution resolution, ProjectName name) {
    TreeSet<ProjectName> names = new TreeSet<>();
    for (DependencyEdge e : resolution.edges()) {
      if (name.equals(e.from())) {
        names.add(e.to());
      }
    }
    List<PylockPackage.Dependency> out = new ArrayList<>();
    for (ProjectName n : names) {
      out.add(new PylockPackage.Dependency(n, null));
    }
    return out;
  }

  private static PylockPackage toPackage(
      LockedPackage p, List<PylockPackage.Dependency> deps, LockOptions options) {
    boolean uploadTimes = options.uploadTimes();
    for (DistributionFile f : p.files()) {
      if (f.hashes().isEmpty()) {
        throw new PylockException("cannot lock " + p.name() + " " + p.version() + ": the index "
            + "gives no hash for " + f.filename() + " (" + f.url() + "); every locked file "
            + "needs one");
      }
    }
    if (p.directUrl() != null) {
      return directPackage(p, deps, uploadTimes);
    }
    List<PylockPackage.Wheel> wheels = new ArrayList<>();
    DistributionFile sdist = null;
    List<DistributionFile> files = new ArrayList<>(p.files());
    files.sort(Comparator.comparing(DistributionFile::filename));
    for (DistributionFile f : files) {
      if (f.isWheel()) {
        String path = localPath(f.url(), options);
        wheels.add(new PylockPackage.Wheel(f.filename(), uploadTimes ? f.uploadTime() : null,
            path == null ? f.url() : null, path, f.size(), lowerCase(f.hashes())));
      } else if (sdist == null || preferredSdist(f, sdist)) {
        sdist = f;
      }
    }
    String sdistPath = sdist == null ? null : localPath(sdist.url(), options);
    PylockPackage.Sdist s = sdist == null ? null : new PylockPackage.Sdist(sdist.filename(),
        uploadTimes ? sdist.uploadTime() : null, sdistPath == null ? sdist.url() : null,
        sdistPath, sdist.size(), lowerCase(sdist.hashes()));
    String indexPath = localPath(p.index(), options);
    return new PylockPackage(p.name(), p.version(), marker(p), commonRequiresPython(p.files()), deps,
        indexPath == null ? p.index() : indexPath, null, null, null, s, wheels,
        identities(wheels, s, options), Map.of());
  }

  /**
   * {@code url} as a path relative to the lock's directory, with {@code /} separators, when it is
   * a {@code file:} URL under that directory; else null.
   */
  static String localPath(String url, LockOptions options) {
    if (url == null || !url.startsWith("file:") || options.baseDirectory().isEmpty()) {
      return null;
    }
    java.nio.file.Path file;
    try {
      file = java.nio.file.Path.of(java.net.URI.create(url)).toAbsolutePath().normalize();
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
    java.nio.file.Path base = options.baseDirectory().get();
    if (!file.startsWith(base) || file.equals(base)) {
      return null;
    }
    String relative = base.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    return url.endsWith("/") ? relative + "/" : relative;
  }

  /** PEP 751 {@code marker}: where a package of a universal lock is installed. */
  private static String marker(LockedPackage p) {
    return p.marker() == null ? null : p.marker().toString();
  }

  /** The distinct publisher identities of the locked files, sorted (PEP 751). */
  private static List<PylockPackage.AttestationIdentity> identities(
      List<PylockPackage.Wheel> wheels, PylockPackage.Sdist sdist, LockOptions options) {
    TreeSet<PublisherIdentity> all = new TreeSet<>();
    for (PylockPackage.Wheel w : wheels) {
      all.addAll(options.publisherIdentities(w.fileName()));
    }
    if (sdist != null) {
      all.addAll(options.publisherIdentities(sdist.fileName()));
    }
    List<PylockPackage.AttestationIdentity> out = new ArrayList<>();
    all.forEach(id -> out.add(PylockPackage.AttestationIdentity.of(id)));
    return out;
  }

  /** A {@code .tar.gz} (the PEP 625 form) over any other sdist, then by name. */
  private static boolean preferredSdist(DistributionFile candidate, DistributionFile current) {
    boolean a = candidate.filename().endsWith(".tar.gz");
    boolean b = current.filename().endsWith(".tar.gz");
    return a && !b;
  }

  private static String commonRequiresPython(List<DistributionFile> files) {
    String common = null;
    for (DistributionFile f : files) {
      if (f.requiresPython() == null) {
        continue;
      }
      if (common != null && !common.equals(f.requiresPython())) {
        return null;
      }
      common = f.requiresPython();
    }
    return common;
  }

  private static PylockPackage directPackage(
      LockedPackage p, List<PylockPackage.Dependency> deps, boolean uploadTimes) {
    String url = p.directUrl();
    for (String scheme : VCS_SCHEMES) {
      if (url.startsWith(scheme)) {
        return new PylockPackage(p.name(), null, marker(p), null, deps, null, vcs(p, scheme, url),
            null, null, null, List.of(), List.of(), Map.of());
      }
    }
    String bare = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
    if (bare.startsWith("file:") && !looksLikeArchive(bare)) {
      return new PylockPackage(p.name(), null, marker(p), null, deps, null, null,
          new PylockPackage.Directory(bare.replaceFirst("^file:(//)?", ""), false, null), null,
          null, List.of(), List.of(), Map.of());
    }
    Map<String, String> hashes = new TreeMap<>();
    long size = -1;
    java.time.Instant uploadTime = null;
    for (DistributionFile f : p.files()) {
      if (Objects.equals(stripFragment(f.url()), bare)) {
        hashes.putAll(lowerCase(f.hashes()));
        size = f.size();
        uploadTime = uploadTimes ? f.uploadTime() : null;
      }
    }
    if (hashes.isEmpty() && url.contains("#")) {
      String fragment = url.substring(url.indexOf('#') + 1);
      for (String part : fragment.split("&")) {
        int eq = part.indexOf('=');
        if (eq > 0 && part.substring(0, eq).matches("sha(256|384|512)|md5")) {
          hashes.put(part.substring(0, eq), part.substring(eq + 1).toLowerCase(Locale.ROOT));
        }
      }
    }
    if (hashes.isEmpty()) {
      throw new PylockException("cannot lock " + p.name() + ": no hash known for the archive "
          + bare + " (add #sha256=... to the URL)");
    }
    return new PylockPackage(p.name(), p.version(), marker(p), null, deps, null, null, null,
        new PylockPackage.Archive(bare, null, size, uploadTime, hashes, null), null, List.of(),
        List.of(), Map.of());
  }

  private static PylockPackage.Vcs vcs(LockedPackage p, String scheme, String url) {
    String rest = url.substring(scheme.length());
    String subdirectory = null;
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      for (String part : rest.substring(hash + 1).split("&")) {
        if (part.startsWith("subdirectory=")) {
          subdirectory = part.substring("subdirectory=".length());
        }
      }
      rest = rest.substring(0, hash);
    }
    String revision = null;
    int at = rest.lastIndexOf('@');
    if (at > rest.indexOf("://") + 3 && rest.lastIndexOf('/') < at) {
      revision = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    if (revision == null || !revision.matches("[0-9a-f]{40}")) {
      throw new PylockException("cannot lock " + p.name() + " from " + url + ": a VCS "
          + "requirement must name a full commit id (e.g. @<40 hex digits>) to be locked");
    }
    return new PylockPackage.Vcs(scheme.substring(0, scheme.length() - 1), rest, null, revision,
        revision, subdirectory);
  }

  /** Digests in lower case, as the reader returns them, so that a lock reads back equal. */
  static Map<String, String> lowerCase(Map<String, String> hashes) {
    Map<String, String> out = new TreeMap<>();
    hashes.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v.toLowerCase(Locale.ROOT)));
    return out;
  }

  private static boolean looksLikeArchive(String url) {
    return url.matches(".*\\.(whl|zip|tar\\.gz|tgz|tar\\.bz2|tar\\.xz|tar)$");
  }

  private static String stripFragment(String url) {
    return url == null || !url.contains("#") ? url : url.substring(0, url.indexOf('#'));
  }
}
