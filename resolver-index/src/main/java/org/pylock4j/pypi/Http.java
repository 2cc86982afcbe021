package org.pylock4j.pypi;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
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
 * Asynchronous GETs over one {@link OkHttpClient}: retries with backoff on 5xx, 429 and I/O
 * failures (never on other 4xx), bounded bodies, cancellation of the call when the future is
 * cancelled, counting of network requests per kind, and offline answers from the HTTP cache.
 */
final class Http {

  enum Kind { PAGE, METADATA_FILE, RANGE, WHOLE_FILE, OTHER }

  /** A response: status, body, final URL (after redirects, without credentials), headers. */
  record Result(int code, byte[] body, String url, Headers headers, boolean offlineMiss) {
    String header(String name) {
      return headers.get(name);
    }
  }

  private static final System.Logger LOG = System.getLogger(Http.class.getName());

  private final OkHttpClient client;
  private final Credentials credentials;
  private final int retries;
  private final Duration backoff;
  private final Map<Kind, LongAdder> requests;
  private final Duration deadline;
  private final HttpCache cache;
  final LongAdder retryCount = new LongAdder();

  /**
   * @param deadline the longest a request may take in total, retries and their delays included;
   *     zero for none
   * @param cache where answers that may be cached are kept, or null
   */
  Http(OkHttpClient client, Credentials credentials, int retries, Duration backoff,
      Map<Kind, LongAdder> requests, Duration deadline, HttpCache cache) {
    this.cache = cache;
    this.client = client;
    this.credentials = credentials;
    this.retries = retries;
    this.backoff = backoff;
    this.requests = requests;
    this.deadline = deadline;
  }

  /** One GET in progress: its request, limits and deadline. */
  private record Job(Request request, CompletableFuture<Result> future, AtomicReference<Call> current,
      long maxBytes, String limitName, long deadlineNanos, String accept, HttpCache.Entry cached) {
    String url() {
      return request.url().toString();
    }
  }

  /**
   * GETs {@code url}; the future completes with any response that is not retried (the caller
   * interprets 404 and friends) or fails with an {@link IndexException} naming the URL.
   *
   * @param headers extra request headers
   * @param offline answer from the HTTP cache only
   * @param cache whether the response may be stored in the HTTP cache
   * @param maxBytes the largest body accepted
   * @param limitName the setting {@code maxBytes} comes from, for the error message
   */
  CompletableFuture<Result> get(String url, Kind kind, Map<String, String> headers,
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
    Request request = builder.build();
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
    attempt(new Job(request, future, current, maxBytes, limitName, deadlineNanos,
        cache && this.cache != null ? accept : null, cached), 1);
    return future;
  }

  private long remainingNanos(Job job) {
    return job.deadlineNanos() == Long.MAX_VALUE ? Long.MAX_VALUE : job.deadlineNanos() - System.nanoTime();
  }

  private IndexException pastDeadline(Job job, int attempt) {
    return failure(job.url(), attempt, "no complete answer within the deadline of "
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
            future.completeExceptionally(failure(url, attempt, "HTTP " + code, code, null));
            return;
          }
          if (code >= 300 && code < 400 && response.header("Location") != null) {
            // a redirect OkHttp did not follow: to another scheme (https to http, file:, ...)
            String from = credentials.scrub(response.request().url().toString());
            String to = Credentials.strip(credentials.scrub(response.header("Location")));
            future.completeExceptionally(new IndexException(credentials.scrub("GET " + url
                + " failed: refused the redirect from " + from + " to " + to
                + " (a redirect may not change the scheme)"), url, code, null));
            return;
          }
          byte[] body = read(response.body(), job.maxBytes(), job.limitName(), url);
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
          future.completeExceptionally(failure(url, attempt, describe(e), 0, e));
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
      job.future().completeExceptionally(failure(job.url(), attempt, describe(e), 0, e));
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
      job.future().completeExceptionally(failure(job.url(), attempt, why + "; no time left for a "
          + "retry within the deadline of " + describe(deadline) + " (from requestTimeout)", 0, null));
      return;
    }
    LOG.log(System.Logger.Level.DEBUG, "retrying {0} in {1} ms after {2}",
        credentials.scrub(job.url()), delay, why);
    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)
        .execute(() -> attempt(job, attempt + 1));
  }

  static String describe(Duration duration) {
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

  private static IndexException tooLarge(String url, long size, long max, String limitName) {
    return new IndexException("response from " + url + " is larger (" + size
        + " bytes) than the maximum allowed (" + max + " bytes, from " + limitName + ")",
        url, 0, null);
  }

  private IndexException failure(String url, int attempts, String why, int status, Throwable e) {
    String message = "GET " + url + " failed" + (attempts > 1 ? " after " + attempts + " attempts" : "")
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

  /** What went wrong, in words (no exception class names). */
  static String describe(Throwable e) {
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
