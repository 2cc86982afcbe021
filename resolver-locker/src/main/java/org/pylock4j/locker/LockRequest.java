package org.pylock4j.locker;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pylock4j.input.InputFiles;
import org.pylock4j.lock.LockFormat;
import org.pylock4j.pypi.IndexStrategy;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.PrereleasePolicy;
import org.pylock4j.resolve.ResolutionListener;
import org.pylock4j.resolve.ResolutionStrategy;
import org.pylock4j.resolve.ResolverOptions;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.resolve.UniversalTarget;

/**
 * What to lock and how: everything {@code pylock4j lock} accepts. Immutable; built with {@link
 * #builder()}, changed with {@link #toBuilder()}.
 *
 * <pre>{@code
 * LockRequest request = LockRequest.builder()
 *     .requirementsFile(Path.of("requirements.in"))
 *     .indexUrl("https://pypi.org/simple/")
 *     .target(TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64))
 *     .output(Path.of("pylock.toml"))
 *     .build();
 * }</pre>
 *
 * <p>Settings that can also come from the inputs (an index URL in a requirements file, {@code
 * [tool.pylock4j]} of the project) are {@link Optional} here: unset means "from the inputs, else
 * the default". Where several sources give one, the request wins, then the requirements files,
 * then {@code [tool.pylock4j]}, as on the command line.
 */
public final class LockRequest {

  private final List<String> requirements;
  private final List<Path> requirementsFiles;
  private final List<Path> constraintsFiles;
  private final List<String> constraints;
  private final List<String> overrides;
  private final Path project;
  private final Set<String> extras;
  private final Set<String> groups;
  private final String indexUrl;
  private final List<String> extraIndexUrls;
  private final Map<ProjectName, String> indexPins;
  private final IndexStrategy indexStrategy;
  private final TargetEnvironment target;
  private final UniversalTarget universal;
  private final PrereleasePolicy prereleases;
  private final ResolutionStrategy strategy;
  private final Instant excludeNewer;
  private final boolean avoidVulnerable;
  private final boolean refuseMalware;
  private final String osvUrl;
  private final Path osvExport;
  private final Set<String> ignoredVulnerabilities;
  private final boolean onlyBinary;
  private final boolean allowUnhashed;
  private final boolean strictNames;
  private final boolean header;
  private final Path output;
  private final Path existingLock;
  private final boolean upgrade;
  private final Set<ProjectName> upgradePackages;
  private final LockFormat format;
  private final Path cacheDirectory;
  private final boolean offline;
  private final int threads;
  private final ResolutionListener listener;
  private final java.time.Duration requestTimeout;
  private final SizeLimit maxPageBytes;
  private final SizeLimit maxMetadataBytes;
  private final SizeLimit maxFileBytes;
  private final SizeLimit maxOsvResponseBytes;
  private final ResolverOptions resolverOptions;
  private final long maxInputBytes;

