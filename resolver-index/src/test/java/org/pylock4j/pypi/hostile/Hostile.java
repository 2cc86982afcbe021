package org.pylock4j.pypi.hostile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pylock4j.error.IndexException;
import org.pylock4j.pypi.PypiIndex;

/** Shared bits of the hostile tests: a client for loopback servers, bounded waits. */
final class Hostile {

  /** No test waits longer than this for one answer. */
  static final Duration BOUND = Duration.ofSeconds(20);

  private Hostile() {}

  static PypiIndex.Builder client(String... urls) {
    PypiIndex.Builder builder = PypiIndex.builder().retryBackoff(Duration.ofMillis(1)).retries(1);
    for (String url : urls) {
      builder.indexUrl(url);
    }
    return builder;
  }

  static PypiIndex client(Path cache, String url) {
    return client(url).cacheDirectory(cache).build();
  }

  static <T> T get(CompletableFuture<T> future) {
    try {
      return future.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("no answer within " + BOUND, e);
    }
  }

  /** The IndexException {@code future} fails with; an AssertionError for any other outcome. */
  static IndexException failure(CompletableFuture<?> future) {
    try {
      Object value = future.get(BOUND.toSeconds(), TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + value);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IndexException index) {
        return index;
      }
      throw new AssertionError("expected an IndexException, got " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("no answer within " + BOUND, e);
    }
  }
}
