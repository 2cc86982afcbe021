package org.pylock4j.sat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.pylock4j.error.ResolutionLimitException;
import org.pylock4j.error.UnsatisfiableException;
import org.pylock4j.requirement.Marker;
import org.pylock4j.requirement.MarkerTree;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DependencyEdge;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.ResolutionStatistics;
import org.pylock4j.resolve.UniversalTarget;
import org.pylock4j.version.Version;

/**
 * A universal resolution (DESIGN "Universal locks"): regions of the covered environments, each
 * resolved by one {@link Session} in which a requirement applies when its marker holds somewhere
 * in the region. The first region is everything covered; a region that is unsatisfiable is split
 * in two on the first of its {@link Splits} (the part where the split marker holds first), and
 * each part resolved in turn, preferring the versions earlier regions chose; a region with no
 * split left fails with its explanation, prefixed with the region ({@code on sys_platform ==
 * "win32": …}). The results are merged: one entry per project and version, its marker the union
 * of where each region installs it, written within the covered environments.
 */
final class Forks {

  private final ResolutionRequest request;
  private final UniversalTarget universal;
  private final MarkerTree covered;
  private final FileEnvironments files = new FileEnvironments();
  private final Deque<MarkerTree> regions = new ArrayDeque<>();
  private final List<Region> done = new ArrayList<>();
  private final CompletableFuture<Resolution> result = new CompletableFuture<>();
  private final long started = System.nanoTime();
  private int forks;
  /** Second pass: the regions of the first, each preferring the versions the last region that
   * installed a project chose; null in the first pass. */
  private Map<ProjectName, Version> reconcile;
  private List<Region> firstPass;

  private record Region(MarkerTree where, Resolution resolution, Map<ProjectName, MarkerTree> installed) {}

  Forks(ResolutionRequest request) {
    this.request = request;
    this.universal = request.universal().orElseThrow();
    this.covered = universal.covered();
  }

  CompletableFuture<Resolution> start() {
    regions.add(covered);
    next();
    return result;
  }

