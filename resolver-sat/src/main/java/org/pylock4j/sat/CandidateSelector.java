package org.pylock4j.sat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.pylock4j.metadata.TagSet;
import org.pylock4j.metadata.WheelFilename;
import org.pylock4j.requirement.Marker;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.MarkerTree;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.PrereleasePolicy;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.version.Specifier;
import org.pylock4j.version.SpecifierSet;
import org.pylock4j.version.Version;

/**
 * Decides which versions on a page are candidates (DESIGN "Candidates"): not yanked unless pinned
 * with {@code ==}/{@code ===} (PEP 592), Requires-Python admits the target, uploaded before
 * exclude-newer (a file without an upload time is not admitted under a cutoff, as uv does), not
 * excluded by the request, and a wheel the target supports or an sdist.
 */
final class CandidateSelector {

  /** Why a file or version is not usable; later kinds got further through the filters. */
  enum Reason {
    EXCLUDED("excluded by the request", "every version is excluded by the request"),
    YANKED("yanked", "every version is yanked"),
    REQUIRES_PYTHON("requires another Python", null),
    TOO_NEW("uploaded after the exclude-newer date",
        "every version was uploaded after the exclude-newer date"),
    NO_UPLOAD_TIME("no upload time on the index, so exclude-newer cannot admit it",
        "the index gives no upload time (PEP 700) for any version, so exclude-newer admits none"),
    NO_COMPATIBLE_FILE("no wheel compatible with the target",
        "no version has a wheel compatible with the target or an sdist"),
    ONLY_BINARY("only an sdist, and only binaries are allowed",
        "no version has a wheel compatible with the target (only binaries are allowed)"),
    PRERELEASE("a pre-release, and pre-releases are disallowed",
        "every version is a pre-release, and pre-releases are disallowed"),
    REQUIRED_ENVIRONMENT("no file for a required environment",
        "no version has a file for every required environment");

    final String version;
    final String all;

    Reason(String version, String all) {
      this.version = version;
      this.all = all;
    }
  }

  /** A version that is a candidate, with its usable files (best first). */
  record Selected(Version version, List<DistributionFile> files) {}

  /** The outcome for one page; {@code details} says more for some rejected versions. */
  record Selection(List<Selected> candidates, Map<Version, Reason> rejected,
      Map<Version, String> details) {}

  private final ResolutionRequest request;
  private final TagSet tags;
  private final Version python;
  private final Map<String, Boolean> pythonOk = new HashMap<>();
  private final Map<String, Integer> wheelRanks = new HashMap<>();
  private final Map<ProjectName, List<Requirement>> pins;
  /** The region of a universal resolution, null for one target. */
  private final MarkerTree region;
  private final FileEnvironments fileEnvironments;
  /** Required environments cut into platform and Python cells, each with its marker text. */
  private final Map<MarkerTree, String> requiredCells = new LinkedHashMap<>();
  /** Versions the request's {@code VersionFilter} excluded, by project; written by fetch threads. */
  private final Map<ProjectName, Map<Version, String>> filtered =
      new java.util.concurrent.ConcurrentHashMap<>();

  CandidateSelector(ResolutionRequest request, Map<ProjectName, List<Requirement>> pins,
      MarkerTree region, FileEnvironments fileEnvironments) {
    this.request = request;
    this.tags = request.target().tags();
    this.python = request.target().pythonVersion();
    this.pins = pins;
    this.region = region;
    this.fileEnvironments = fileEnvironments;
    if (region != null) {
      for (Marker required : request.universal().orElseThrow().requiredEnvironments()) {
        MarkerTree r = MarkerTree.of(required).and(region);
        for (MarkerEnvironment.Platform p : MarkerEnvironment.Platform.values()) {
          for (int minor = 8; minor <= 14; minor++) {
            MarkerTree cell = r.and(FileEnvironments.platform(p))
                .and(MarkerTree.parse("python_version == '3." + minor + "'"));
            if (!cell.isAlwaysFalse()) {
              requiredCells.putIfAbsent(cell, required.toString());
            }
          }
        }
      }
    }
  }

  /** The Python requires-python is checked against, for messages. */
  String python() {
    if (region != null) {
      String pythons = region.toString();
      return pythons.isEmpty() ? "every Python" : "the Pythons of " + pythons;
    }
    return python.toString();
  }

  /** Records what the request's {@code VersionFilter} excluded of {@code project}'s page. */
  void filtered(ProjectName project, Map<Version, String> exclusions) {
    filtered.put(project, Map.copyOf(exclusions));
  }

