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
import okhttp3.CacheControl;
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
  final LongAdder retryCount = new LongAdder();

  Http(OkHttpClient client, Credentials credentials, int retries, Duration backoff,
      Map<Kind, LongAdder> requests) {
    this.client = client;
    this.credentials = credentials;
    this.retries = retries;
    this.backoff = backoff;
    this.requests = requests;
  }

  /** The client requests go through. */
  OkHttpClient client() {
    return client;
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
    if (offline) {
      builder.cacheControl(CacheControl.FORCE_CACHE);
    } else if (!cache) {
      builder.cacheControl(new CacheControl.Builder().noStore().build());
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
    attempt(request, 1, future, current, maxBytes, limitName);
    return future;
  }

  private void attempt(Request request, int attempt, CompletableFuture<Result> future,
      AtomicReference<Call> current, long maxBytes, String limitName) {
    if (future.isDone()) {
      return;
    }
    Call call = client.newCall(request);
    current.set(call);
    if (future.isCancelled()) {
      call.cancel();
      return;
    }
    String url = request.url().toString();
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        if (future.isDone()) {
          return;
        }
        if (retryable(e) && attempt <= retries) {
          retry(request, attempt, future, current, maxBytes, limitName, null, describe(e));
        } else {
          future.completeExceptionally(failure(url, attempt, describe(e), 0, e));
        }
      }

      @Override
      public void onResponse(Call c, Response response) {
        try (response) {
          int code = response.code();
          if (code == 504 && response.networkResponse() == null && response.cacheResponse() == null) {
            // OkHttp's answer to an only-if-cached request the cache cannot satisfy
            future.complete(new Result(code, new byte[0], url, response.headers(), true));
            return;
          }
          if ((code >= 500 || code == 429) && response.networkResponse() != null
              && attempt <= retries) {
            retry(request, attempt, future, current, maxBytes, limitName,
                response.header("Retry-After"), "HTTP " + code);
            return;
          }
          if (code >= 500 || code == 429) {
            future.completeExceptionally(failure(url, attempt, "HTTP " + code, code, null));
            return;
          }
          byte[] body = read(response.body(), maxBytes, limitName, url);
          future.complete(new Result(code, body, credentials.scrub(response.request().url().toString()),
              response.headers(), false));
        } catch (IndexException e) {
          future.completeExceptionally(e);
        } catch (IOException e) {
          if (retryable(e) && attempt <= retries) {
            retry(request, attempt, future, current, maxBytes, limitName, null, describe(e));
          } else {
            future.completeExceptionally(failure(url, attempt, describe(e), 0, e));
          }
        } catch (RuntimeException e) {
          future.completeExceptionally(failure(url, attempt, describe(e), 0, e));
        }
      }
    });
  }

  private void retry(Request request, int attempt, CompletableFuture<Result> future,
      AtomicReference<Call> current, long maxBytes, String limitName, String retryAfter,
      String why) {
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
    LOG.log(System.Logger.Level.DEBUG, "retrying {0} in {1} ms after {2}",
        request.url(), delay, why);
    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)
        .execute(() -> attempt(request, attempt + 1, future, current, maxBytes, limitName));
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

  private static String describe(Throwable e) {
    if (e instanceof java.net.SocketTimeoutException) {
      return "timed out" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
    if (e instanceof ProtocolException && e.getMessage() != null
        && e.getMessage().startsWith("Too many follow-up requests")) {
      return "too many redirects (" + e.getMessage() + ")";
    }
    if (e instanceof ProtocolException && "unexpected end of stream".equals(e.getMessage())) {
      return "truncated response (unexpected end of stream)";
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
