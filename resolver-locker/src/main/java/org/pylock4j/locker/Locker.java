package org.pylock4j.locker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.pylock4j.pypi.IndexStrategy;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.sat.SatResolver;
import org.pylock4j.trust.TyposquatWarning;
import org.pylock4j.trust.VulnerabilityAudit;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.error.PylockException;
import org.pylock4j.error.UnsatisfiableException;
import org.pylock4j.lock.LockFile;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.resolve.Resolver;

/**
 * The entry point of pylock4j for Java programs: locks, verifies and queries locks exactly as the
 * {@code pylock4j} command does (the command is option parsing and printing over this class).
 *
 * <pre>{@code
 * try (Locker locker = Locker.builder().build()) {
 *   LockResult result = locker.lock(LockRequest.builder()
 *       .requirementsFile(Path.of("requirements.in"))
 *       .target(TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64))
 *       .output(Path.of("pylock.toml"))
 *       .build());
 *   result.warnings().forEach(System.err::println);
 *   result.write();
 *   locker.verify(VerifyRequest.of(Path.of("pylock.toml"))).requireUpToDate();
 * }
 * }</pre>
 *
 * <p>Thread-safe: one locker may serve many concurrent requests. It owns the executor of {@link
 * #lockAsync} unless one is given; {@link #close()} releases it. The indexes of a request are
 * opened and closed by the call that uses them.
 */
public final class Locker implements AutoCloseable {

  private final Resolver resolver;
  private final Map<String, String> environment;
  private final Path netrc;
  private final String httpsProxy;
  private final String httpProxy;
  private final List<String> noProxy;
  private final Path certificates;
  private final Executor executor;
  private final ExecutorService owned;

  private Locker(Builder b) {
    this.httpsProxy = b.httpsProxy;
    this.httpProxy = b.httpProxy;
    this.noProxy = b.noProxy;
    this.certificates = b.certificates;
    this.resolver = b.resolver != null ? b.resolver : SatResolver.create();
    this.environment = Map.copyOf(b.environment);
    this.netrc = b.netrc;
    if (b.executor != null) {
      this.executor = b.executor;
      this.owned = null;
    } else {
      this.owned = Executors.newCachedThreadPool(runnable -> {
        Thread t = new Thread(runnable, "pylock4j-locker");
        t.setDaemon(true);
        return t;
      });
      this.executor = owned;
    }
  }

  /** {@return a builder with the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Resolves {@code request} and makes its lock. Nothing is written: call {@link
   * LockResult#write()}.
   *
   * @param request the request, must not be null
   * @return the lock and what a person should know about it, never null
   * @throws InvalidInputException on bad input, naming the file, line and column
   * @throws UnsatisfiableException when no set of versions satisfies the request, with the
   *     explanation
   * @throws org.pylock4j.error.IndexException when an index or the network fails
   * @throws PylockException on any other failure
   */
  public LockResult lock(LockRequest request) {
    return new LockRun(this, Objects.requireNonNull(request, "request")).lock();
  }

  /**
   * The names of the request's root requirements that look like a popular project's (likely
   * typosquats), checked before anything is fetched: what {@link LockResult#typosquats()} will
   * hold, for a caller that wants to show them before a long resolution (or one that fails).
   *
   * @param request the request, must not be null
   * @return the warnings, never null; empty with {@link LockRequest#strictNames()}, which throws
   *     instead
   * @throws InvalidInputException when an input cannot be read
   * @throws org.pylock4j.trust.TyposquatException with strict names, for the first suspicious one
   */
  public List<TyposquatWarning> checkNames(LockRequest request) {
    Objects.requireNonNull(request, "request");
    return LockRun.checkNames(Inputs.read(request, environment), request.strictNames());
  }

