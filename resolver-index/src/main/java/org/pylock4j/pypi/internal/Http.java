package org.pylock4j.pypi.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.pylock4j.error.IndexException;

/**
 * The one HTTP client of pylock4j (the index and the OSV API): asynchronous GETs and POSTs over
 * one {@link OkHttpClient} built from {@link HttpSettings} (logins, proxies, CA bundle,
 * timeouts): retries with backoff on 5xx, 429 and I/O failures (never on other 4xx), a total
 * deadline per request, bounded bodies, credentials scrubbed from every message, cancellation of
 * the call when the future is cancelled, counting of network requests per kind, and offline
 * answers from the HTTP cache. Not API: exported to the library modules only.
 */
public final class Http {

  /** What a request is for, to count network requests per kind. */
  public enum Kind {
    /** A Simple API page. */
    PAGE,
    /** A PEP 658 metadata file. */
    METADATA_FILE,
    /** A range of a distribution. */
    RANGE,
    /** A whole distribution. */
    WHOLE_FILE,
    /** Anything else (provenance, OSV). */
    OTHER
  }

  /**
   * A response.
   *
   * @param code the HTTP status
   * @param body the body
   * @param url the final URL (after redirects), without credentials
   * @param headers the response headers
   * @param offlineMiss whether an offline request found nothing in the cache
   */
  public record Result(int code, byte[] body, String url, Headers headers, boolean offlineMiss) {
    /**
     * A response header.
     *
     * @param name the header's name
     * @return its value, or null
     */
    public String header(String name) {
      return headers.get(name);
    }
  }

  private static final System.Logger LOG = System.getLogger(Http.class.getName());

  private final OkHttpClient client;
  private final Credentials credentials;
  private final int retries;
  private final Duration backoff;
  private final Duration deadline;
  private final HttpCache cache;
  private final LongAdder retryCount = new LongAdder();

  /*
   * deadline: the longest a request may take in total, retries and their delays included; zero
   * for none. cache: where answers that may be cached are kept, or null.
   */
  private Http(OkHttpClient client, Credentials credentials, int retries, Duration backoff,
      Duration deadline, HttpCache cache) {
    this.cache = cache;
    this.client = client;
    this.credentials = credentials;
    this.retries = retries;
    this.backoff = backoff;
    this.deadline = deadline;
  }

  /** One GET in progress: its request, limits and deadline. */
  private record Job(Request request, CompletableFuture<Result> future, AtomicReference<Call> current,
      long maxBytes, String limitName, long deadlineNanos, String accept, HttpCache.Entry cached,
      boolean digest) {
    String url() {
      return request.url().toString();
    }
  }

  /**
   * A factory of clients with {@code settings}: proxies and the CA bundle are read now, so that a
   * bad one fails here ({@link IllegalArgumentException} naming it, without a password), and the
   * client is made on the first {@code get()} (a {@code file:} index never loads OkHttp or TLS).
   *
   * @param settings how to reach servers
   * @param credentials the logins, which also learn the proxies' logins (to hide them)
   * @param requests network requests are counted here per kind, or null
   * @return a supplier of a new client on each call
   */
  public static java.util.function.Supplier<Http> factory(
      HttpSettings settings, Credentials credentials, Map<Kind, LongAdder> requests) {
    return factory(settings, credentials, requests, true);
  }

