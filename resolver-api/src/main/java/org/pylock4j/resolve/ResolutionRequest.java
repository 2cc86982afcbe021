package org.pylock4j.resolve;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.version.Version;

/**
 * What to resolve, for which target, under which policy. Immutable; built with {@link
 * #builder()}.
 *
 * <pre>{@code
 * ResolutionRequest request = ResolutionRequest.builder()
 *     .requirement(Requirement.parse("requests>=2"))
 *     .target(TargetEnvironment.cpython("3.12", Platform.LINUX_X86_64))
 *     .source(index)
 *     .build();
 * }</pre>
 */
public final class ResolutionRequest {

  private final List<Requirement> requirements;
  private final List<Requirement> constraints;
  private final List<Requirement> overrides;
  private final TargetEnvironment target;
  private final PrereleasePolicy prereleases;
  private final ResolutionStrategy strategy;
  private final Instant excludeNewer;
  private final PackageSource source;
  private final ResolutionListener listener;
  private final Executor executor;
  private final Map<ProjectName, Version> preferences;
  private final Map<ProjectName, Map<Version, String>> excludedVersions;
  private final boolean onlyBinary;
  private final ResolverOptions options;
  private final UniversalTarget universal;
  private final VersionFilter versionFilter;

  private ResolutionRequest(Builder b) {
    this.requirements = List.copyOf(b.requirements);
    this.constraints = List.copyOf(b.constraints);
    this.overrides = List.copyOf(b.overrides);
    this.target = Objects.requireNonNull(b.target, "target must be set");
    this.prereleases = b.prereleases;
    this.strategy = b.strategy;
    this.excludeNewer = b.excludeNewer;
    this.source = Objects.requireNonNull(b.source, "source must be set");
    this.listener = b.listener;
    this.executor = b.executor;
    this.preferences = Map.copyOf(b.preferences);
    Map<ProjectName, Map<Version, String>> excluded = new LinkedHashMap<>();
    b.excludedVersions.forEach((k, v) -> excluded.put(k, Map.copyOf(v)));
    this.excludedVersions = Map.copyOf(excluded);
    this.onlyBinary = b.onlyBinary;
    this.options = b.options;
    this.universal = b.universal;
    this.versionFilter = b.versionFilter;
  }

  /** {@return a new builder with the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this request's values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.requirements.addAll(requirements);
    b.constraints.addAll(constraints);
    b.overrides.addAll(overrides);
    b.target = target;
    b.prereleases = prereleases;
    b.strategy = strategy;
    b.excludeNewer = excludeNewer;
    b.source = source;
    b.listener = listener;
    b.executor = executor;
    b.preferences.putAll(preferences);
    excludedVersions.forEach((k, v) -> b.excludedVersions.put(k, new LinkedHashMap<>(v)));
    b.onlyBinary = onlyBinary;
    b.options = options;
    b.universal = universal;
    b.versionFilter = versionFilter;
    return b;
  }

  /**
   * The environments of a universal lock, or empty for a lock of {@link #target()} alone. When
   * set, the resolution covers those environments and {@link #target()} only serves direct URL
   * requirements.
   *
   * @return the universal target, empty for a lock of one environment
   */
  public Optional<UniversalTarget> universal() {
    return Optional.ofNullable(universal);
  }

  /** {@return the root requirements, in input order} */
  public List<Requirement> requirements() {
    return requirements;
  }

  /**
   * {@return constraints: restrict a project's versions when it is installed, without adding it}
   */
  public List<Requirement> constraints() {
    return constraints;
  }

  /** {@return overrides: replace every requirement packages declare on the same project} */
  public List<Requirement> overrides() {
    return overrides;
  }

  /** {@return the target environment} */
  public TargetEnvironment target() {
    return target;
  }

  /**
   * {@return the pre-release policy; the default is {@link PrereleasePolicy#IF_NECESSARY_OR_EXPLICIT}}
   */
  public PrereleasePolicy prereleases() {
    return prereleases;
  }

  /** {@return the strategy; the default is {@link ResolutionStrategy#HIGHEST}} */
  public ResolutionStrategy strategy() {
    return strategy;
  }

  /** {@return files uploaded at or after this instant are not candidates, if set} */
  public Optional<Instant> excludeNewer() {
    return Optional.ofNullable(excludeNewer);
  }

  /** {@return where projects are read from} */
  public PackageSource source() {
    return source;
  }

  /** {@return the listener; the default ignores every event} */
  public ResolutionListener listener() {
    return listener;
  }

  /** {@return the executor for asynchronous work; the default is the common fork-join pool} */
  public Executor executor() {
    return executor;
  }

  /**
   * Preferred versions (e.g. from an existing lock): a preferred version is chosen over newer
   * ones whenever the constraints allow it. Empty by default.
   *
   * @return the preferred version of each project, never null
   */
  public Map<ProjectName, Version> preferences() {
    return preferences;
  }

  /**
   * Versions that are not candidates, with the reason (e.g. a vulnerability id) used in
   * explanations. Empty by default.
   *
   * @return the excluded versions of each project, with the reason of each; never null
   */
  public Map<ProjectName, Map<Version, String>> excludedVersions() {
    return excludedVersions;
  }

  /** {@return whether only wheels are candidates (sdists refused). The default is false} */
  public boolean onlyBinary() {
    return onlyBinary;
  }

  /** {@return the limits; the default is {@link ResolverOptions#DEFAULTS}} */
  public ResolverOptions options() {
    return options;
  }

  /** {@return the filter consulted for each project page, if set; none by default} */
  public Optional<VersionFilter> versionFilter() {
    return Optional.ofNullable(versionFilter);
  }

