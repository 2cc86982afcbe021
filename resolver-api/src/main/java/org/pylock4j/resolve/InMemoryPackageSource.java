package org.pylock4j.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pylock4j.error.IndexException;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/**
 * A {@link PackageSource} over pages and metadata held in memory, for tests of embedding projects
 * and for benchmarks. Built with {@link #builder()}; immutable and thread-safe once built.
 *
 * <pre>{@code
 * InMemoryPackageSource source = InMemoryPackageSource.builder()
 *     .version("app", "1.0", "lib>=2", "extra-thing; extra == 'x'")
 *     .version("lib", "2.1")
 *     .file(someDistributionFile, itsCoreMetadata)
 *     .build();
 * }</pre>
 *
 * <p>A project the source does not know is answered with {@link ProjectPage#missing}. The
 * metadata of a file is found by the file's URL; a file added without metadata fails with an
 * {@link IndexException} (status 404). Futures complete immediately on the calling thread, or on
 * the executor given to {@link Builder#executor}.
 */
public final class InMemoryPackageSource implements PackageSource {

  /** The index URL pages get when none is given: {@value}. */
  public static final String DEFAULT_INDEX = "https://pypi.org/simple/";

  private final Map<ProjectName, ProjectPage> pages;
  private final Map<String, CoreMetadata> metadataByUrl;
  private final String defaultIndex;
  private final Executor executor;

  private InMemoryPackageSource(Builder b) {
    Map<ProjectName, ProjectPage> built = new LinkedHashMap<>();
    b.files.forEach((name, files) -> built.put(name, new ProjectPage(name, b.indexes.get(name), files)));
    this.pages = Map.copyOf(built);
    this.metadataByUrl = Map.copyOf(b.metadata);
    this.defaultIndex = b.defaultIndex;
    this.executor = b.executor;
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the projects this source has a page for} */
  public Set<ProjectName> projects() {
    return pages.keySet();
  }

  @Override
  public CompletableFuture<ProjectPage> page(ProjectName project) {
    Objects.requireNonNull(project, "project");
    ProjectPage page = pages.get(project);
    return complete(() -> page != null ? page : ProjectPage.missing(project, defaultIndex));
  }

  @Override
  public CompletableFuture<CoreMetadata> metadata(DistributionFile file) {
    Objects.requireNonNull(file, "file");
    CoreMetadata metadata = metadataByUrl.get(file.url());
    return complete(
        () -> {
          if (metadata == null) {
            throw new IndexException(
                "no metadata for " + file.filename() + " in the in-memory source", file.url(), 404,
                null);
          }
          return metadata;
        });
  }