  /**
   * {@link #factory(HttpSettings, Credentials, Map)}, reading the CA bundle now only when {@code
   * certificatesNow}: an index client whose indexes are all {@code file:} may never make a
   * request (SSL_CERT_FILE's ~150 CAs cost ~0.2 s of CPU in a fresh JVM), so it reads them on the
   * first {@code get()}, and a bad bundle is then bad input naming the file.
   *
   * @param settings how to reach servers
   * @param credentials the logins, which also learn the proxies' logins (to hide them)
   * @param requests network requests are counted here per kind, or null
   * @param certificatesNow whether the CA bundle is read now (else on the first client)
   * @return a supplier of a new client on each call
   */
  public static java.util.function.Supplier<Http> factory(HttpSettings settings,
      Credentials credentials, Map<Kind, LongAdder> requests, boolean certificatesNow) {
    Proxies proxies = settings.httpsProxy() == null && settings.httpProxy() == null ? null
        : new Proxies(Proxies.parse(settings.httpsProxy(), credentials),
            Proxies.parse(settings.httpProxy(), credentials), settings.noProxy());
    Path pem = settings.certificates();
    if (pem == null || certificatesNow) {
      TrustedCertificates certificates = pem == null ? null : TrustedCertificates.read(pem);
      return () -> create(settings, credentials, requests, proxies, certificates);
    }
    TrustedCertificates[] read = new TrustedCertificates[1];
    return () -> {
      synchronized (read) {
        if (read[0] == null) {
          try {
            read[0] = TrustedCertificates.read(pem);
          } catch (IllegalArgumentException e) {
            throw new org.pylock4j.error.InvalidInputException(e.getMessage(), pem.toString());
          }
        }
      }
      return create(settings, credentials, requests, proxies, read[0]);
    };
  }

