package org.pylock4j.locker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.pylock4j.error.IndexException;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.error.PylockException;
import org.pylock4j.input.DeclaredRequirement;
import org.pylock4j.lock.LockDrift;
import org.pylock4j.lock.LockFile;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.LockFormat;
import org.pylock4j.lock.LockOptions;
import org.pylock4j.lock.LockVerifier;
import org.pylock4j.lock.Pylock;
import org.pylock4j.lock.PylockPackage;
import org.pylock4j.lock.RequirementsTxt;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.PackageSource;
import org.pylock4j.resolve.PublisherIdentity;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.ResolverOptions;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.trust.BuildReport;
import org.pylock4j.trust.Finding;
import org.pylock4j.trust.PinnedIndexes;
import org.pylock4j.trust.TyposquatCheck;
import org.pylock4j.trust.TyposquatWarning;
import org.pylock4j.trust.VulnerabilityAudit;
import org.pylock4j.version.Version;

/** One {@link Locker#lock} call: inputs, indexes, resolution, checks, lock text. */
final class LockRun {

  private final Locker locker;
  private final LockRequest request;
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  LockRun(Locker locker, LockRequest request) {
    this.locker = locker;
    this.request = request;
  }

  LockResult lock() {
    return lock(null);
  }

  /** Locks; {@code whileOpen}, when not null, is run with the sources before they are closed. */
  LockResult lock(java.util.function.Consumer<Sources> whileOpen) {
    if (Inputs.isEmpty(request)) {
      throw new InvalidInputException(
          "nothing to lock: give requirements, -r FILE or --project pyproject.toml", "lock");
    }
    TargetEnvironment target = request.target().orElseThrow(
        () -> new IllegalStateException("target was not set in the request"));
    LockFormat format = format(request);
    Inputs inputs = Inputs.read(request, locker.environment());
    checkRootCount(inputs, request.resolverOptions().maxProjects());
    List<TyposquatWarning> typosquats = checkNames(inputs, request.strictNames());
    IndexSettings settings = IndexSettings.of(request, inputs);
    LockFile existing = existingLock();
    Map<ProjectName, Version> preferred = preferences(existing);

    Resolution resolution;
    Map<String, List<PublisherIdentity>> publishers;
    try (Sources sources = Sources.open(locker, settings, warnings::add)) {
      ResolutionRequest.Builder rr = resolutionRequest(inputs, target, settings, sources.source());
      preferred.forEach(rr::prefer);
      resolution = hashDirectUrls(resolve(rr, settings), sources.primary());
      publishers = publishers(resolution, sources.primary());
      if (whileOpen != null) {
        whileOpen.accept(sources);
      }
    }
    warnings.addAll(resolution.warnings());
    checkHashes(resolution, format);
    List<BuildReport.Build> builds = BuildReport.of(resolution);

    Path lockDir = lockDirectory(request);
    LockOptions.Builder options =
        LockOptions.builder().publisherIdentities(publishers).header(request.header());
    rootFiles(inputs, lockDir).forEach(options::inputFile);
    if (format == LockFormat.PYLOCK) {
      options.baseDirectory(lockDir).toolSettings(Recorded.toolTable(request, lockDir));
    } else {
      options.command(Recorded.command(request, lockDir, target,
          request.output().map(o -> o.getFileName().toString()).orElse(null)));
    }
    String text = LockText.write(resolution, options.build(), format);
    LockFile lock = LockFiles.read(text, format == LockFormat.PYLOCK ? "pylock.toml" : "lock.txt");
    List<LockDrift> drift = existing instanceof Pylock previous && lock instanceof Pylock now
        ? LockVerifier.publisherDrift(previous, now)
        : List.of();
    return new LockResult(lock, text, format, request.output().orElse(null), resolution, target,
        List.copyOf(warnings), typosquats, builds, drift, resolution.statistics());
  }

  /** The format: the request's, else by the output's name, else pylock.toml. */
  static LockFormat format(LockRequest request) {
    return request.format().orElseGet(() -> request.output()
        .map(o -> LockFormat.forFileName(o.getFileName().toString()))
        .orElse(LockFormat.PYLOCK));
  }

  /** The lock's directory: the output's, else the working directory. */
  static Path lockDirectory(LockRequest request) {
    Path out = request.output().map(o -> o.toAbsolutePath().normalize()).orElse(null);
    Path dir = out == null ? null : out.getParent();
    return dir != null ? dir : Path.of("").toAbsolutePath();
  }