  /** The versions of {@code project} that are not candidates by request or filter, with why. */
  Map<Version, String> excluded(ProjectName project) {
    Map<Version, String> byRequest = request.excludedVersions().getOrDefault(project, Map.of());
    Map<Version, String> byFilter = filtered.getOrDefault(project, Map.of());
    if (byFilter.isEmpty()) {
      return byRequest;
    }
    Map<Version, String> all = new java.util.HashMap<>(byFilter);
    all.putAll(byRequest);
    return all;
  }

  Selection select(ProjectName project, List<DistributionFile> files) {
    Map<Version, List<DistributionFile>> byVersion = new LinkedHashMap<>();
    for (DistributionFile f : files) {
      byVersion.computeIfAbsent(f.version(), v -> new ArrayList<>()).add(f);
    }
    Map<Version, String> excluded = excluded(project);
    List<Selected> selected = new ArrayList<>();
    Map<Version, Reason> rejected = new TreeMap<>();
    Map<Version, String> details = new TreeMap<>();
    for (Map.Entry<Version, List<DistributionFile>> e : byVersion.entrySet()) {
      Version version = e.getKey();
      if (excluded.containsKey(version)) {
        rejected.put(version, Reason.EXCLUDED);
        continue;
      }
      if (request.prereleases() == PrereleasePolicy.DISALLOW && version.isPrerelease()) {
        rejected.put(version, Reason.PRERELEASE);
        continue;
      }
      List<Ranked> usable = new ArrayList<>();
      Reason furthest = null;
      for (DistributionFile f : e.getValue()) {
        Reason why = check(project, f, usable);
        if (why != null && (furthest == null || why.ordinal() > furthest.ordinal())) {
          furthest = why;
        }
      }
      if (usable.isEmpty()) {
        rejected.put(version, furthest == null ? Reason.NO_COMPATIBLE_FILE : furthest);
        continue;
      }
      usable.sort(Comparator.comparingInt(Ranked::rank).thenComparing(r -> r.file.filename()));
      List<DistributionFile> usableFiles = usable.stream().map(Ranked::file).toList();
      String missing = missingRequiredEnvironment(usableFiles);
      if (missing != null) {
        rejected.put(version, Reason.REQUIRED_ENVIRONMENT);
        details.put(version, missing);
        continue;
      }
      selected.add(new Selected(version, usableFiles));
    }
    selected.sort(Comparator.comparing(Selected::version).reversed());
    return new Selection(selected, rejected, details);
  }

  /** Rank of a usable file: wheels by tag rank, sdists after every wheel. */
  private record Ranked(DistributionFile file, int rank) {}

  private Reason check(ProjectName project, DistributionFile f, List<Ranked> usable) {
    if (f.isYanked() && !pinned(project, f.version())) {
      return Reason.YANKED;
    }
    if (f.requiresPython() != null && !admitsTarget(f.requiresPython())) {
      return Reason.REQUIRES_PYTHON;
    }
    Instant newest = request.excludeNewer().orElse(null);
    if (newest != null && f.uploadTime() == null) {
      // a cutoff that files without a date slipped through would promise what it cannot keep
      return Reason.NO_UPLOAD_TIME;
    }
    if (newest != null && !f.uploadTime().isBefore(newest)) {
      return Reason.TOO_NEW;
    }
    if (f.isWheel() && region != null) {
      if (fileEnvironments.of(f.filename()).isDisjoint(region)) {
        return Reason.NO_COMPATIBLE_FILE;
      }
      usable.add(new Ranked(f, 0));
      return null;
    }
    if (f.isWheel()) {
      int rank = wheelRank(f.filename());
      if (rank < 0) {
        return Reason.NO_COMPATIBLE_FILE;
      }
      usable.add(new Ranked(f, rank));
      return null;
    }
    if (!isSdist(f.filename())) {
      return Reason.NO_COMPATIBLE_FILE;
    }
    if (request.onlyBinary()) {
      return Reason.ONLY_BINARY;
    }
    usable.add(new Ranked(f, Integer.MAX_VALUE));
    return null;
  }

  /**
   * The rank of a wheel for the target, -1 when it does not install there or its name is not a
   * wheel filename. Wheels with the same tag triple (the last three fields) share the rank, so the
   * tags of a triple are ranked once per resolution.
   */
  private int wheelRank(String filename) {
    String stem = filename.substring(0, filename.length() - ".whl".length());
    int third = stem.lastIndexOf('-', stem.lastIndexOf('-', stem.lastIndexOf('-') - 1) - 1);
    String triple = third < 0 ? filename : stem.substring(third + 1);
    Integer cached = wheelRanks.get(triple);
    if (cached != null) {
      return cached;
    }
    int rank;
    try {
      rank = tags.rank(WheelFilename.parse(filename));
    } catch (RuntimeException e) {
      return -1;
    }
    wheelRanks.put(triple, rank);
    return rank;
  }

