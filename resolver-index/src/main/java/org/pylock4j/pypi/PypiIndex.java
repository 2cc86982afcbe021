package org.pylock4j.pypi;

import org.pylock4j.pypi.internal.Credentials;
import org.pylock4j.pypi.internal.Http;
import org.pylock4j.pypi.internal.HttpSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.pylock4j.internal.Failures;
import org.pylock4j.error.IndexException;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.PackageSource;
import org.pylock4j.resolve.ProjectPage;
import org.pylock4j.resolve.PublisherIdentity;

/**
 * A {@link PackageSource} over one or more Python package indexes speaking the Simple API
 * (PEP 503 HTML, PEP 691 JSON), {@code file://} directories in the same layout, and plain
 * directories of distributions (pip's {@code --find-links}).
 *
 * <pre>{@code
 * try (PypiIndex index = PypiIndex.builder()
 *     .indexUrl("https://pypi.org/simple/")
 *     .cacheDirectory(Path.of(System.getProperty("user.home"), ".cache", "pylock4j"))
 *     .build()) {
 *   ProjectPage page = index.page(ProjectName.of("requests")).join();
 * }
 * }</pre>
 *
 * <p>Metadata comes from the cheapest source that has it: the on-disk cache (keyed by the file's
 * or the metadata file's sha256), the PEP 658 metadata file (hash-checked), HTTP range requests on
 * the wheel's zip central directory, the whole file (hash-checked). No code is ever built or run.
 *
 * <p>Several indexes are combined by an {@link IndexStrategy}, {@link IndexStrategy#FIRST_INDEX}
 * by default. Credentials come from the userinfo of an index URL or from a netrc file; they are
 * sent to the host they belong to and never appear in a page, a {@link DistributionFile} URL, a
 * log line or an exception.
 *
 * <p>Thread-safe; both methods return at once. Owns threads, connections and cache files: close
 * it when done.
 */
public final class PypiIndex implements PackageSource, AutoCloseable {

  /** The default index, {@value}. */
  public static final String PYPI = "https://pypi.org/simple/";

  private static final System.Logger LOG = System.getLogger(PypiIndex.class.getName());

  private record Location(String url, LocalIndex local) {}

  private final List<Location> indexes;
  private final IndexStrategy strategy;
  private final Consumer<String> warnings;
  private final boolean offline;
  private final long maxPageBytes;
  private final String pageLimit;
  private final long maxMetadataBytes;
  private final String metadataLimit;
  private final long maxFileBytes;
  private final String fileLimit;
  private volatile SigstoreTrust trust; // the embedded root is read on first use
  private final Executor executor;
  private final java.util.function.Supplier<Http> httpFactory;
  private volatile Http http; // built on the first request over HTTP: a file: index never loads OkHttp or TLS
  private volatile boolean closed;
  private final PageParser parser;
  private final Credentials credentials;
  private final MetadataFetcher fetcher;
  private final MissingPages missingPages;
  private final Memo<ProjectName, ProjectPage> pages = new Memo<>(50_000);
  private final Memo<String, CoreMetadata> metadata = new Memo<>(200_000);
  private final Memo<String, Optional<Provenance>> provenance = new Memo<>(200_000);
  private final ConcurrentHashMap<CompletableFuture<?>, AtomicInteger> waiters = new ConcurrentHashMap<>();
  private final Set<ProjectName> warned = ConcurrentHashMap.newKeySet();
  private final Map<Http.Kind, LongAdder> requests = new EnumMap<>(Http.Kind.class);
  private final LongAdder metadataCacheHits = new LongAdder();
  private final LongAdder skippedFiles = new LongAdder();