  /**
   * Fails (exit 2) naming the input whose root requirement is the first project over {@code
   * maxProjects} distinct ones, before any page is fetched.
   */
  static void checkRootCount(Inputs inputs, int maxProjects) {
    java.util.Set<ProjectName> names = new java.util.HashSet<>();
    for (DeclaredRequirement r : inputs.roots()) {
      if (names.add(r.requirement().projectName()) && names.size() > maxProjects) {
        throw new InvalidInputException(r.location() + ": more than " + maxProjects
            + " distinct projects to lock (ResolverOptions.maxProjects)", r.location());
      }
    }
  }

  /** Typosquat warnings on the root names; with strict names, the first fails the lock. */
  static List<TyposquatWarning> checkNames(Inputs inputs, boolean strict) {
    List<Requirement> roots = new ArrayList<>();
    for (DeclaredRequirement r : inputs.roots()) {
      roots.add(r.requirement());
    }
    TyposquatCheck check = TyposquatCheck.standard();
    if (strict) {
      check.requireNoWarnings(roots);
      return List.of();
    }
    List<TyposquatWarning> out = new ArrayList<>();
    check.checkRequirements(roots).values().forEach(out::addAll);
    return out;
  }

  private static ResolverOptions withThreads(ResolverOptions o, int threads) {
    return new ResolverOptions(o.maxRounds(), threads, o.timeout(), o.explanationTimeout(),
        o.maxExplanationConflicts(), o.maxProjects());
  }

  /** The lock whose versions are preferred and whose publishers are compared, or null. */
  private LockFile existingLock() {
    Path path = request.existingLock().or(request::output).orElse(null);
    if (path == null || !Files.isRegularFile(path)) {
      return null;
    }
    try {
      return LockFiles.read(path, request.maxInputBytes());
    } catch (PylockException e) {
      if (!request.upgrade()) {
        warnings.add("ignoring the versions of " + path + ": " + e.getMessage());
      }
      return null;
    }
  }

  /** The versions of the existing lock, without the packages to upgrade. */
  private Map<ProjectName, Version> preferences(LockFile existing) {
    if (existing == null || request.upgrade()) {
      return Map.of();
    }
    Map<ProjectName, Version> pins = new LinkedHashMap<>();
    if (existing instanceof Pylock p) {
      for (PylockPackage pkg : p.packages()) {
        if (pkg.version() != null) {
          pins.putIfAbsent(pkg.name(), pkg.version());
        }
      }
    } else if (existing instanceof RequirementsTxt r) {
      for (RequirementsTxt.Pin pin : r.pins()) {
        if (pin.version() != null) {
          pins.putIfAbsent(pin.name(), pin.version());
        }
      }
    }
    for (ProjectName project : request.upgradePackages()) {
      if (pins.remove(project) == null) {
        warnings.add("--upgrade-package " + project + ": nothing by that name is locked in "
            + request.existingLock().or(request::output).map(Path::toString).orElse("the lock"));
      }
    }
    return pins;
  }

  private ResolutionRequest.Builder resolutionRequest(
      Inputs inputs, TargetEnvironment target, IndexSettings settings, PackageSource source) {
    ResolutionRequest.Builder builder = ResolutionRequest.builder()
        .target(target)
        .universal(request.universal().orElse(null))
        .source(source)
        .prereleases(request.prereleases().orElseGet(() -> prereleases(inputs)))
        .strategy(request.strategy().orElseGet(() -> inputs.settings().resolution() == null
            ? org.pylock4j.resolve.ResolutionStrategy.HIGHEST
            : org.pylock4j.input.ToolSettings.parseResolution(inputs.settings().resolution())))
        .excludeNewer(settings.excludeNewer())
        .onlyBinary(request.onlyBinary() || inputs.hints().onlyBinary)
        .listener(request.listener())
        .options(withThreads(request.resolverOptions(), settings.threads()));
    for (DeclaredRequirement r : inputs.roots()) {
      builder.requirement(r.requirement());
    }
    for (DeclaredRequirement c : inputs.constraints()) {
      builder.constraint(c.requirement());
    }
    inputs.overrides().forEach(builder::override);
    return builder;
  }

  private static org.pylock4j.resolve.PrereleasePolicy prereleases(Inputs inputs) {
    String value = inputs.settings().prerelease();
    if (value != null) {
      return org.pylock4j.input.ToolSettings.parsePrerelease(value);
    }
    return inputs.hints().prereleases
        ? org.pylock4j.resolve.PrereleasePolicy.ALLOW
        : org.pylock4j.resolve.PrereleasePolicy.IF_NECESSARY_OR_EXPLICIT;
  }