  private LockRequest(Builder b) {
    this.requirements = List.copyOf(b.requirements);
    this.requirementsFiles = List.copyOf(b.requirementsFiles);
    this.constraintsFiles = List.copyOf(b.constraintsFiles);
    this.constraints = List.copyOf(b.constraints);
    this.overrides = List.copyOf(b.overrides);
    this.project = b.project;
    this.extras = copyOrdered(b.extras);
    this.groups = copyOrdered(b.groups);
    this.indexUrl = b.indexUrl;
    this.extraIndexUrls = List.copyOf(b.extraIndexUrls);
    this.indexPins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.indexPins));
    this.indexStrategy = b.indexStrategy;
    this.target = b.target;
    this.universal = b.universal;
    this.prereleases = b.prereleases;
    this.strategy = b.strategy;
    this.excludeNewer = b.excludeNewer;
    this.avoidVulnerable = b.avoidVulnerable;
    this.refuseMalware = b.refuseMalware;
    this.osvUrl = b.osvUrl;
    this.osvExport = b.osvExport;
    this.ignoredVulnerabilities = copyOrdered(b.ignoredVulnerabilities);
    this.onlyBinary = b.onlyBinary;
    this.allowUnhashed = b.allowUnhashed;
    this.strictNames = b.strictNames;
    this.header = b.header;
    this.output = b.output;
    this.existingLock = b.existingLock;
    this.upgrade = b.upgrade;
    this.upgradePackages = copyOrdered(b.upgradePackages);
    this.format = b.format;
    this.cacheDirectory = b.cacheDirectory;
    this.offline = b.offline;
    this.threads = b.threads;
    this.listener = b.listener;
    this.requestTimeout = b.requestTimeout;
    this.maxPageBytes = b.maxPageBytes;
    this.maxMetadataBytes = b.maxMetadataBytes;
    this.maxFileBytes = b.maxFileBytes;
    this.maxOsvResponseBytes = b.maxOsvResponseBytes;
    this.resolverOptions = b.resolverOptions;
    this.maxInputBytes = b.maxInputBytes;
  }

  private static <T> Set<T> copyOrdered(Collection<T> values) {
    return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
  }

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this request's settings} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** {@return the PEP 508 requirement strings given directly, in order; never null} */
  public List<String> requirements() {
    return requirements;
  }

  /** {@return the requirements files ({@code -r}), in order; never null} */
  public List<Path> requirementsFiles() {
    return requirementsFiles;
  }

  /** {@return the constraints files ({@code -c}), in order; never null} */
  public List<Path> constraintsFiles() {
    return constraintsFiles;
  }

  /** {@return constraint strings given directly (limit versions without adding requirements)} */
  public List<String> constraints() {
    return constraints;
  }

  /** {@return override strings: replace every requirement on the same project} */
  public List<String> overrides() {
    return overrides;
  }

  /** {@return the {@code pyproject.toml}, if set} */
  public Optional<Path> project() {
    return Optional.ofNullable(project);
  }

  /** {@return the extras of the project to include, in order} */
  public Set<String> extras() {
    return extras;
  }

  /** {@return the PEP 735 dependency groups of the project to include, in order} */
  public Set<String> groups() {
    return groups;
  }

  /** {@return the primary index (URL or directory), if set; else from the inputs, else PyPI} */
  public Optional<String> indexUrl() {
    return Optional.ofNullable(indexUrl);
  }

  /** {@return more indexes, searched after the primary one} */
  public List<String> extraIndexUrls() {
    return extraIndexUrls;
  }

  /**
   * {@return projects read from one index only (the dependency-confusion defence), project to URL}
   */
  public Map<ProjectName, String> indexPins() {
    return indexPins;
  }

  /** {@return the index strategy, if set; the default is {@link IndexStrategy#FIRST_INDEX}} */
  public Optional<IndexStrategy> indexStrategy() {
    return Optional.ofNullable(indexStrategy);
  }

  /**
   * {@return the environment to lock for, if set; required to lock (a lock being verified records it)}
   */
  public Optional<TargetEnvironment> target() {
    return Optional.ofNullable(target);
  }

  /**
   * The environments of a universal lock (PEP 751 {@code environments}, per-package {@code
   * marker}s), if set; then {@link #target()} only serves direct URL requirements.
   *
   * @return the universal target, empty for a lock of one environment
   */
  public Optional<UniversalTarget> universal() {
    return Optional.ofNullable(universal);
  }

  /** {@return the pre-release policy, if set; the default is {@code IF_NECESSARY_OR_EXPLICIT}} */
  public Optional<PrereleasePolicy> prereleases() {
    return Optional.ofNullable(prereleases);
  }

  /** {@return the resolution strategy, if set; the default is {@code HIGHEST}} */
  public Optional<ResolutionStrategy> strategy() {
    return Optional.ofNullable(strategy);
  }

  /** {@return files uploaded at or after this instant are ignored, if set} */
  public Optional<Instant> excludeNewer() {
    return Optional.ofNullable(excludeNewer);
  }

  /** {@return whether versions with a known vulnerability (OSV) are left out of the resolution} */
  public boolean avoidVulnerable() {
    return avoidVulnerable;
  }

  /**
   * Whether versions that OSV reports as malware (a {@code MAL-} record) are left out of the
   * resolution even when no OSV database is set: then the OSV API is asked. A lock that has
   * advisory data ({@link #osvUrl()}, {@link #osvExport()} or {@link #avoidVulnerable()}) always
   * leaves them out, unless a record is {@linkplain #ignoredVulnerabilities() ignored}.
   *
   * @return whether malware is refused with the OSV API as the default database
   */
  public boolean refuseMalware() {
    return refuseMalware;
  }

  /** Whether this lock consults an advisory database: for malware, and every vulnerability with avoidVulnerable. */
  boolean checksAdvisories() {
    return avoidVulnerable || refuseMalware || osvUrl != null || osvExport != null;
  }

  /** {@return the OSV API base URL, if set; the default is {@code https://api.osv.dev}} */
  public Optional<String> osvUrl() {
    return Optional.ofNullable(osvUrl);
  }

  /** {@return an offline OSV export (directory or zip) to use instead of the API, if set} */
  public Optional<Path> osvExport() {
    return Optional.ofNullable(osvExport);
  }

  /** {@return vulnerability ids or aliases not to avoid} */
  public Set<String> ignoredVulnerabilities() {
    return ignoredVulnerabilities;
  }

  /** {@return whether sdists are refused} */
  public boolean onlyBinary() {
    return onlyBinary;
  }

  /** {@return whether a requirements lock may pin files the index gives no hash for} */
  public boolean allowUnhashed() {
    return allowUnhashed;
  }

  /** {@return whether a requested name that looks like a popular project's fails the lock} */
  public boolean strictNames() {
    return strictNames;
  }

  /**
   * Whether the lock starts with its generated header comment (the default). A requirements
   * lock's header records the command that made it, so {@code verify} of a lock written without
   * one needs the lock's options again.
   *
   * @return whether the lock text has its header comment
   */
  public boolean header() {
    return header;
  }

  /**
   * Where the lock is to be written, if set. Paths recorded in the lock (input files, local
   * indexes) are relative to its directory, and the lock there, if any, is the existing lock
   * unless {@link #existingLock()} names another.
   *
   * @return the output path, empty when none is set
   */
  public Optional<Path> output() {
    return Optional.ofNullable(output);
  }

  /**
   * {@return the lock whose versions are preferred, if set; by default the lock at {@link #output()}}
   */
  public Optional<Path> existingLock() {
    return Optional.ofNullable(existingLock);
  }

  /** {@return whether the versions of the existing lock are ignored} */
  public boolean upgrade() {
    return upgrade;
  }

  /** {@return projects free to move to their newest allowed version; the others keep theirs} */
  public Set<ProjectName> upgradePackages() {
    return upgradePackages;
  }

  /**
   * {@return the output format, if set; by default decided by the output's name (.txt: requirements)}
   */
  public Optional<LockFormat> format() {
    return Optional.ofNullable(format);
  }

  /** {@return the HTTP and metadata cache directory, if set; no disk cache when unset} */
  public Optional<Path> cacheDirectory() {
    return Optional.ofNullable(cacheDirectory);
  }

  /** {@return whether only the cache is read (fails when it misses)} */
  public boolean offline() {
    return offline;
  }

  /** {@return index requests in flight at once. The default is 16} */
  public int threads() {
    return threads;
  }

  /** {@return the progress listener; a no-op one by default} */
  public ResolutionListener listener() {
    return listener;
  }

  /**
   * The longest one index request may take in total, retries included, if set (zero: no
   * limit); the index's default otherwise (five minutes).
   *
   * @return the timeout, empty when the index's default applies
   */
  public Optional<java.time.Duration> requestTimeout() {
    return Optional.ofNullable(requestTimeout);
  }

  /**
   * A size limit in bytes and the setting it comes from (a command-line option, a configuration
   * key), which the error names when the limit is exceeded.
   *
   * @param bytes the limit, positive
   * @param from the name of the setting, never null
   */
  public record SizeLimit(long bytes, String from) {
    /**
     * Checks the values.
     *
     * @param bytes the limit, must be positive
     * @param from the name of the setting, must not be null
     */
    public SizeLimit {
      if (bytes <= 0) {
        throw new IllegalArgumentException(from + " must be positive, was " + bytes);
      }
      java.util.Objects.requireNonNull(from, "from");
    }
  }

  /** {@return the largest index page accepted, if set; the index's default (64 MiB) otherwise} */
  public Optional<SizeLimit> maxPageBytes() {
    return Optional.ofNullable(maxPageBytes);
  }

  /**
   * {@return the largest metadata file or METADATA entry accepted, if set; the index's default
   * (16 MiB) otherwise}
   */
  public Optional<SizeLimit> maxMetadataBytes() {
    return Optional.ofNullable(maxMetadataBytes);
  }

  /**
   * The largest part of a distribution read at once for its metadata (a whole download, a range,
   * a central directory), if set; the index's default (512 MiB) otherwise. Local wheels are read
   * in place, whatever their size.
   *
   * @return the limit, if set
   */
  public Optional<SizeLimit> maxFileBytes() {
    return Optional.ofNullable(maxFileBytes);
  }

  /**
   * The largest answer of the OSV API accepted, if set; {@code
   * VulnerabilityAudit.DEFAULT_MAX_RESPONSE_BYTES} (64 MiB) otherwise.
   *
   * @return the limit, if set
   */
  public Optional<SizeLimit> maxOsvResponseBytes() {
    return Optional.ofNullable(maxOsvResponseBytes);
  }

  /**
   * The resolver's limits (rounds, time budget, explanation budget); {@link
   * ResolverOptions#DEFAULTS} by default. Its {@code maxParallelFetches} is replaced by {@link
   * #threads()}.
   *
   * @return the resolver's limits, never null
   */
  public ResolverOptions resolverOptions() {
    return resolverOptions;
  }

  /**
   * The most bytes one input file may have (requirements, constraints, pyproject.toml, the
   * existing lock); {@link InputFiles#DEFAULT_MAX_BYTES} (16 MiB) by default.
   *
   * @return the limit in bytes
   */
  public long maxInputBytes() {
    return maxInputBytes;
  }

  /** Builds a {@link LockRequest}. Not thread-safe; {@link #build()} leaves it unchanged. */
  public static final class Builder {
    private final List<String> requirements = new ArrayList<>();
    private final List<Path> requirementsFiles = new ArrayList<>();
    private final List<Path> constraintsFiles = new ArrayList<>();
    private final List<String> constraints = new ArrayList<>();
    private final List<String> overrides = new ArrayList<>();
    private Path project;
    private final List<String> extras = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private String indexUrl;
    private final List<String> extraIndexUrls = new ArrayList<>();
    private final Map<ProjectName, String> indexPins = new LinkedHashMap<>();
    private IndexStrategy indexStrategy;
    private TargetEnvironment target;
    private UniversalTarget universal;
    private PrereleasePolicy prereleases;
    private ResolutionStrategy strategy;
    private Instant excludeNewer;
    private boolean avoidVulnerable;
    private boolean refuseMalware;
    private String osvUrl;
    private Path osvExport;
    private final List<String> ignoredVulnerabilities = new ArrayList<>();
    private boolean onlyBinary;
    private boolean allowUnhashed;
    private boolean strictNames;
    private boolean header = true;
    private Path output;
    private Path existingLock;
    private boolean upgrade;
    private final List<ProjectName> upgradePackages = new ArrayList<>();
    private LockFormat format;
    private Path cacheDirectory;
    private boolean offline;
    private int threads = 16;
    private ResolutionListener listener = new ResolutionListener() {};
    private java.time.Duration requestTimeout;
    private SizeLimit maxPageBytes;
    private SizeLimit maxMetadataBytes;
    private SizeLimit maxFileBytes;
    private SizeLimit maxOsvResponseBytes;
    private ResolverOptions resolverOptions = ResolverOptions.DEFAULTS;
    private long maxInputBytes = InputFiles.DEFAULT_MAX_BYTES;

    private Builder() {}

    private Builder(LockRequest r) {
      requirements.addAll(r.requirements);
      requirementsFiles.addAll(r.requirementsFiles);
      constraintsFiles.addAll(r.constraintsFiles);
      constraints.addAll(r.constraints);
      overrides.addAll(r.overrides);
      project = r.project;
      extras.addAll(r.extras);
      groups.addAll(r.groups);
      indexUrl = r.indexUrl;
      extraIndexUrls.addAll(r.extraIndexUrls);
      indexPins.putAll(r.indexPins);
      indexStrategy = r.indexStrategy;
      target = r.target;
      universal = r.universal;
      prereleases = r.prereleases;
      strategy = r.strategy;
      excludeNewer = r.excludeNewer;
      avoidVulnerable = r.avoidVulnerable;
      refuseMalware = r.refuseMalware;
      osvUrl = r.osvUrl;
      osvExport = r.osvExport;
      ignoredVulnerabilities.addAll(r.ignoredVulnerabilities);
      onlyBinary = r.onlyBinary;
      allowUnhashed = r.allowUnhashed;
      strictNames = r.strictNames;
      header = r.header;
      output = r.output;
      existingLock = r.existingLock;
      upgrade = r.upgrade;
      upgradePackages.addAll(r.upgradePackages);
      format = r.format;
      cacheDirectory = r.cacheDirectory;
      offline = r.offline;
      threads = r.threads;
      listener = r.listener;
      requestTimeout = r.requestTimeout;
      maxPageBytes = r.maxPageBytes;
      maxMetadataBytes = r.maxMetadataBytes;
      maxFileBytes = r.maxFileBytes;
      maxOsvResponseBytes = r.maxOsvResponseBytes;
      resolverOptions = r.resolverOptions;
      maxInputBytes = r.maxInputBytes;
    }

    /**
     * Adds a PEP 508 requirement string, e.g. {@code "requests>=2"}; checked when locking.
     *
     * @param requirement a PEP 508 requirement, must not be null
     * @return this builder
     */
    public Builder requirement(String requirement) {
      requirements.add(Objects.requireNonNull(requirement, "requirement"));
      return this;
    }

    /**
     * Adds requirement strings.
     *
     * @param more PEP 508 requirements, must not be null
     * @return this builder
     */
    public Builder requirements(Collection<String> more) {
      more.forEach(this::requirement);
      return this;
    }

    /**
     * Adds a requirements file: its requirements, {@code -c} lines and index lines count.
     *
     * @param file the requirements file, must not be null
     * @return this builder
     */
    public Builder requirementsFile(Path file) {
      requirementsFiles.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * Adds a constraints file.
     *
     * @param file the constraints file, must not be null
     * @return this builder
     */
    public Builder constraintsFile(Path file) {
      constraintsFiles.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * Adds a constraint string.
     *
     * @param constraint a PEP 508 requirement, must not be null
     * @return this builder
     */
    public Builder constraint(String constraint) {
      constraints.add(Objects.requireNonNull(constraint, "constraint"));
      return this;
    }

    /**
     * Adds an override string: it replaces every requirement on its project.
     *
     * @param override a PEP 508 requirement, must not be null
     * @return this builder
     */
    public Builder override(String override) {
      overrides.add(Objects.requireNonNull(override, "override"));
      return this;
    }

    /**
     * Sets the {@code pyproject.toml} whose dependencies are locked; null clears it.
     *
     * @param pyproject the pyproject.toml, or null for none
     * @return this builder
     */
    public Builder project(Path pyproject) {
      this.project = pyproject;
      return this;
    }

    /**
     * Includes an extra of the project ({@code [project.optional-dependencies]}).
     *
     * @param extra the extra's name, must not be null
     * @return this builder
     */
    public Builder extra(String extra) {
      extras.add(Objects.requireNonNull(extra, "extra"));
      return this;
    }

    /**
     * Includes a PEP 735 dependency group of the project.
     *
     * @param group the group's name, must not be null
     * @return this builder
     */
    public Builder group(String group) {
      groups.add(Objects.requireNonNull(group, "group"));
      return this;
    }

    /**
     * Sets {@link LockRequest#maxPageBytes()}.
     *
     * @param limit the limit, or null for the default
     * @return this builder
     */
    public Builder maxPageBytes(SizeLimit limit) {
      this.maxPageBytes = limit;
      return this;
    }

    /**
     * Sets {@link LockRequest#maxMetadataBytes()}.
     *
     * @param limit the limit, or null for the default
     * @return this builder
     */
    public Builder maxMetadataBytes(SizeLimit limit) {
      this.maxMetadataBytes = limit;
      return this;
    }

    /**
     * Sets {@link LockRequest#maxFileBytes()}.
     *
     * @param limit the limit, or null for the default
     * @return this builder
     */
    public Builder maxFileBytes(SizeLimit limit) {
      this.maxFileBytes = limit;
      return this;
    }

    /**
     * Sets {@link LockRequest#maxOsvResponseBytes()}.
     *
     * @param limit the limit, or null for the default
     * @return this builder
     */
    public Builder maxOsvResponseBytes(SizeLimit limit) {
      this.maxOsvResponseBytes = limit;
      return this;
    }

    /**
     * Sets the primary index: a URL, a {@code file:} URL or a directory; null clears it.
     *
     * @param url the index URL or directory, or null for the default
     * @return this builder
     */
    public Builder indexUrl(String url) {
      this.indexUrl = url;
      return this;
    }

    /**
     * Adds an index searched after the primary one.
     *
     * @param url the index URL or directory, must not be null
     * @return this builder
     */
    public Builder extraIndexUrl(String url) {
      extraIndexUrls.add(Objects.requireNonNull(url, "url"));
      return this;
    }

    /**
     * Reads {@code project} from the index at {@code url} only, never from the others.
     *
     * @param project the project, must not be null
     * @param url its index URL or directory, must not be null
     * @return this builder
     * @throws IllegalStateException when {@code project} is already pinned to another index
     */
    public Builder indexPin(ProjectName project, String url) {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(url, "url");
      String previous = indexPins.get(project);
      if (previous != null && !previous.equals(url)) {
        throw new IllegalStateException(
            "index pin of " + project + " was already set to " + previous);
      }
      indexPins.put(project, url);
      return this;
    }

    /**
     * Sets the index strategy; null clears it.
     *
     * @param strategy the strategy, or null
     * @return this builder
     */
    public Builder indexStrategy(IndexStrategy strategy) {
      this.indexStrategy = strategy;
      return this;
    }

    /**
     * Sets the environment to lock for; null clears it.
     *
     * @param target the target, or null
     * @return this builder
     */
    public Builder target(TargetEnvironment target) {
      this.target = target;
      return this;
    }

    /**
     * Locks for every environment of {@code universal} instead of the target alone (what {@code
     * pylock4j lock --universal} does); null clears it. The default is none.
     *
     * @param universal the universal target, or null
     * @return this builder
     */
    public Builder universal(UniversalTarget universal) {
      this.universal = universal;
      return this;
    }

    /**
     * Sets the pre-release policy; null clears it.
     *
     * @param policy the policy, or null
     * @return this builder
     */
    public Builder prereleases(PrereleasePolicy policy) {
      this.prereleases = policy;
      return this;
    }

    /**
     * Sets the resolution strategy; null clears it.
     *
     * @param strategy the strategy, or null
     * @return this builder
     */
    public Builder strategy(ResolutionStrategy strategy) {
      this.strategy = strategy;
      return this;
    }

    /**
     * Ignores files uploaded at or after {@code instant}; null clears it.
     *
     * @param instant the upload time limit, or null for none
     * @return this builder
     */
    public Builder excludeNewer(Instant instant) {
      this.excludeNewer = instant;
      return this;
    }

    /**
     * Leaves versions with a known vulnerability out of the resolution.
     *
     * @param avoid true to avoid vulnerable versions
     * @return this builder
     */
    public Builder avoidVulnerable(boolean avoid) {
      this.avoidVulnerable = avoid;
      return this;
    }

    /**
     * Leaves versions that OSV reports as malware (a {@code MAL-} record) out of the resolution,
     * asking the OSV API ({@code https://api.osv.dev}) when neither {@link #osvUrl} nor {@link
     * #osvExport} is set. Setting either of those, or {@link #avoidVulnerable}, refuses malware
     * too; this option is for a lock that should ask the default API for malware only. The
     * default is false: a lock consults no advisory database unless told to.
     *
     * @param refuse true to refuse malware, asking the OSV API when no database is set
     * @return this builder
     */
    public Builder refuseMalware(boolean refuse) {
      this.refuseMalware = refuse;
      return this;
    }

    /**
     * Sets the OSV API base URL (http or https); null clears it. A lock with an OSV database
     * leaves out versions reported as malware; see {@link #refuseMalware}.
     *
     * @param url the URL, or null
     * @return this builder
     */
    public Builder osvUrl(String url) {
      this.osvUrl = url;
      return this;
    }

    /**
     * Sets an offline OSV export (directory of OSV JSON files, or a zip); null clears it. A lock
     * with an OSV database leaves out versions reported as malware; see {@link #refuseMalware}.
     *
     * @param export the export, or null
     * @return this builder
     */
    public Builder osvExport(Path export) {
      this.osvExport = export;
      return this;
    }

    /**
     * Does not avoid the vulnerability with this id or alias: also a malware record ({@code
     * MAL-…}), which admits the version it reports.
     *
     * @param id the id or alias, must not be null
     * @return this builder
     */
    public Builder ignoreVulnerability(String id) {
      ignoredVulnerabilities.add(Objects.requireNonNull(id, "id"));
      return this;
    }

    /**
     * Refuses sdists.
     *
     * @param onlyBinary true to refuse sdists
     * @return this builder
     */
    public Builder onlyBinary(boolean onlyBinary) {
      this.onlyBinary = onlyBinary;
      return this;
    }

    /**
     * Lets a requirements lock pin files without a hash (and warns).
     *
     * @param allow true to allow files without a hash
     * @return this builder
     */
    public Builder allowUnhashed(boolean allow) {
      this.allowUnhashed = allow;
      return this;
    }

    /**
     * Sets whether the lock starts with its generated header comment (pip-compile's {@code
     * --no-header} is {@code header(false)}): a requirements file's comment block, which records
     * the command so that {@code verify} needs no options, and a {@code pylock.toml}'s {@code #
     * This file is @generated …} line. The default is true.
     *
     * @param header false to leave the header comment out
     * @return this builder
     */
    public Builder header(boolean header) {
      this.header = header;
      return this;
    }

    /**
     * Fails on a requested name that looks like a popular project's instead of warning.
     *
     * @param strict true to fail on a likely typosquat
     * @return this builder
     */
    public Builder strictNames(boolean strict) {
      this.strictNames = strict;
      return this;
    }

    /**
     * Sets where the lock is to be written; null: nowhere (paths relative to the cwd).
     *
     * @param lock the lock's path, or null
     * @return this builder
     */
    public Builder output(Path lock) {
      this.output = lock;
      return this;
    }

    /**
     * Sets the lock whose versions are preferred; null: the one at the output, if any.
     *
     * @param lock the lock's path, or null
     * @return this builder
     */
    public Builder existingLock(Path lock) {
      this.existingLock = lock;
      return this;
    }

    /**
     * Ignores the versions of the existing lock.
     *
     * @param upgrade true to ignore the existing lock's versions
     * @return this builder
     */
    public Builder upgrade(boolean upgrade) {
      this.upgrade = upgrade;
      return this;
    }

    /**
     * Lets {@code project} move to its newest allowed version; the others keep theirs.
     *
     * @param project the project, must not be null
     * @return this builder
     */
    public Builder upgradePackage(ProjectName project) {
      upgradePackages.add(Objects.requireNonNull(project, "project"));
      return this;
    }

    /**
     * Sets the output format; null: decided by the output's name.
     *
     * @param format the format, or null
     * @return this builder
     */
    public Builder format(LockFormat format) {
      this.format = format;
      return this;
    }

    /**
     * Sets the HTTP and metadata cache directory; null: no disk cache.
     *
     * @param directory the directory, or null
     * @return this builder
     */
    public Builder cacheDirectory(Path directory) {
      this.cacheDirectory = directory;
      return this;
    }

    /**
     * Answers from the cache only.
     *
     * @param offline true to answer from the cache only
     * @return this builder
     */
    public Builder offline(boolean offline) {
      this.offline = offline;
      return this;
    }

    /**
     * Sets the index requests in flight at once.
     *
     * @param threads the number of requests, must be positive
     * @return this builder
     * @throws IllegalArgumentException unless 1 to 256
     */
    public Builder threads(int threads) {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("threads must be between 1 and 256, not " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Sets the progress listener (see {@link ResolutionListener} for threads and order).
     *
     * @param listener the listener, must not be null
     * @return this builder
     */
    public Builder listener(ResolutionListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the longest one index request may take in total (zero: no limit); null: the index's
     * default.
     *
     * @param timeout the timeout, or null
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder requestTimeout(java.time.Duration timeout) {
      if (timeout != null && timeout.isNegative()) {
        throw new IllegalArgumentException("request timeout must not be negative, was " + timeout);
      }
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * Sets the resolver's limits; its {@code maxParallelFetches} is replaced by {@link
     * #threads(int)}. The default is {@link ResolverOptions#DEFAULTS}.
     *
     * @param options the limits, must not be null
     * @return this builder
     */
    public Builder resolverOptions(ResolverOptions options) {
      this.resolverOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets the most bytes one input file may have. The default is {@link
     * InputFiles#DEFAULT_MAX_BYTES}.
     *
     * @param maxBytes the limit in bytes, not negative
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder maxInputBytes(long maxBytes) {
      if (maxBytes < 0) {
        throw new IllegalArgumentException("maxInputBytes must not be negative, was " + maxBytes);
      }
      this.maxInputBytes = maxBytes;
      return this;
    }

    /**
     * Builds the request; the builder is unchanged and may build again.
     *
     * @return the request, never null
     */
    public LockRequest build() {
      return new LockRequest(this);
    }
  }
}