  private PypiIndex(Builder builder) {
    for (Http.Kind kind : Http.Kind.values()) {
      requests.put(kind, new LongAdder());
    }
    this.strategy = builder.strategy;
    this.warnings = builder.warnings;
    this.offline = builder.offline;
    this.maxPageBytes = builder.maxPageBytes;
    this.pageLimit = builder.pageLimit;
    this.maxMetadataBytes = builder.maxMetadataBytes;
    this.metadataLimit = builder.metadataLimit;
    this.maxFileBytes = builder.maxFileBytes;
    this.fileLimit = builder.fileLimit;
    this.trust = builder.trust;
    this.executor = builder.executor;
    Credentials credentials = new Credentials(builder.netrc);
    this.credentials = credentials;
    this.parser = new PageParser(credentials, warnings);
    List<Location> locations = new ArrayList<>();
    for (String raw : builder.urls) {
      locations.add(location(raw, credentials, false));
    }
    for (String raw : builder.findLinks) {
      locations.add(location(raw, credentials, true));
    }
    this.indexes = List.copyOf(locations);

    MetadataStore store = null;
    MissingPages missing = null;
    if (builder.cacheDirectory != null) {
      missing = new MissingPages(builder.cacheDirectory.resolve("missing-pages"));
      // "metadata-v2": entries of earlier versions may be keyed by a hash an index only declared
      store = new MetadataStore(builder.cacheDirectory.resolve("metadata-v2"));
    }
    this.missingPages = missing;
    // proxies and certificates are read now, so that a bad one fails build(), not a request;
    // with only file: indexes the certificates are read when a URL first needs HTTP, if ever
    this.httpFactory = Http.factory(new HttpSettings(builder.maxParallelRequests,
        builder.connectTimeout, builder.readTimeout, builder.userAgent, builder.cacheDirectory,
        Math.max(builder.maxPageBytes, builder.maxMetadataBytes), builder.retries,
        builder.retryBackoff, builder.requestTimeout, builder.httpsProxy, builder.httpProxy,
        builder.noProxy, builder.certificates), credentials, requests,
        indexes.stream().anyMatch(location -> location.local() == null));
    this.fetcher = new MetadataFetcher(this::http, store, offline, builder.maxMetadataBytes,
        builder.metadataLimit, builder.maxFileBytes, builder.fileLimit, executor,
        metadataCacheHits, warnings);
  }

  private Http http() {
    Http h = http;
    if (h == null) {
      synchronized (this) {
        h = http;
        if (h == null) {
          if (closed) {
            throw new IllegalStateException("this PypiIndex is closed");
          }
          h = httpFactory.get();
          http = h;
        }
      }
    }
    return h;
  }

  /** {@return a new builder; its defaults read PyPI} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the configured index URLs in order (the first is the primary), without credentials}
   */
  public List<String> indexUrls() {
    return indexes.stream().map(Location::url).toList();
  }