  /**
   * Resolves; with an advisory database, versions reported as malware are left out (and said so
   * in a warning naming the record), and with avoidVulnerable every vulnerable version.
   */
  private Resolution resolve(ResolutionRequest.Builder rr, IndexSettings settings) {
    if (!request.checksAdvisories()) {
      return resolve(rr.build());
    }
    Set<String> malware = new java.util.concurrent.ConcurrentSkipListSet<>();
    try (VulnerabilityAudit audit = locker.advisories(request)) {
      Predicate<Finding> avoid = request.avoidVulnerable() ? f -> true : Finding::isMalware;
      rr.versionFilter(audit.versionFilter(locker.blockingExecutor(), avoid, f -> {
        if (f.isMalware()) {
          malware.add("left out " + f.affected() + ": OSV reports it as MALWARE, " + f.ids()
              + (f.summary().isEmpty() ? "" : " " + f.summary())
              + " (--ignore-vuln " + f.id() + " would admit it)");
        }
      }));
      Resolution resolution = resolve(rr.build());
      if (!request.ignoredVulnerabilities().isEmpty()) {
        // an explicit ignore admits malware; the lock still says so, every time
        for (Finding f : audit.audit(resolution).ignored()) {
          if (f.isMalware()) {
            malware.add("locked " + f.affected() + " although OSV reports it as MALWARE, " + f.ids()
                + (f.summary().isEmpty() ? "" : " " + f.summary()) + " (ignored as asked)");
          }
        }
      }
      return resolution;
    } finally {
      warnings.addAll(malware);
    }
  }

  private volatile CompletableFuture<Resolution> running;
  private volatile boolean cancelled;

  /** Stops the resolution of this run, if one is running (from {@link Locker#lockAsync}). */
  void cancel() {
    cancelled = true;
    CompletableFuture<Resolution> r = running;
    if (r != null) {
      r.cancel(true);
    }
  }