  private void next() {
    if (result.isDone()) {
      return;
    }
    if (regions.isEmpty()) {
      if (reconcile == null && entries(done) > projects(done)) {
        startSecondPass();
      } else {
        try {
          if (firstPass != null && entries(firstPass) <= entries(done)) {
            done.clear();
            done.addAll(firstPass);
          }
          result.complete(merge());
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
        return;
      }
    }
    MarkerTree region = regions.poll();
    ResolutionRequest.Builder b = request.toBuilder();
    Map<ProjectName, Version> preferred = new TreeMap<>();
    for (Region r : done) {
      for (LockedPackage p : r.resolution.packages()) {
        preferred.putIfAbsent(p.name(), p.version());
      }
    }
    if (reconcile != null) {
      preferred.putAll(reconcile);
    }
    preferred.forEach((name, version) -> {
      if (!request.preferences().containsKey(name)) {
        b.prefer(name, version);
      }
    });
    Session session = new Session(b.build(), region, files);
    CompletableFuture<Resolution> running = session.start();
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        running.cancel(true);
      }
    });
    running.whenComplete((resolution, error) -> {
      Throwable cause = error instanceof CompletionException && error.getCause() != null
          ? error.getCause() : error;
      if (cause == null) {
        done.add(new Region(region, resolution, session.regionPackages));
        next();
      } else if (cause instanceof UnsatisfiableException unsat) {
        split(region, session.splits, unsat);
      } else {
        result.completeExceptionally(cause);
      }
    });
  }

  private void split(MarkerTree region, List<MarkerTree> splits, UnsatisfiableException unsat) {
    if (splits.isEmpty()) {
      String where = region.toString(covered);
      if (where.isEmpty()) {
        result.completeExceptionally(unsat);
      } else {
        result.completeExceptionally(new UnsatisfiableException(
            "on " + where + ": " + unsat.getMessage(), unsat.causes(), unsat.conflict()));
      }
      return;
    }
    if (++forks > universal.maxForks()) {
      result.completeExceptionally(new ResolutionLimitException("maxForks",
          "the universal resolution needed more than " + universal.maxForks()
              + " forks (UniversalTarget.maxForks); last unsatisfiable on "
              + region.toString(covered) + ": " + unsat.getMessage()));
      return;
    }
    MarkerTree s = splits.get(0);
    regions.addFirst(region.and(s.not()));
    regions.addFirst(region.and(s));
    next();
  }

  /**
   * Some project has several versions although the regions may not need them: resolve the same
   * regions again, each preferring, for every project, the version of the last region that
   * installed it (the one that deviated from the earlier regions' versions, when it did), and keep
   * the pass with fewer entries.
   */
  private void startSecondPass() {
    reconcile = new TreeMap<>();
    for (Region r : done) {
      for (LockedPackage p : r.resolution.packages()) {
        reconcile.put(p.name(), p.version());
      }
    }
    firstPass = List.copyOf(done);
    done.clear();
    for (Region r : firstPass) {
      regions.add(r.where);
    }
  }

  private static int entries(List<Region> regions) {
    Set<List<Object>> keys = new java.util.HashSet<>();
    for (Region r : regions) {
      for (LockedPackage p : r.resolution.packages()) {
        keys.add(List.of(p.name(), p.version()));
      }
    }
    return keys.size();
  }

  private static int projects(List<Region> regions) {
    Set<ProjectName> names = new java.util.HashSet<>();
    for (Region r : regions) {
      for (LockedPackage p : r.resolution.packages()) {
        names.add(p.name());
      }
    }
    return names.size();
  }

  private record Key(ProjectName name, Version version, String directUrl) {}

  private Resolution merge() {
    Comparator<Key> order = Comparator.comparing(Key::name)
        .thenComparing(Key::version).thenComparing(k -> String.valueOf(k.directUrl()));
    Map<Key, MarkerTree> where = new TreeMap<>(order);
    Map<Key, LockedPackage> first = new TreeMap<>(order);
    Map<Key, Set<String>> extras = new TreeMap<>(order);
    Map<Key, Set<DistributionFile>> keptFiles = new TreeMap<>(order);
    Set<DependencyEdge> edges = new LinkedHashSet<>();
    Set<String> warnings = new LinkedHashSet<>();
    int candidates = 0;
    int pages = 0;
    int metadata = 0;
    int rounds = 0;
    int calls = 0;
    for (Region r : done) {
      for (LockedPackage p : r.resolution.packages()) {
        Key k = new Key(p.name(), p.version(), p.directUrl());
        where.merge(k, r.installed.get(p.name()), MarkerTree::or);
        first.putIfAbsent(k, p);
        extras.computeIfAbsent(k, x -> new TreeSet<>()).addAll(p.extras());
        keptFiles.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(p.files());
      }
      edges.addAll(r.resolution.edges());
      warnings.addAll(r.resolution.warnings());
      ResolutionStatistics s = r.resolution.statistics();
      candidates += s.candidates();
      pages += s.pagesFetched();
      metadata += s.metadataFetched();
      rounds += s.rounds();
      calls += s.solverCalls();
    }
    List<LockedPackage> packages = new ArrayList<>();
    for (Map.Entry<Key, LockedPackage> e : first.entrySet()) {
      LockedPackage p = e.getValue();
      String marker = where.get(e.getKey()).toString(covered);
      List<DistributionFile> fileList = new ArrayList<>(keptFiles.get(e.getKey()));
      fileList.sort(Comparator.comparing((DistributionFile f) -> !f.isWheel())
          .thenComparing(DistributionFile::filename));
      packages.add(new LockedPackage(p.name(), p.version(), fileList, p.index(),
          extras.get(e.getKey()), p.directUrl(), marker.isEmpty() ? null : Marker.parse(marker)));
    }
    List<DependencyEdge> roots = new ArrayList<>();
    List<DependencyEdge> rest = new ArrayList<>();
    for (DependencyEdge edge : edges) {
      (edge.from() == null ? roots : rest).add(edge);
    }
    rest.sort(Comparator.comparing(DependencyEdge::from).thenComparing(DependencyEdge::to)
        .thenComparing(e -> e.requirement().toString()));
    roots.addAll(rest);
    ResolutionStatistics statistics = new ResolutionStatistics(candidates, pages, metadata,
        rounds, calls, Duration.ofNanos(System.nanoTime() - started));
    return new Resolution(request.requirements(), request.target(), packages, roots,
        List.copyOf(warnings), statistics, universal);
  }
}
