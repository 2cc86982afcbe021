package org.pylock4j.pypi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Computed values by key within a process: one computation in flight per key, successes kept in
 * a bounded Caffeine cache, failures and cancellations never kept (the next call retries).
 *
 * <p>Not Caffeine's {@code AsyncCache}: it logs every load that fails at WARNING with a stack
 * trace through {@code System.Logger}, so each unreachable page would print a trace on the
 * command's stderr (which only {@code --verbose} may show) and be reported twice to an embedder.
 */
final class Memo<K, V> {

  private final Cache<K, V> done;
  private final ConcurrentHashMap<K, CompletableFuture<V>> inflight = new ConcurrentHashMap<>();

  Memo(long maximumSize) {
    this.done = Caffeine.newBuilder().maximumSize(maximumSize).build();
  }

  /** The shared future of {@code key}'s value; the caller must not cancel it (use a view). */
  CompletableFuture<V> get(K key, Function<K, CompletableFuture<V>> load) {
    V value = done.getIfPresent(key);
    if (value != null) {
      return CompletableFuture.completedFuture(value);
    }
    boolean[] created = new boolean[1];
    CompletableFuture<V> future = inflight.computeIfAbsent(key, k -> {
      created[0] = true;
      return new CompletableFuture<>();
    });
    if (created[0]) {
      CompletableFuture<V> loaded;
      try {
        loaded = load.apply(key);
      } catch (RuntimeException e) {
        loaded = CompletableFuture.failedFuture(e);
      }
      CompletableFuture<V> source = loaded;
      future.whenComplete((v, e) -> {
        if (future.isCancelled()) {
          source.cancel(true);
        }
      });
      source.whenComplete((v, e) -> {
        if (e == null && v != null) {
          done.put(key, v);
        }
        inflight.remove(key, future);
        if (e != null) {
          future.completeExceptionally(MetadataFetcher.unwrap(e));
        } else {
          future.complete(v);
        }
      });
      future.whenComplete((v, e) -> inflight.remove(key, future));
    }
    return future;
  }
}
