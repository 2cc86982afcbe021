package org.pylock4j.pypi;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-flight futures of one operation (a page or a metadata lookup that may take several
 * requests), so that cancelling the operation's future cancels whatever request is running.
 */
final class Ops {

  private final Set<CompletableFuture<?>> inflight = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  /** Tracks {@code future} until it completes; cancels it at once if the operation is cancelled. */
  <T> CompletableFuture<T> track(CompletableFuture<T> future) {
    inflight.add(future);
    future.whenComplete((r, e) -> inflight.remove(future));
    if (cancelled) {
      future.cancel(true);
    }
    return future;
  }

  /** Cancels the tracked futures when {@code operation} is cancelled; returns {@code operation}. */
  <T> CompletableFuture<T> bind(CompletableFuture<T> operation) {
    operation.whenComplete((r, e) -> {
      if (operation.isCancelled()) {
        cancelled = true;
        inflight.forEach(f -> f.cancel(true));
      }
    });
    return operation;
  }

  /**
   * A view of a shared future: completes with it; cancelling the last view that waits cancels the
   * shared future itself.
   */
  static <T> CompletableFuture<T> view(CompletableFuture<T> shared,
      ConcurrentHashMap<CompletableFuture<?>, java.util.concurrent.atomic.AtomicInteger> waiters) {
    java.util.concurrent.atomic.AtomicInteger count =
        waiters.computeIfAbsent(shared, k -> new java.util.concurrent.atomic.AtomicInteger());
    count.incrementAndGet();
    CompletableFuture<T> view = new CompletableFuture<>();
    shared.whenComplete((r, e) -> {
      waiters.remove(shared);
      if (e != null) {
        view.completeExceptionally(e instanceof java.util.concurrent.CompletionException
            && e.getCause() != null ? e.getCause() : e);
      } else {
        view.complete(r);
      }
    });
    view.whenComplete((r, e) -> {
      if (view.isCancelled() && count.decrementAndGet() == 0 && !shared.isDone()) {
        shared.cancel(true);
      }
    });
    return view;
  }
}