  /**
   * {@link #lock} on the locker's executor. Cancelling the future stops fetching and solving.
   *
   * @param request the request, must not be null
   * @return the future result, failing with the exceptions {@link #lock} throws
   */
  public CompletableFuture<LockResult> lockAsync(LockRequest request) {
    LockRun run = new LockRun(this, Objects.requireNonNull(request, "request"));
    CompletableFuture<LockResult> result = new CompletableFuture<>();
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        run.cancel();
      }
    });
    executor.execute(() -> {
      if (result.isDone()) {
        return;
      }
      try {
        result.complete(run.lock());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  /**
   * Checks whether re-locking would change a lock: re-locks with the lock's own versions
   * preferred, from what the lock records (or the request's inputs), compares the whole file and
   * checks every locked file against the index.
   *
   * @param request the lock and optional inputs, must not be null
   * @return the verification, never null
   * @throws InvalidInputException when the lock cannot be read, or records no inputs and the
   *     request gives none
   * @throws org.pylock4j.error.IndexException when an index or the network fails
   */
  public Verification verify(VerifyRequest request) {
    return new Verifier(this, Objects.requireNonNull(request, "request")).verify();
  }

  /**
   * {@code verify(VerifyRequest.of(lock))}: verifies a lock from what it records.
   *
   * @param lock the lock file, must not be null
   * @return the verification, never null
   */
  public Verification verify(Path lock) {
    return verify(VerifyRequest.of(lock));
  }

  /**
   * Reads a lock of either format (decided by its content; see {@link LockFiles#read(Path)}).
   *
   * @param lock the file, must not be null
   * @return a {@code Pylock} or a {@code RequirementsTxt}, never null
   * @throws InvalidInputException when it is missing or malformed, naming the line
   */
  public LockFile read(Path lock) {
    return LockFiles.read(lock);
  }

  /**
   * The graph of a lock file, for {@code why}-style questions.
   *
   * @param lock the file, must not be null
   * @return the graph, never null
   * @throws InvalidInputException when it is missing or malformed
   */
  public LockGraph graph(Path lock) {
    return LockGraph.of(read(lock));
  }

  /**
   * Opens the advisory database a request names, as {@link #lock} does for {@link
   * LockRequest#avoidVulnerable()} and malware, and as {@code pylock4j audit} does: the request's
   * offline OSV export, else its OSV API URL, else {@value VulnerabilityAudit#DEFAULT_OSV_URL};
   * reached through this locker's proxies and CA bundle, within the request's request timeout
   * and OSV answer size limit; the request's ignored vulnerabilities are not reported.
   *
   * @param request names the database (other settings are not looked at), must not be null
   * @return the database, never null; close it (it may outlive this locker)
   * @throws InvalidInputException when both an export and a URL are given, the export does not
   *     exist, the URL is not http(s), or a proxy URL or the CA bundle is unusable
   * @throws org.pylock4j.trust.AdvisoryDatabaseException when the export cannot be read
   */
  public VulnerabilityAudit advisories(LockRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.osvUrl().isPresent() && request.osvExport().isPresent()) {
      throw new InvalidInputException("give --osv-url or --osv-offline, not both", "--osv-offline");
    }
    VulnerabilityAudit.Builder builder = VulnerabilityAudit.builder()
        .ignore(request.ignoredVulnerabilities())
        .proxies(httpsProxy, httpProxy, noProxy)
        .trustedCertificates(certificates);
    request.requestTimeout().ifPresent(builder::requestTimeout);
    request.maxOsvResponseBytes().ifPresent(l -> builder.maxResponseBytes(l.bytes(), l.from()));
    if (request.osvExport().isPresent()) {
      Path export = request.osvExport().get();
      if (!java.nio.file.Files.exists(export)) {
        throw new InvalidInputException(
            "--osv-offline " + export + ": no such file or directory", export.toString());
      }
      builder.offlineExport(export);
    } else if (request.osvUrl().isPresent()) {
      String url = request.osvUrl().get();
      if (!url.matches("(?i)https?://.+")) {
        throw new InvalidInputException(
            "--osv-url must be an http(s) URL, not '" + url + "'", url);
      }
      builder.osvUrl(url);
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), request.osvUrl().orElse("OSV"));
    }
  }

  /** Releases the executor the locker owns (not one given to its builder). */
  @Override
  public void close() {
    if (owned != null) {
      owned.shutdownNow();
    }
  }

  Resolver resolver() {
    return resolver;
  }

  Map<String, String> environment() {
    return environment;
  }

  /** Where blocking lookups (the advisory database) run. */
  Executor blockingExecutor() {
    return executor;
  }

  /** An index over {@code urls} with {@code settings}; its warnings go to {@code warnings}. */
  PypiIndex index(List<String> urls, IndexStrategy strategy, IndexSettings settings,
      Consumer<String> warnings) {
    PypiIndex.Builder builder = PypiIndex.builder()
        .indexUrls(urls)
        .indexStrategy(strategy)
        .offline(settings.offline())
        .maxParallelRequests(settings.threads())
        .netrc(netrc)
        .proxies(httpsProxy, httpProxy, noProxy)
        .trustedCertificates(certificates)
        .warnings(warnings);
    if (settings.cacheDir() != null) {
      builder.cacheDirectory(settings.cacheDir());
    }
    if (settings.requestTimeout() != null) {
      builder.requestTimeout(settings.requestTimeout());
    }
    settings.request().maxPageBytes().ifPresent(l -> builder.maxPageBytes(l.bytes(), l.from()));
    settings.request().maxMetadataBytes().ifPresent(l -> builder.maxMetadataBytes(l.bytes(), l.from()));
    settings.request().maxFileBytes().ifPresent(l -> builder.maxFileBytes(l.bytes(), l.from()));
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), String.join(" ", urls));
    }
  }

  /** Builds a {@link Locker}. Not thread-safe; {@link #build()} leaves it unchanged. */
  public static final class Builder {
    private Resolver resolver;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path netrc;
    private String httpsProxy;
    private String httpProxy;
    private List<String> noProxy = List.of();
    private Path certificates;
    private Executor executor;

    private Builder() {}

    /**
     * Sets the resolver. The default is {@code SatResolver.create()}.
     *
     * @param resolver the resolver, must not be null
     * @return this builder
     */
    public Builder resolver(Resolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * Sets the variables {@code ${VAR}} in requirements files expands (e.g. {@code
     * System.getenv()}). The default is none: the library reads no environment of its own.
     *
     * @param variables the environment variables, must not be null
     * @return this builder
     */
    public Builder environment(Map<String, String> variables) {
      environment.clear();
      environment.putAll(variables);
      return this;
    }

    /**
     * Reads index credentials from this {@code .netrc} file. The default is none (the command
     * passes {@code ~/.netrc}).
     *
     * @param file the netrc file, must not be null
     * @return this builder
     */
    public Builder netrc(Path file) {
      this.netrc = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * The proxies indexes and the OSV API are reached through: see {@code
     * PypiIndex.Builder#proxies}. The default
     * is none (the command passes {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY}).
     *
     * @param httpsProxy the proxy URL for https requests, or null for none
     * @param httpProxy the proxy URL for http requests, or null for none
     * @param noProxy the hosts reached directly, must not be null
     * @return this builder
     */
    public Builder proxies(String httpsProxy, String httpProxy, List<String> noProxy) {
      this.httpsProxy = httpsProxy;
      this.httpProxy = httpProxy;
      this.noProxy = List.copyOf(Objects.requireNonNull(noProxy, "noProxy"));
      return this;
    }

    /**
     * A PEM file of the certificate authorities https indexes and the OSV API are verified
     * against, in place of the JDK's: see {@code PypiIndex.Builder#trustedCertificates}. The default is none (the
     * JDK's; the command passes {@code --cert} or {@code SSL_CERT_FILE}).
     *
     * @param pemFile the PEM file, or null for the JDK's trust store
     * @return this builder
     */
    public Builder trustedCertificates(Path pemFile) {
      this.certificates = pemFile;
      return this;
    }

    /**
     * Sets the executor of {@link Locker#lockAsync} and of index requests. The default is one the
     * locker owns and {@link Locker#close()} shuts down.
     *
     * @param executor the executor, must not be null
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the locker.
     *
     * @return the locker, never null
     */
    public Locker build() {
      return new Locker(this);
    }
  }
}