  private <T> CompletableFuture<T> complete(Supplier<T> value) {
    if (executor == null) {
      try {
        return CompletableFuture.completedFuture(value.get());
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    return CompletableFuture.supplyAsync(value, executor);
  }

  /** Builds {@link InMemoryPackageSource}s. Not thread-safe. */
  public static final class Builder {
    private final Map<ProjectName, List<DistributionFile>> files = new LinkedHashMap<>();
    private final Map<ProjectName, String> indexes = new LinkedHashMap<>();
    private final Map<String, CoreMetadata> metadata = new LinkedHashMap<>();
    private String defaultIndex = DEFAULT_INDEX;
    private Executor executor;

    private Builder() {}

    /**
     * Sets the index URL of the projects added from now on that name none. The default value is
     * {@link #DEFAULT_INDEX}.
     *
     * @param indexUrl the index URL, must not be null
     * @return this builder
     */
    public Builder index(String indexUrl) {
      this.defaultIndex = Objects.requireNonNull(indexUrl, "indexUrl");
      return this;
    }

    /**
     * Declares a project served by {@code indexUrl}; it has a page even when no file is added
     * (an empty page).
     *
     * @param name the project, must not be null
     * @param indexUrl its index URL, must not be null
     * @return this builder
     * @throws IllegalStateException when the project was already declared on another index
     */
    public Builder project(ProjectName name, String indexUrl) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(indexUrl, "indexUrl");
      String previous = indexes.putIfAbsent(name, indexUrl);
      if (previous != null && !previous.equals(indexUrl)) {
        throw new IllegalStateException(
            "project " + name + " was already added on index " + previous);
      }
      files.computeIfAbsent(name, k -> new ArrayList<>());
      return this;
    }

    /**
     * Adds a file to its project's page, with its core metadata.
     *
     * @param file the file, must not be null
     * @param coreMetadata its metadata, or null when the source has none for it
     * @return this builder
     */
    public Builder file(DistributionFile file, CoreMetadata coreMetadata) {
      Objects.requireNonNull(file, "file");
      if (!indexes.containsKey(file.project())) {
        project(file.project(), defaultIndex);
      }
      files.get(file.project()).add(file);
      if (coreMetadata != null) {
        metadata.put(file.url(), coreMetadata);
      }
      return this;
    }

    /**
     * Adds the metadata of a file that is on no page, such as a direct URL requirement's target;
     * it is found by {@code url}.
     *
     * @param url the file's absolute URL, must not be null
     * @param coreMetadata its core metadata, must not be null
     * @return this builder
     */
    public Builder urlMetadata(String url, CoreMetadata coreMetadata) {
      metadata.put(Objects.requireNonNull(url, "url"), Objects.requireNonNull(coreMetadata));
      return this;
    }

    /**
     * Adds version {@code version} of {@code project} as one pure-Python wheel ({@code
     * py3-none-any}) whose metadata (version 2.1) has the given Requires-Dist lines.
     *
     * @param project the project name, in any spelling; must not be null
     * @param version the version, must not be null
     * @param requiresDist PEP 508 requirement strings, one per Requires-Dist line
     * @return this builder
     */
    public Builder version(String project, String version, String... requiresDist) {
      return version(project, version, null, Arrays.asList(requiresDist));
    }

    /**
     * Adds version {@code version} of {@code project} as one pure-Python wheel with a
     * Requires-Python (or null) on both the page and the metadata, and the given Requires-Dist
     * lines; Provides-Extra lists the extras the lines' markers name.
     *
     * @param project the project name, in any spelling; must not be null
     * @param version the version, must not be null
     * @param requiresPython the Requires-Python specifier, or null for none
     * @param requiresDist PEP 508 requirement strings, one per Requires-Dist line
     * @return this builder
     */
    public Builder version(
        String project, String version, String requiresPython, List<String> requiresDist) {
      ProjectName name = ProjectName.of(project);
      Version parsed = Version.parse(version);
      String index = indexes.getOrDefault(name, defaultIndex);
      String filename = name.normalized().replace('-', '_') + "-" + parsed + "-py3-none-any.whl";
      String url = index + (index.endsWith("/") ? "" : "/") + name + "/" + filename;
      DistributionFile file =
          new DistributionFile(
              name, parsed, filename, url, Map.of(), requiresPython, null, null, -1, Map.of());
      CoreMetadata meta =
          new CoreMetadata(
              "2.1", project, version, requiresDist, requiresPython, extrasNamed(requiresDist),
              List.of());
      return file(file, meta);
    }

    /**
     * Completes every future on {@code executor} instead of immediately; null restores immediate
     * completion.
     *
     * @param executor the executor, must not be null
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /**
     * Builds the immutable source.
     *
     * @return the source, never null
     */
    public InMemoryPackageSource build() {
      return new InMemoryPackageSource(this);
    }

    private static List<String> extrasNamed(List<String> requiresDist) {
      Pattern extra = Pattern.compile("extra\\s*==\\s*['\"]([^'\"]+)['\"]");
      List<String> extras = new ArrayList<>();
      for (String line : requiresDist) {
        Matcher m = extra.matcher(line);
        while (m.find()) {
          if (!extras.contains(m.group(1))) {
            extras.add(m.group(1));
          }
        }
      }
      return extras;
    }
  }
}