  /** Builds {@link ResolutionRequest}s. Not thread-safe. */
  public static final class Builder {
    private final List<Requirement> requirements = new ArrayList<>();
    private final List<Requirement> constraints = new ArrayList<>();
    private final List<Requirement> overrides = new ArrayList<>();
    private TargetEnvironment target;
    private PrereleasePolicy prereleases = PrereleasePolicy.IF_NECESSARY_OR_EXPLICIT;
    private ResolutionStrategy strategy = ResolutionStrategy.HIGHEST;
    private Instant excludeNewer;
    private PackageSource source;
    private ResolutionListener listener = ResolutionListener.NONE;
    private Executor executor = ForkJoinPool.commonPool();
    private final Map<ProjectName, Version> preferences = new LinkedHashMap<>();
    private final Map<ProjectName, Map<Version, String>> excludedVersions = new LinkedHashMap<>();
    private boolean onlyBinary;
    private ResolverOptions options = ResolverOptions.DEFAULTS;
    private UniversalTarget universal;

    /**
     * Resolves one lock for every environment of {@code universal} (PEP 751 {@code
     * environments}, per-package {@code marker}s) instead of for the target alone. The default is
     * none: a lock of the target.
     *
     * @param universal the environments, or null for none
     * @return this builder
     */
    public Builder universal(UniversalTarget universal) {
      this.universal = universal;
      return this;
    }
    private VersionFilter versionFilter;

    private Builder() {}

    /**
     * Adds a root requirement.
     *
     * @param requirement the requirement, must not be null
     * @return this builder
     */
    public Builder requirement(Requirement requirement) {
      requirements.add(Objects.requireNonNull(requirement, "requirement"));
      return this;
    }

    /**
     * Adds root requirements, in order.
     *
     * @param more the requirements, must not be null
     * @return this builder
     */
    public Builder requirements(Collection<Requirement> more) {
      more.forEach(this::requirement);
      return this;
    }

    /**
     * Adds a constraint.
     *
     * @param constraint the constraint, must not be null
     * @return this builder
     */
    public Builder constraint(Requirement constraint) {
      constraints.add(Objects.requireNonNull(constraint, "constraint"));
      return this;
    }

    /**
     * Adds constraints.
     *
     * @param more the constraints, must not be null
     * @return this builder
     */
    public Builder constraints(Collection<Requirement> more) {
      more.forEach(this::constraint);
      return this;
    }

    /**
     * Adds an override.
     *
     * @param override the override, must not be null
     * @return this builder
     */
    public Builder override(Requirement override) {
      overrides.add(Objects.requireNonNull(override, "override"));
      return this;
    }

    /**
     * Sets the target environment (required).
     *
     * @param target the target, must not be null
     * @return this builder
     */
    public Builder target(TargetEnvironment target) {
      this.target = Objects.requireNonNull(target, "target");
      return this;
    }

    /**
     * Sets the pre-release policy.
     *
     * @param policy the policy, must not be null
     * @return this builder
     */
    public Builder prereleases(PrereleasePolicy policy) {
      this.prereleases = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the strategy.
     *
     * @param strategy the strategy, must not be null
     * @return this builder
     */
    public Builder strategy(ResolutionStrategy strategy) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /**
     * Excludes files uploaded at or after {@code instant}; null clears it.
     *
     * @param instant the upload time limit, or null for none
     * @return this builder
     */
    public Builder excludeNewer(Instant instant) {
      this.excludeNewer = instant;
      return this;
    }

    /**
     * Sets the package source (required).
     *
     * @param source the source, must not be null
     * @return this builder
     */
    public Builder source(PackageSource source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Sets the listener.
     *
     * @param listener the listener, must not be null
     * @return this builder
     */
    public Builder listener(ResolutionListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the executor for asynchronous work.
     *
     * @param executor the executor, must not be null
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Prefers {@code version} of {@code project} (e.g. the version an existing lock holds).
     *
     * @param project the project, must not be null
     * @param version its preferred version, must not be null
     * @return this builder
     */
    public Builder prefer(ProjectName project, Version version) {
      preferences.put(Objects.requireNonNull(project), Objects.requireNonNull(version));
      return this;
    }

    /**
     * Removes {@code version} of {@code project} from the candidates, for {@code reason}.
     *
     * @param project the project, must not be null
     * @param version the excluded version, must not be null
     * @param reason why it is excluded, shown in explanations (e.g. a vulnerability id), must not
     *     be null
     * @return this builder
     */
    public Builder exclude(ProjectName project, Version version, String reason) {
      excludedVersions
          .computeIfAbsent(Objects.requireNonNull(project), k -> new LinkedHashMap<>())
          .put(Objects.requireNonNull(version), Objects.requireNonNull(reason));
      return this;
    }

    /**
     * Refuses sdists when true.
     *
     * @param onlyBinary true to refuse sdists
     * @return this builder
     */
    public Builder onlyBinary(boolean onlyBinary) {
      this.onlyBinary = onlyBinary;
      return this;
    }

    /**
     * Sets the filter consulted for each project page; null removes it.
     *
     * @param filter the filter, or null for none
     * @return this builder
     */
    public Builder versionFilter(VersionFilter filter) {
      this.versionFilter = filter;
      return this;
    }

    /**
     * Sets the limits.
     *
     * @param options the limits, must not be null
     * @return this builder
     */
    public Builder options(ResolverOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request, never null
     * @throws NullPointerException when the target or the source is not set
     */
    public ResolutionRequest build() {
      return new ResolutionRequest(this);
    }
  }
}