  private Resolution resolve(ResolutionRequest rr) {
    if (cancelled) {
      throw new java.util.concurrent.CancellationException("lock cancelled");
    }
    CompletableFuture<Resolution> future = locker.resolver().resolveAsync(rr);
    running = future;
    if (cancelled) {
      future.cancel(true);
    }
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new PylockException("resolution failed: " + cause, cause);
    } catch (java.util.concurrent.CancellationException e) {
      throw new org.pylock4j.error.ResolutionCancelledException("the resolution was cancelled");
    }
  }

  /**
   * The PEP 740 publisher identities of every locked file whose index serves provenance, by
   * filename (a provenance that fails a check fails the lock as an index failure).
   */
  private static Map<String, List<PublisherIdentity>> publishers(
      Resolution resolution, PypiIndex index) {
    Map<String, CompletableFuture<List<PublisherIdentity>>> pending = new TreeMap<>();
    for (LockedPackage p : resolution.packages()) {
      for (DistributionFile f : p.files()) {
        if (f.provenance() != null) {
          pending.put(f.filename(), index.publishers(f));
        }
      }
    }
    Map<String, List<PublisherIdentity>> identities = new TreeMap<>();
    pending.forEach((file, future) -> {
      try {
        identities.put(file, future.join());
      } catch (CompletionException e) {
        throw e.getCause() instanceof PylockException pe ? pe : e;
      }
    });
    return identities;
  }

  /**
   * {@code resolution} with each http(s) file of a direct URL given without a hash hashed: it is
   * downloaded, streamed, and its sha256 recorded (as pip-compile and uv do); a {@code file:} one
   * is hashed when it is read.
   */
  private static Resolution hashDirectUrls(Resolution resolution, PypiIndex index) {
    boolean any = resolution.packages().stream().anyMatch(p -> p.directUrl() != null
        && p.files().stream().anyMatch(LockRun::unhashedRemote));
    if (!any) {
      return resolution;
    }
    List<LockedPackage> packages = new ArrayList<>();
    for (LockedPackage p : resolution.packages()) {
      if (p.directUrl() == null || p.files().stream().noneMatch(LockRun::unhashedRemote)) {
        packages.add(p);
        continue;
      }
      List<DistributionFile> files = new ArrayList<>();
      for (DistributionFile f : p.files()) {
        if (!unhashedRemote(f)) {
          files.add(f);
          continue;
        }
        String sha256;
        try {
          sha256 = index.sha256(f).join();
        } catch (CompletionException e) {
          throw e.getCause() instanceof PylockException pe ? pe : e;
        }
        files.add(new DistributionFile(f.project(), f.version(), f.filename(), f.url(),
            Map.of("sha256", sha256), f.requiresPython(), f.yanked(), f.uploadTime(), f.size(),
            f.coreMetadataHashes(), f.provenance()));
      }
      packages.add(new LockedPackage(p.name(), p.version(), files, p.index(), p.extras(),
          p.directUrl(), p.marker()));
    }
    return new Resolution(resolution.roots(), resolution.target(), packages, resolution.edges(),
        resolution.warnings(), resolution.statistics(), resolution.universal());
  }

  private static boolean unhashedRemote(DistributionFile f) {
    return f.hashes().isEmpty() && (f.url().startsWith("http://") || f.url().startsWith("https://"));
  }

  /**
   * Refuses files the index gives no hash for, unless a requirements file may be written without
   * them (then says so).
   */
  private void checkHashes(Resolution resolution, LockFormat format) {
    Map<ProjectName, List<DistributionFile>> unhashed = LockText.unhashed(resolution);
    if (unhashed.isEmpty()) {
      return;
    }
    int files = unhashed.values().stream().mapToInt(List::size).sum();
    Map.Entry<ProjectName, List<DistributionFile>> first = unhashed.entrySet().iterator().next();
    String example = first.getValue().get(0).filename();
    String missing = "the index gives no hash for " + files + (files == 1 ? " file" : " files");
    boolean allow = request.allowUnhashed();
    if (!allow || format == LockFormat.PYLOCK) {
      throw new IndexException(
          missing + " to lock (" + first.getKey() + ": " + example + ")"
              + (allow
                  ? ", and pylock.toml (PEP 751) requires one for each; write a requirements"
                      + " file (-o requirements.txt) to lock them without"
                  : "; every locked file needs one (--allow-unhashed locks them without, in a"
                      + " requirements file)"),
          first.getValue().get(0).url(), 0, null);
    }
    warnings.add(missing + " (e.g. " + example + "): locked without one, so installers cannot"
        + " check them (pip --require-hashes refuses such a lock)");
  }

  /**
   * Where each root came from, for {@code # via -r FILE}: only requirements from files, named as
   * the header names them (relative to the lock's directory when under it), so that the lock is
   * the same in every checkout however the files were given (Maven passes absolute paths).
   */
  private static Map<ProjectName, String> rootFiles(Inputs inputs, Path lockDir) {
    Map<ProjectName, String> files = new LinkedHashMap<>();
    for (DeclaredRequirement r : inputs.roots()) {
      if (!r.file().startsWith("<")) {
        files.computeIfAbsent(r.requirement().projectName(), n -> recordedPath(r.file(), lockDir));
      }
    }
    return files;
  }

  private static String recordedPath(String file, Path lockDir) {
    try {
      return Recorded.path(Path.of(file), lockDir);
    } catch (java.nio.file.InvalidPathException e) {
      return file;
    }
  }

  /** The sources of one run: the index, wrapped when projects are pinned to other indexes. */
  static final class Sources implements AutoCloseable {
    private final PypiIndex primary;
    private final PackageSource source;
    private final List<PypiIndex> opened;

    private Sources(PypiIndex primary, PackageSource source, List<PypiIndex> opened) {
      this.primary = primary;
      this.source = source;
      this.opened = opened;
    }

    static Sources open(
        Locker locker, IndexSettings settings, java.util.function.Consumer<String> warnings) {
      List<PypiIndex> opened = new ArrayList<>();
      try {
        PypiIndex primary =
            locker.index(settings.urls(), settings.strategy(), settings, warnings);
        opened.add(primary);
        if (settings.pins().isEmpty()) {
          return new Sources(primary, primary, opened);
        }
        Map<String, PypiIndex> byUrl = new LinkedHashMap<>();
        PinnedIndexes.Builder builder = PinnedIndexes.builder(primary);
        settings.pins().forEach((name, url) -> builder.pin(name, byUrl.computeIfAbsent(url, u -> {
          PypiIndex index =
              locker.index(List.of(u), org.pylock4j.pypi.IndexStrategy.FIRST_INDEX, settings,
                  warnings);
          opened.add(index);
          return index;
        })));
        return new Sources(primary, builder.build(), opened);
      } catch (RuntimeException e) {
        opened.forEach(PypiIndex::close);
        throw e;
      }
    }

    PypiIndex primary() {
      return primary;
    }

    PackageSource source() {
      return source;
    }

    @Override
    public void close() {
      opened.forEach(PypiIndex::close);
    }
  }
}