  /**
   * The first required environment (a platform and Python cell of one) in which none of {@code
   * files} installs, as the marker the request named, or null.
   */
  private String missingRequiredEnvironment(List<DistributionFile> files) {
    for (Map.Entry<MarkerTree, String> cell : requiredCells.entrySet()) {
      boolean installable = false;
      for (DistributionFile f : files) {
        if (!fileEnvironments.of(f.filename()).isDisjoint(cell.getKey())) {
          installable = true;
          break;
        }
      }
      if (!installable) {
        return cell.getValue();
      }
    }
    return null;
  }

  /**
   * Whether a Requires-Python value admits the target (every Python of a universal region); an
   * unparsable value admits it.
   */
  boolean admitsTarget(String requiresPython) {
    return pythonOk.computeIfAbsent(
        requiresPython,
        rp -> {
          try {
            if (region != null) {
              return region.implies(MarkerTree.requiresPython(SpecifierSet.parse(rp)));
            }
            return SpecifierSet.parse(rp).contains(python, true);
          } catch (RuntimeException e) {
            return true;
          }
        });
  }

  static boolean isSdist(String filename) {
    String f = filename.toLowerCase(Locale.ROOT);
    return f.endsWith(".tar.gz") || f.endsWith(".zip") || f.endsWith(".tar.bz2")
        || f.endsWith(".tgz") || f.endsWith(".tar.xz") || f.endsWith(".tar");
  }

  /** PEP 592: a yanked version stays a candidate when a root or constraint pins it. */
  private boolean pinned(ProjectName project, Version version) {
    for (Requirement r : pins.getOrDefault(project, List.of())) {
      for (Specifier s : r.specifier().specifiers()) {
        boolean exact =
            s.operator().equals("===") || (s.operator().equals("==") && !s.version().endsWith(".*"));
        if (exact && s.contains(version, true)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The reason a whole project has no candidate, for a page of these files with these rejections. */
  String noCandidates(List<DistributionFile> files, Map<Version, Reason> rejected,
      Map<Version, String> details) {
    if (files.isEmpty() || rejected.isEmpty()) {
      return "no version on the index";
    }
    Map<Reason, Integer> counts = new TreeMap<>();
    rejected.values().forEach(r -> counts.merge(r, 1, Integer::sum));
    if (counts.size() == 1) {
      Reason only = counts.keySet().iterator().next();
      if (only == Reason.REQUIRED_ENVIRONMENT && !details.isEmpty()) {
        String newest = ((java.util.TreeMap<Version, String>) details).lastEntry().getValue();
        return "no version has a file for the required environment " + newest;
      }
      if (only == Reason.NO_COMPATIBLE_FILE && region != null) {
        return "no version has a file that installs there";
      }
      if (only == Reason.NO_COMPATIBLE_FILE || only == Reason.ONLY_BINARY) {
        return only.all + wheelTags(files);
      }
      return only == Reason.REQUIRES_PYTHON
          ? "no version supports Python " + python() + " (requires-python)"
          : only.all;
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((r, n) -> parts.add(n + " " + (r == Reason.REQUIRES_PYTHON
        ? "require another Python" : r.version)));
    return "no usable version (" + String.join(", ", parts) + ")";
  }

  /** How many wheel tags {@link #wheelTags} names before "and N more". */
  static final int LISTED_TAGS = 10;

  /**
   * The tags of the wheels among {@code files} (a compressed tag set expanded), deduplicated and
   * sorted, the first {@value #LISTED_TAGS} named, as {@code "; wheels exist for: ..."}; empty when
   * there is no wheel with a valid name.
   */
  static String wheelTags(List<DistributionFile> files) {
    java.util.TreeSet<String> tags = new java.util.TreeSet<>();
    for (DistributionFile f : files) {
      if (f.isWheel()) {
        try {
          WheelFilename.parse(f.filename()).tags().forEach(t -> tags.add(t.toString()));
        } catch (org.pylock4j.error.InvalidMetadataException e) {
          // not a wheel name: it names no tag
        }
      }
    }
    if (tags.isEmpty()) {
      return "";
    }
    List<String> listed = tags.stream().limit(LISTED_TAGS).toList();
    String more = tags.size() > LISTED_TAGS ? " and " + (tags.size() - LISTED_TAGS) + " more" : "";
    return "; wheels exist for: " + String.join(", ", listed) + more;
  }
}