  private static Http create(HttpSettings settings, Credentials credentials,
      Map<Kind, LongAdder> requests, Proxies proxies, TrustedCertificates certificates) {
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
    dispatcher.setMaxRequests(settings.maxParallelRequests());
    dispatcher.setMaxRequestsPerHost(settings.maxParallelRequests());
    OkHttpClient.Builder http = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.readTimeout())
        .followRedirects(true)
        // a redirect never changes the scheme: https to http would downgrade, and other schemes
        // (file:) are not followed at all; Http reports the refusal naming both URLs
        .followSslRedirects(false)
        .addInterceptor(chain -> chain.proceed(
            chain.request().newBuilder().header("User-Agent", settings.userAgent()).build()))
        // per network hop, so that every host of a redirect chain gets its own login and no other
        .addNetworkInterceptor(chain -> {
          Request request = chain.request();
          if (requests != null) {
            Kind kind = request.tag(Kind.class);
            LongAdder count = requests.get(kind == null ? Kind.OTHER : kind);
            if (count != null) {
              count.increment();
            }
          }
          Credentials.Login login = credentials.loginFor(
              request.url().scheme(), request.url().host(), request.url().port());
          if (login != null) {
            request = request.newBuilder().header("Authorization", okhttp3.Credentials.basic(
                login.user(), login.password(), java.nio.charset.StandardCharsets.UTF_8)).build();
          } else {
            request = request.newBuilder().removeHeader("Authorization").build();
          }
          return chain.proceed(request);
        });
    if (proxies != null) {
      http.proxySelector(proxies).proxyAuthenticator((route, response) -> {
        Credentials.Login login = route == null ? null : proxies.loginFor(route.proxy().address());
        if (login == null || response.request().header("Proxy-Authorization") != null) {
          return null; // no login, or it was refused: the 407 is the answer
        }
        return response.request().newBuilder().header("Proxy-Authorization", okhttp3.Credentials.basic(
            login.user(), login.password(), java.nio.charset.StandardCharsets.UTF_8)).build();
      });
    }
    if (certificates != null) {
      http.sslSocketFactory(certificates.socketFactory(), certificates.trustManager());
    }
    HttpCache httpCache = null;
    if (settings.cacheDirectory() != null) {
      // our own store, not OkHttp's: its journal is not safe for several processes on one directory
      httpCache = new HttpCache(settings.cacheDirectory().resolve("http-v2"), settings.httpCacheEntryBytes());
    }
    return new Http(http.build(), credentials, settings.retries(), settings.retryBackoff(),
        settings.requestTimeout(), httpCache);
  }

  /** {@return how many requests were tried again} */
  public long retries() {
    return retryCount.sum();
  }

  /** Cancels the calls in flight, stops the client's threads and closes its connections. */
  public void close() {
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /**
   * POSTs {@code body}; as {@link #get}, never cached. The future completes with any response
   * that is not retried or fails with an {@link IndexException} naming the URL.
   *
   * @param url the URL
   * @param kind what the request is for
   * @param body the request body
   * @param contentType its media type, e.g. {@code application/json}
   * @param maxBytes the largest response body accepted
   * @param limitName the setting {@code maxBytes} comes from, for the error message
   * @return the future response
   */
  public CompletableFuture<Result> post(String url, Kind kind, byte[] body, String contentType,
      long maxBytes, String limitName) {
    Request request = new Request.Builder().url(url).tag(Kind.class, kind)
        .post(okhttp3.RequestBody.create(body, okhttp3.MediaType.get(contentType))).build();
    return start(request, maxBytes, limitName, null, null);
  }

  /**
   * GETs {@code url}; the future completes with any response that is not retried (the caller
   * interprets 404 and friends) or fails with an {@link IndexException} naming the URL.
   *
   * @param url the URL
   * @param kind what the request is for
   * @param headers extra request headers
   * @param offline answer from the HTTP cache only
   * @param cache whether the response may be stored in the HTTP cache
   * @param maxBytes the largest body accepted
   * @param limitName the setting {@code maxBytes} comes from, for the error message
   * @return the future response
   */
  public CompletableFuture<Result> get(String url, Kind kind, Map<String, String> headers,
      boolean offline, boolean cache, long maxBytes, String limitName) {
    Request.Builder builder = new Request.Builder().url(url).tag(Kind.class, kind);
    headers.forEach(builder::header);
    String accept = headers.getOrDefault("Accept", "");
    HttpCache.Entry cached = cache && this.cache != null ? this.cache.get(url, accept) : null;
    if (offline || (cached != null && cached.fresh(System.currentTimeMillis()))) {
      return CompletableFuture.completedFuture(cached != null
          ? new Result(200, cached.body(), cached.url(), cached.headers(), false)
          : new Result(504, new byte[0], url, Headers.of(), true));
    }
    if (cached != null) {
      String etag = cached.headers().get("ETag");
      String modified = cached.headers().get("Last-Modified");
      if (etag != null) {
        builder.header("If-None-Match", etag);
      }
      if (modified != null) {
        builder.header("If-Modified-Since", modified);
      }
    }
    if (!cache) {
      cached = null;
    }
    return start(builder.build(), maxBytes, limitName,
        cache && this.cache != null ? accept : null, cached);
  }

  private CompletableFuture<Result> start(Request request, long maxBytes, String limitName,
      String accept, HttpCache.Entry cached) {
    return start(request, maxBytes, limitName, accept, cached, false);
  }

  private CompletableFuture<Result> start(Request request, long maxBytes, String limitName,
      String accept, HttpCache.Entry cached, boolean digest) {
    CompletableFuture<Result> future = new CompletableFuture<>();
    AtomicReference<Call> current = new AtomicReference<>();
    future.whenComplete((r, e) -> {
      if (future.isCancelled()) {
        Call call = current.get();
        if (call != null) {
          call.cancel();
        }
      }
    });
    long deadlineNanos = deadline.isZero() ? Long.MAX_VALUE : System.nanoTime() + deadline.toNanos();
    attempt(new Job(request, future, current, maxBytes, limitName, deadlineNanos, accept, cached,
        digest), 1);
    return future;
  }

  /**
   * GETs {@code url} and hashes its body while it streams in, never holding it (a direct URL
   * given without a hash): the future's {@link Result#body()} is the lowercase hexadecimal
   * sha256 of a 200 answer (in ASCII), else empty; never cached.
   *
   * @param url the URL
   * @param maxBytes the largest body accepted
   * @param limitName the setting {@code maxBytes} comes from, for the error message
   * @return the future response
   */
  public CompletableFuture<Result> sha256(String url, long maxBytes, String limitName) {
    Request request = new Request.Builder().url(url).tag(Kind.class, Kind.WHOLE_FILE).build();
    return start(request, maxBytes, limitName, null, null, true);
  }

  private long remainingNanos(Job job) {
    return job.deadlineNanos() == Long.MAX_VALUE ? Long.MAX_VALUE : job.deadlineNanos() - System.nanoTime();
  }

  private IndexException pastDeadline(Job job, int attempt) {
    return failure(job, attempt, "no complete answer within the deadline of "
        + describe(deadline) + " (from requestTimeout)", 0, null);
  }

  private void attempt(Job job, int attempt) {
    CompletableFuture<Result> future = job.future();
    if (future.isDone()) {
      return;
    }
    long remaining = remainingNanos(job);
    if (remaining <= 0) {
      future.completeExceptionally(pastDeadline(job, attempt - 1));
      return;
    }
    Call call = client.newCall(job.request());
    if (remaining != Long.MAX_VALUE) {
      call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
    }
    job.current().set(call);
    if (future.isCancelled()) {
      call.cancel();
      return;
    }
    String url = job.url();
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        failed(job, attempt, e);
      }

      @Override
      public void onResponse(Call c, Response response) {
        try (response) {
          int code = response.code();
          HttpCache.Entry cached = job.cached();
          if (code == 304 && cached != null) {
            // still valid: the cached answer, kept as fresh as this confirmation
            HttpCache.Entry renewed = new HttpCache.Entry(cached.url(), cached.headers(), cached.body(),
                System.currentTimeMillis());
            cache.put(url, job.accept(), renewed);
            future.complete(new Result(200, cached.body(), cached.url(), cached.headers(), false));
            return;
          }
          if ((code >= 500 || code == 429) && response.networkResponse() != null
              && attempt <= retries) {
            retry(job, attempt, response.header("Retry-After"), "HTTP " + code);
            return;
          }
          if (code >= 500 || code == 429) {
            future.completeExceptionally(failure(job, attempt, "HTTP " + code, code, null));
            return;
          }
          if (code >= 300 && code < 400 && response.header("Location") != null) {
            // a redirect OkHttp did not follow: to another scheme (https to http, file:, ...)
            String from = credentials.scrub(response.request().url().toString());
            String to = Credentials.strip(credentials.scrub(response.header("Location")));
            future.completeExceptionally(new IndexException(credentials.scrub(
                job.request().method() + " " + url
                + " failed: refused the redirect from " + from + " to " + to
                + " (a redirect may not change the scheme)"), url, code, null));
            return;
          }
          byte[] body = !job.digest() ? read(response.body(), job.maxBytes(), job.limitName(), url)
              : code == 200 ? digest(response.body(), job.maxBytes(), job.limitName(), url)
              : new byte[0];
          String finalUrl = credentials.scrub(response.request().url().toString());
          if (code == 200 && job.accept() != null && !String.valueOf(response.header("Cache-Control"))
              .toLowerCase(java.util.Locale.ROOT).contains("no-store")) {
            cache.put(url, job.accept(), new HttpCache.Entry(finalUrl, response.headers(), body,
                System.currentTimeMillis()));
          }
          future.complete(new Result(code, body, finalUrl, response.headers(), false));
        } catch (IndexException e) {
          future.completeExceptionally(e);
        } catch (IOException e) {
          failed(job, attempt, e);
        } catch (RuntimeException e) {
          future.completeExceptionally(failure(job, attempt, describe(e), 0, e));
        }
      }
    });
  }

  private void failed(Job job, int attempt, IOException e) {
    if (job.future().isDone()) {
      return;
    }
    if (remainingNanos(job) <= 0) {
      job.future().completeExceptionally(pastDeadline(job, attempt));
    } else if (retryable(e) && attempt <= retries) {
      retry(job, attempt, null, describe(e));
    } else {
      job.future().completeExceptionally(failure(job, attempt, describe(e), 0, e));
    }
  }

  private void retry(Job job, int attempt, String retryAfter, String why) {
    retryCount.increment();
    long delay = backoff.toMillis() << Math.min(attempt - 1, 16);
    if (retryAfter != null) {
      try {
        delay = Math.max(delay, TimeUnit.SECONDS.toMillis(Long.parseLong(retryAfter.strip())));
      } catch (NumberFormatException e) {
        // an HTTP date: keep the computed backoff
      }
    }
    delay = Math.min(delay, 30_000);
    long remaining = remainingNanos(job);
    if (remaining != Long.MAX_VALUE && TimeUnit.MILLISECONDS.toNanos(delay) >= remaining) {
      job.future().completeExceptionally(failure(job, attempt, why + "; no time left for a "
          + "retry within the deadline of " + describe(deadline) + " (from requestTimeout)", 0, null));
      return;
    }
    LOG.log(System.Logger.Level.DEBUG, "retrying {0} in {1} ms after {2}",
        credentials.scrub(job.url()), delay, why);
    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)
        .execute(() -> attempt(job, attempt + 1));
  }

  /**
   * A duration in words: {@code 30 s}, {@code 500 ms}.
   *
   * @param duration the duration
   * @return it in words
   */
  public static String describe(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  private static byte[] read(ResponseBody body, long maxBytes, String limitName, String url)
      throws IOException {
    long declared = body.contentLength();
    if (declared > maxBytes) {
      throw tooLarge(url, declared, maxBytes, limitName);
    }
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (source.read(buffer, 64 * 1024) != -1) {
      if (buffer.size() > maxBytes) {
        throw tooLarge(url, buffer.size(), maxBytes, limitName);
      }
    }
    return buffer.readByteArray();
  }

  /** The hexadecimal sha256 of {@code body} (ASCII), read streamed up to {@code maxBytes}. */
  private static byte[] digest(ResponseBody body, long maxBytes, String limitName, String url)
      throws IOException {
    long declared = body.contentLength();
    if (declared > maxBytes) {
      throw tooLarge(url, declared, maxBytes, limitName);
    }
    try (java.io.InputStream in = body.byteStream()) {
      return org.pylock4j.internal.Digests.sha256(in, maxBytes,
              total -> tooLarge(url, total, maxBytes, limitName))
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
  }

  private static IndexException tooLarge(String url, long size, long max, String limitName) {
    return new IndexException("response from " + url + " is larger (" + size
        + " bytes) than the maximum allowed (" + max + " bytes, from " + limitName + ")",
        url, 0, null);
  }

  private IndexException failure(Job job, int attempts, String why, int status, Throwable e) {
    String url = job.url();
    String message = job.request().method() + " " + url + " failed" + (attempts > 1 ? " after " + attempts + " attempts" : "")
        + ": " + why;
    return new IndexException(credentials.scrub(message), url, status, null);
  }

  private static boolean retryable(IOException e) {
    if (e instanceof UnknownHostException) {
      return false;
    }
    if (e instanceof InterruptedIOException) {
      return true; // timeouts; a cancelled call is never retried because the future is done
    }
    if (e instanceof ProtocolException && e.getMessage() != null
        && e.getMessage().startsWith("Too many follow-up requests")) {
      return false;
    }
    return !(e instanceof javax.net.ssl.SSLPeerUnverifiedException);
  }

  /**
   * What went wrong, in words (no exception class names).
   *
   * @param e the failure
   * @return it in words
   */
  public static String describe(Throwable e) {
    String message = e.getMessage();
    if (e instanceof java.net.SocketTimeoutException) {
      return "timed out" + (message == null ? "" : " (" + message + ")");
    }
    if (e instanceof InterruptedIOException) {
      return "timed out";
    }
    if (e instanceof ProtocolException && message != null
        && message.startsWith("Too many follow-up requests")) {
      return "too many redirects (" + message + ")";
    }
    if (e instanceof ProtocolException && "unexpected end of stream".equals(message)) {
      return "truncated response (unexpected end of stream)";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host" + (message == null ? "" : " " + message);
    }
    if (e instanceof java.net.ConnectException) {
      return "cannot connect" + (message == null ? "" : " (" + message + ")");
    }
    if (e instanceof javax.net.ssl.SSLException) {
      return "TLS failure" + (message == null ? "" : " (" + message + ")");
    }
    if (e instanceof java.io.EOFException) {
      return "connection closed early" + (message == null ? "" : " (" + message + ")");
    }
    if (e instanceof ProtocolException) {
      return "bad HTTP response" + (message == null ? "" : " (" + message + ")");
    }
    if (e instanceof IOException) {
      return "I/O failure" + (message == null ? "" : " (" + message + ")");
    }
    return "failure" + (message == null ? "" : " (" + message + ")");
  }
}
