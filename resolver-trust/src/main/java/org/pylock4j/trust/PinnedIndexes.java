package org.pylock4j.trust;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.PackageSource;
import org.pylock4j.resolve.ProjectPage;

/**
 * Per-project index pinning, the dependency-confusion defence for internal names: a pinned project
 * is read from its own source only — never from the others, even when its own source does not have
 * it — and every other project from the default source.
 *
 * <p>This is what {@code --index NAME=URL} (and {@code [[tool.pylock4j.index]]} in {@code
 * pyproject.toml}) builds: one {@code PypiIndex} per pinned URL, the usual index (or indexes) as the
 * default.
 *
 * <pre>{@code
 * PackageSource source = PinnedIndexes.builder(publicIndex)
 *     .pin(ProjectName.of("acme-internal"), internalIndex)
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe when the sources are. Closing the sources is the caller's job.
 */
public final class PinnedIndexes implements PackageSource {

  private final PackageSource defaultSource;
  private final Map<ProjectName, PackageSource> pinned;

  private PinnedIndexes(PackageSource defaultSource, Map<ProjectName, PackageSource> pinned) {
    this.defaultSource = defaultSource;
    this.pinned = Map.copyOf(pinned);
  }

  /**
   * A builder whose unpinned projects come from {@code defaultSource}.
   *
   * @param defaultSource the source of every project not pinned, must not be null
   * @return a builder, never null
   */
  public static Builder builder(PackageSource defaultSource) {
    return new Builder(Objects.requireNonNull(defaultSource, "defaultSource"));
  }

  /**
   * The source {@code project} is read from.
   *
   * @param project the project, must not be null
   * @return the source, never null
   */
  public PackageSource sourceOf(ProjectName project) {
    return pinned.getOrDefault(project, defaultSource);
  }

  /** {@return the pinned projects} */
  public Set<ProjectName> pinnedProjects() {
    return pinned.keySet();
  }

  @Override
  public CompletableFuture<ProjectPage> page(ProjectName project) {
    return sourceOf(project).page(project);
  }

  @Override
  public CompletableFuture<CoreMetadata> metadata(DistributionFile file) {
    return sourceOf(file.project()).metadata(file);
  }

  /** Builds {@link PinnedIndexes}. Not thread-safe. */
  public static final class Builder {
    private final PackageSource defaultSource;
    private final Map<ProjectName, PackageSource> pinned = new LinkedHashMap<>();

    private Builder(PackageSource defaultSource) {
      this.defaultSource = defaultSource;
    }

    /**
     * Reads {@code project} from {@code source} only.
     *
     * @param project the project, must not be null
     * @param source its index, must not be null
     * @return this builder
     * @throws IllegalStateException when {@code project} is already pinned to another source
     */
    public Builder pin(ProjectName project, PackageSource source) {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(source, "source");
      PackageSource previous = pinned.putIfAbsent(project, source);
      if (previous != null && previous != source) {
        throw new IllegalStateException("project " + project + " is already pinned to another index");
      }
      return this;
    }

    /**
     * Builds the source.
     *
     * @return the source, never null
     */
    public PinnedIndexes build() {
      return new PinnedIndexes(defaultSource, pinned);
    }
  }
}