  @Override
  public CompletableFuture<ProjectPage> page(ProjectName project) {
    Objects.requireNonNull(project, "project");
    return Ops.view(pages.get(project, this::loadPage), waiters);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The login in the userinfo of a direct URL ({@code https://user:token@host/x.whl}) is sent
   * to that host only, and the URL is named without it in every message.
   */
  @Override
  public CompletableFuture<CoreMetadata> metadata(DistributionFile given) {
    Objects.requireNonNull(given, "file");
    DistributionFile file = withoutUserInfo(given);
    return Ops.view(metadata.get(file.url(), url -> {
      Ops ops = new Ops();
      // even the disk-cache lookup runs on the executor: the caller never waits for I/O
      return ops.bind(CompletableFuture.supplyAsync(() -> fetcher.fetch(file, ops), executor)
          .thenCompose(future -> future));
    }), waiters);
  }

  /**
   * The sha256 of the http(s) file {@code given} (a direct URL given without a hash): the hash of
   * the download already made for its metadata, if it was downloaded whole; else downloaded and
   * hashed while it streams in, never held in memory, bounded by the file limit ({@code
   * maxFileBytes}) and the request deadline; its login, if any, is sent to its host only.
   *
   * @param given an http(s) file, must not be null
   * @return the lowercase hexadecimal sha256; the future fails with an {@link IndexException}
   *     naming the URL when the file cannot be downloaded
   */
  public CompletableFuture<String> sha256(DistributionFile given) {
    Objects.requireNonNull(given, "file");
    String url = withoutUserInfo(given).url();
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      return CompletableFuture.failedFuture(new IndexException(
          "cannot download " + url + " to hash it: not an http(s) URL", url, 0, null));
    }
    String known = fetcher.downloadedSha256(url);
    if (known != null) {
      return CompletableFuture.completedFuture(known); // downloaded whole for its metadata
    }
    return http().sha256(url, maxFileBytes, fileLimit).thenApply(result -> {
      if (result.code() != 200) {
        throw new IndexException("GET " + url + " failed: HTTP " + result.code(), url,
            result.code(), null);
      }
      return new String(result.body(), java.nio.charset.StandardCharsets.US_ASCII);
    });
  }

  private DistributionFile withoutUserInfo(DistributionFile file) {
    String url = file.url();
    String clean = url.startsWith("http") ? credentials.takeFrom(url) : url;
    if (clean.equals(url)) {
      return file;
    }
    return new DistributionFile(file.project(), file.version(), file.filename(), clean,
        file.hashes(), file.requiresPython(), file.yanked(), file.uploadTime(), file.size(),
        file.coreMetadataHashes(), file.provenance());
  }

  /**
   * The PEP 740 provenance of {@code file}: read from its {@link DistributionFile#provenance()}
   * URL (PyPI's Integrity API) and checked as {@link Provenance} describes. Empty when the index
   * advertises no provenance for the file, or answers 404/410 for it. Kept in memory for the
   * life of this index, keyed by the file's sha256 (else its URL); failures are not kept.
   *
   * @param file a file from a page of this index, must not be null
   * @return the provenance, never null; the future fails with an {@link IndexException} naming
   *     the provenance URL when it cannot be read, is malformed or fails a check
   */
  public CompletableFuture<Optional<Provenance>> provenance(DistributionFile file) {
    Objects.requireNonNull(file, "file");
    if (file.provenance() == null) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    String key = file.sha256().map(h -> "sha256:" + h + " " + file.filename())
        .orElse(file.provenance());
    return Ops.view(provenance.get(key, k -> loadProvenance(file)), waiters);
  }

  /**
   * The publisher identities of {@code file}'s provenance, sorted; empty when it has none. What
   * a lock records in {@code attestation-identities} and what {@code LockVerifier} compares.
   *
   * @param file a file from a page of this index, must not be null
   * @return the identities, never null; fails as {@link #provenance(DistributionFile)} does
   */
  public CompletableFuture<List<PublisherIdentity>> publishers(DistributionFile file) {
    return provenance(file).thenApply(p -> p.map(Provenance::publishers).orElse(List.of()));
  }

  private SigstoreTrust trust() {
    SigstoreTrust t = trust;
    if (t == null) {
      t = SigstoreTrust.publicGood();
      trust = t;
    }
    return t;
  }

  private CompletableFuture<Optional<Provenance>> loadProvenance(DistributionFile file) {
    String url = file.provenance();
    if (url.startsWith("file:")) {
      return CompletableFuture.supplyAsync(() -> {
        Path path;
        try {
          path = Path.of(java.net.URI.create(url));
        } catch (IllegalArgumentException e) {
          throw new IndexException("not a usable file URL: " + url, url, 0, null);
        }
        if (!Files.isRegularFile(path)) {
          return Optional.empty();
        }
        try {
          return Optional.of(ProvenanceParser.parse(file, url, Files.readAllBytes(path), trust()));
        } catch (IOException e) {
          throw new IndexException("cannot read " + url + ": " + Failures.describe(e), url, 0, null);
        }
      }, executor);
    }
    Ops ops = new Ops();
    return ops.bind(ops.track(http().get(url, Http.Kind.OTHER, Map.of("Accept", ProvenanceParser.ACCEPT),
            offline, true, maxMetadataBytes, metadataLimit))
        .thenApplyAsync(result -> {
          if (result.offlineMiss()) {
            throw new IndexException("offline: the provenance of " + file.filename() + " ("
                + url + ") is not in the cache; run once online with the same cache directory",
                url, 0, null);
          }
          if (result.code() == 404 || result.code() == 410) {
            return Optional.<Provenance>empty();
          }
          if (result.code() != 200) {
            throw new IndexException("GET " + url + " failed: HTTP " + result.code(), url,
                result.code(), null);
          }
          return Optional.of(ProvenanceParser.parse(file, url, result.body(), trust()));
        }, executor));
  }

  /** {@return what this index has done so far} */
  public IndexStatistics statistics() {
    return new IndexStatistics(
        requests.get(Http.Kind.PAGE).sum(),
        requests.get(Http.Kind.METADATA_FILE).sum(),
        requests.get(Http.Kind.RANGE).sum(),
        requests.get(Http.Kind.WHOLE_FILE).sum(),
        http == null ? 0 : http.retries(),
        metadataCacheHits.sum(),
        skippedFiles.sum());
  }

  /** Stops the threads and closes connections. */
  @Override
  public void close() {
    Http h;
    synchronized (this) {
      closed = true;
      h = http;
    }
    if (h == null) {
      return;
    }
    h.close();
  }

  // ---- pages

  private CompletableFuture<ProjectPage> loadPage(ProjectName project) {
    Ops ops = new Ops();
    List<CompletableFuture<PageParser.Parsed>> parts = new ArrayList<>();
    for (Location index : indexes) {
      parts.add(fromIndex(index, project, ops));
    }
    CompletableFuture<ProjectPage> result = CompletableFuture
        .allOf(parts.stream().map(p -> p.handle((r, e) -> null)).toArray(CompletableFuture[]::new))
        .thenApply(ignored -> combine(project, parts));
    return ops.bind(result);
  }

  private ProjectPage combine(ProjectName project, List<CompletableFuture<PageParser.Parsed>> parts) {
    List<Integer> having = new ArrayList<>();
    RuntimeException firstFailure = null;
    for (int i = 0; i < parts.size(); i++) {
      CompletableFuture<PageParser.Parsed> part = parts.get(i);
      PageParser.Parsed parsed;
      try {
        parsed = part.join();
      } catch (RuntimeException e) {
        Throwable cause = MetadataFetcher.unwrap(e);
        RuntimeException failure = cause instanceof RuntimeException r ? r
            : new IndexException("cannot read the page of " + project + ": " + (cause instanceof OutOfMemoryError
                ? "out of memory (a page this large needs more heap, -Xmx, or a lower maxPageBytes limit)"
                : Failures.describe(cause)), indexes.get(i).url(), 0, null);
        if (strategy == IndexStrategy.UNSAFE_BEST_MATCH || having.isEmpty()) {
          // an earlier index that failed may have held the project: never skip it
          throw failure;
        }
        if (firstFailure == null) {
          firstFailure = failure;
        }
        LOG.log(System.Logger.Level.DEBUG, "ignoring {0} for {1}: it is taken from {2}",
            indexes.get(i).url(), project, indexes.get(having.get(0)).url());
        continue;
      }
      skippedFiles.add(parsed.skipped());
      if (!parsed.files().isEmpty()) {
        having.add(i);
      }
    }
    if (having.isEmpty()) {
      return ProjectPage.missing(project, indexes.get(0).url());
    }
    String chosen = indexes.get(having.get(0)).url();
    if (having.size() > 1 && warned.add(project)) {
      List<String> urls = having.stream().map(i -> indexes.get(i).url()).toList();
      warnings.accept("project " + project + " exists on more than one index: " + String.join(", ", urls)
          + (strategy == IndexStrategy.FIRST_INDEX ? "; using " + chosen + " only (first-index)"
              : "; merging their files (unsafe-best-match)"));
    }
    if (strategy == IndexStrategy.FIRST_INDEX) {
      return new ProjectPage(project, chosen, parts.get(having.get(0)).join().files());
    }
    List<DistributionFile> merged = new ArrayList<>();
    Set<String> filenames = new LinkedHashSet<>();
    Map<String, String> fileIndexes = new java.util.HashMap<>();
    for (int i : having) {
      for (DistributionFile file : parts.get(i).join().files()) {
        if (filenames.add(file.filename())) {
          merged.add(file);
          if (!indexes.get(i).url().equals(chosen)) {
            fileIndexes.put(file.url(), indexes.get(i).url()); // the lock names who served it
          }
        }
      }
    }
    return new ProjectPage(project, chosen, merged, fileIndexes);
  }

  private CompletableFuture<PageParser.Parsed> fromIndex(Location index, ProjectName project, Ops ops) {
    if (index.local() != null) {
      return CompletableFuture.supplyAsync(() -> index.local().page(project), executor);
    }
    String url = index.url() + project.normalized() + "/";
    return ops.track(http().get(url, Http.Kind.PAGE, Map.of("Accept", PageParser.ACCEPT), offline, true,
            maxPageBytes, pageLimit))
        .thenApplyAsync(result -> {
          if (result.offlineMiss()) {
            if (missingPages != null && missingPages.isMissing(url)) {
              return new PageParser.Parsed(List.of(), 0);
            }
            throw new IndexException("offline: the page of " + project + " from " + url
                + " is not in the cache; run once online with the same cache directory", url, 0, null);
          }
          int code = result.code();
          if (code == 404 || code == 410) {
            if (missingPages != null) {
              missingPages.markMissing(url);
            }
            return new PageParser.Parsed(List.of(), 0);
          }
          if (code != 200) {
            String hint = code == 401 || code == 403
                ? " (credentials missing or refused: give them in the index URL or in netrc)" : "";
            throw new IndexException("GET " + url + " failed: HTTP " + code + hint, url, code, null);
          }
          okhttp3.HttpUrl asked = okhttp3.HttpUrl.parse(url);
          okhttp3.HttpUrl answered = okhttp3.HttpUrl.parse(result.url());
          if (asked != null && answered != null && (!asked.host().equals(answered.host())
              || asked.port() != answered.port())) {
            // followed (same scheme), but a person should know; the lock keeps the index asked for
            warnings.accept("the page of " + project + " at " + url + " was redirected to another "
                + "host: " + result.url());
          }
          PageParser.Parsed parsed = parser.parse(project, result.url(), result.header("Content-Type"), result.body());
          if (missingPages != null) {
            missingPages.markFound(url);
          }
          return parsed;
        }, executor);
  }

  private Location location(String raw, Credentials credentials, boolean findLinks) {
    String url = raw.contains("://") || raw.startsWith("file:") ? raw : Path.of(raw).toAbsolutePath().toUri().toString();
    url = credentials.takeFrom(url);
    if (url.startsWith("file:")) {
      Path root;
      try {
        root = Path.of(java.net.URI.create(url));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("not a usable file URL: " + url);
      }
      if (!Files.isDirectory(root)) {
        throw new IllegalArgumentException("index directory does not exist: " + root);
      }
      String dirUrl = root.toUri().toString();
      boolean flat = findLinks || LocalIndex.isFlat(root);
      return new Location(dirUrl, new LocalIndex(root, dirUrl, flat, parser, maxPageBytes, pageLimit));
    }
    if (findLinks) {
      throw new IllegalArgumentException("find-links must be a local directory: " + url);
    }
    if (okhttp3.HttpUrl.parse(url) == null) {
      throw new IllegalArgumentException("not an http(s) or file URL: " + url);
    }
    return new Location(url.endsWith("/") ? url : url + "/", null);
  }

  /**
   * Configures a {@link PypiIndex}. Every setting has a default; {@link #build()} may be called
   * at once to read PyPI without a disk cache.
   */
  public static final class Builder {
    private final List<String> urls = new ArrayList<>();
    private final List<String> findLinks = new ArrayList<>();
    private IndexStrategy strategy = IndexStrategy.FIRST_INDEX;
    private Consumer<String> warnings = message -> LOG.log(System.Logger.Level.WARNING, message);
    private Path cacheDirectory;
    private boolean offline;
    private int maxParallelRequests = 16;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private int retries = 3;
    private Duration retryBackoff = Duration.ofMillis(250);
    private Duration requestTimeout = Duration.ofMinutes(5);
    private Path netrc;
    private String httpsProxy;
    private String httpProxy;
    private List<String> noProxy = List.of();
    private Path certificates;
    private long maxPageBytes = 64L << 20;
    private String pageLimit = "maxPageBytes";
    private long maxMetadataBytes = 16L << 20;
    private String metadataLimit = "maxMetadataBytes";
    private long maxFileBytes = 512L << 20;
    private String fileLimit = "maxFileBytes";
    private Executor executor = ForkJoinPool.commonPool();
    private String userAgent = "pylock4j/0.1";
    private SigstoreTrust trust;

    private Builder() {}

    /**
     * Adds an index: an {@code http(s)} Simple API root such as {@code https://pypi.org/simple/},
     * a {@code file:} URL or a local path of a directory in the static Simple layout, or of a
     * flat directory of distributions. The first one added is the primary index. Userinfo
     * ({@code https://user:token@host/simple/}) is taken out of the URL and sent only to that host.
     * The default, when none is added, is {@value PypiIndex#PYPI}.
     *
     * @param url the index URL or directory, must not be null
     * @return this builder
     */
    public Builder indexUrl(String url) {
      urls.add(Objects.requireNonNull(url, "url"));
      return this;
    }

    /**
     * Adds the indexes of {@code urls} in order; see {@link #indexUrl(String)}.
     *
     * @param urls the index URLs or directories, in order; must not be null
     * @return this builder
     */
    public Builder indexUrls(List<String> urls) {
      urls.forEach(this::indexUrl);
      return this;
    }

    /**
     * Adds a local directory of wheels and sdists, searched after the indexes (pip's {@code --find-links}).
     *
     * @param directory the directory, must not be null
     * @return this builder
     */
    public Builder findLinks(Path directory) {
      findLinks.add(directory.toAbsolutePath().toUri().toString());
      return this;
    }

    /**
     * How several indexes combine. The default value is {@link IndexStrategy#FIRST_INDEX}.
     *
     * @param strategy the strategy, must not be null
     * @return this builder
     */
    public Builder indexStrategy(IndexStrategy strategy) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /**
     * Where warnings go (a project on more than one index, metadata disagreeing with a filename).
     * Called from any thread. The default logs them through {@link System.Logger} at WARNING.
     *
     * @param sink receives each warning, a sentence, must not be null
     * @return this builder
     */
    public Builder warnings(Consumer<String> sink) {
      this.warnings = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /**
     * The cache directory (HTTP answers for revalidation and offline use, metadata by hash). Any
     * number of processes may share one: every entry is written whole and renamed into place,
     * so concurrent runs and a run killed mid-write never leave a damaged entry. Entries are
     * replaced, never evicted: delete the directory to reclaim the space. The default is none:
     * nothing is written to disk.
     *
     * @param directory the directory, or null for none
     * @return this builder
     */
    public Builder cacheDirectory(Path directory) {
      this.cacheDirectory = directory;
      return this;
    }

    /**
     * Answer from the cache only; a miss fails with an {@link IndexException} naming what is missing. The default is false.
     *
     * @param offline true to answer from the cache only
     * @return this builder
     */
    public Builder offline(boolean offline) {
      this.offline = offline;
      return this;
    }

    /**
     * The most requests in flight at once (in total and per host). The default value is 16.
     *
     * @param max the most requests in flight at once (in total and per host), must be positive
     * @return this builder
     */
    public Builder maxParallelRequests(int max) {
      requireArgument(max > 0, "max parallel requests must be positive, was %s", max);
      this.maxParallelRequests = max;
      return this;
    }

    /**
     * The connect timeout. The default value is 10 seconds.
     *
     * @param timeout the connect timeout, must not be negative
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      requireArgument(!timeout.isNegative(), "connect timeout must not be negative, was %s", timeout);
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * The read (and write) timeout. The default value is 30 seconds.
     *
     * @param timeout the read (and write) timeout, must not be negative
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      requireArgument(!timeout.isNegative(), "read timeout must not be negative, was %s", timeout);
      this.readTimeout = timeout;
      return this;
    }

    /**
     * Retries after a 5xx, a 429, a timeout or a broken connection (never after another 4xx).
     * The default value is 3.
     *
     * @param retries the number of retries, must not be negative
     * @return this builder
     */
    public Builder retries(int retries) {
      requireArgument(retries >= 0, "retries must not be negative, was %s", retries);
      this.retries = retries;
      return this;
    }

    /**
     * The first retry delay, doubled on each further retry (a Retry-After header may lengthen it). The default value is 250 ms.
     *
     * @param backoff the first retry delay, doubled on each further retry (a Retry-After header may
     *     lengthen it), must not be negative
     * @return this builder
     */
    public Builder retryBackoff(Duration backoff) {
      requireArgument(!backoff.isNegative(), "retry backoff must not be negative, was %s", backoff);
      this.retryBackoff = backoff;
      return this;
    }

    /**
     * The longest one request may take in total: connecting, sending, waiting, reading the whole
     * body, and any retries with their delays. A server that answers slowly (a byte a second)
     * is cut off here, and the request fails with an {@link IndexException} naming the URL and
     * this setting. Zero means no deadline. The default value is 5 minutes.
     *
     * @param timeout the longest one request may take in total, must not be negative
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      requireArgument(!timeout.isNegative(), "request timeout must not be negative, was %s", timeout);
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * The netrc file to read logins from, or null for none. The default is none: reading the
     * user's {@code $NETRC} or {@code ~/.netrc} is the application's choice (the CLI makes it).
     *
     * @param file the netrc file to read logins from, or null for none
     * @return this builder
     */
    public Builder netrc(Path file) {
      this.netrc = file;
      return this;
    }

    /**
     * The proxies to reach indexes through, as pip and uv take them from {@code HTTPS_PROXY},
     * {@code HTTP_PROXY} and {@code NO_PROXY} (the application reads the environment, not this
     * library): an {@code http://[user:password@]host:port} URL for https requests and one for
     * http requests (null or blank for none), and the hosts reached directly ({@code *} for all,
     * {@code example.com} for the domain and its subdomains, an address). A login in a proxy URL
     * is sent to that proxy only and never shown. The default is no proxy.
     *
     * @param httpsProxy the proxy URL for https requests, or null for none
     * @param httpProxy the proxy URL for http requests, or null for none
     * @param noProxy the hosts reached directly, must not be null
     * @return this builder
     *
     * @throws IllegalArgumentException from {@link #build()} when a proxy URL is unusable
     */
    public Builder proxies(String httpsProxy, String httpProxy, List<String> noProxy) {
      this.httpsProxy = httpsProxy;
      this.httpProxy = httpProxy;
      this.noProxy = List.copyOf(Objects.requireNonNull(noProxy, "noProxy"));
      return this;
    }

    /**
     * A PEM file of the certificate authorities that https servers are verified against, in place
     * of the JDK's (pip's {@code --cert}, {@code SSL_CERT_FILE}), e.g. a company's own CA. Null
     * (the default) uses the JDK's trust store.
     *
     * @param pemFile the PEM file, or null for the JDK trust store
     * @return this builder
     *
     * @throws IllegalArgumentException from {@link #build()} naming the file when it cannot be
     *     read or holds no certificate
     */
    public Builder trustedCertificates(Path pemFile) {
      this.certificates = pemFile;
      return this;
    }

    /**
     * The largest Simple API page accepted. The default value is 64 MiB.
     *
     * @param max the limit in bytes, must be positive
     * @return this builder
     */
    public Builder maxPageBytes(long max) {
      return maxPageBytes(max, "maxPageBytes");
    }

    /**
     * The largest Simple API page accepted, and the setting to name when a page exceeds it (a
     * command-line option, a configuration key). The default value is 64 MiB, named
     * {@code maxPageBytes}.
     *
     * @param max the limit in bytes, must be positive
     * @param from the name of the setting, for messages; must not be null
     * @return this builder
     */
    public Builder maxPageBytes(long max, String from) {
      requireArgument(max > 0, "max page bytes must be positive, was %s", max);
      this.maxPageBytes = max;
      this.pageLimit = Objects.requireNonNull(from, "from");
      return this;
    }

    /**
     * The largest metadata file (or METADATA entry) accepted. The default value is 16 MiB.
     *
     * @param max the largest metadata file (or METADATA entry) accepted, must be positive
     * @return this builder
     */
    public Builder maxMetadataBytes(long max) {
      return maxMetadataBytes(max, "maxMetadataBytes");
    }

    /**
     * The largest metadata file (or METADATA entry) accepted, and the setting to name when one
     * exceeds it. The default value is 16 MiB, named {@code maxMetadataBytes}.
     *
     * @param max the limit in bytes, must be positive
     * @param from the name of the setting, for messages; must not be null
     * @return this builder
     */
    public Builder maxMetadataBytes(long max, String from) {
      requireArgument(max > 0, "max metadata bytes must be positive, was %s", max);
      this.maxMetadataBytes = max;
      this.metadataLimit = Objects.requireNonNull(from, "from");
      return this;
    }

    /**
     * The largest part of a distribution read at once to get its metadata: a whole file
     * downloaded (an sdist, or a wheel from a server without range requests), one range
     * response, a zip central directory. A local ({@code file:}) wheel is read by random access
     * and may be of any size. The default value is 512 MiB.
     *
     * @param max the largest part of a distribution read at once, must be positive
     * @return this builder
     */
    public Builder maxFileBytes(long max) {
      return maxFileBytes(max, "maxFileBytes");
    }

    /**
     * As {@link #maxFileBytes(long)}, with the setting to name when a response exceeds it. The
     * default is named {@code maxFileBytes}.
     *
     * @param max the limit in bytes, must be positive
     * @param from the name of the setting, for messages; must not be null
     * @return this builder
     */
    public Builder maxFileBytes(long max, String from) {
      requireArgument(max > 0, "max file bytes must be positive, was %s", max);
      this.maxFileBytes = max;
      this.fileLimit = Objects.requireNonNull(from, "from");
      return this;
    }

    /**
     * Runs parsing and callbacks. The default is {@link ForkJoinPool#commonPool()}.
     *
     * @param executor the executor, must not be null
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The User-Agent header. The default value is {@code pylock4j/0.1}.
     *
     * @param userAgent the User-Agent header, must not be null
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /**
     * The Sigstore trust root that provenance is verified against: a {@code trusted_root.json}
     * (Fulcio certificate chains, Rekor log keys), e.g. of a private Sigstore instance or
     * staging. The default is the public-good instance's root, embedded in this library.
     *
     * @param trustedRootJson the file's bytes, must not be null
     * @return this builder
     * @throws IllegalArgumentException when it is not a usable trusted root
     */
    public Builder sigstoreTrustedRoot(byte[] trustedRootJson) {
      this.trust = SigstoreTrust.parse(Objects.requireNonNull(trustedRootJson, "trustedRootJson"));
      return this;
    }

    /**
     * Builds the index.
     *
     * @return the index, never null
     * @throws IllegalArgumentException when an index URL is not usable (the message names it,
     *     without credentials)
     */
    public PypiIndex build() {
      if (urls.isEmpty() && findLinks.isEmpty()) {
        urls.add(PYPI);
      }
      return new PypiIndex(this);
    }

    private static void requireArgument(boolean ok, String template, Object value) {
      if (!ok) {
        throw new IllegalArgumentException(String.format(template, value));
      }
    }
  }
}
