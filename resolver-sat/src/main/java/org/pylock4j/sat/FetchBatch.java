package org.pylock4j.sat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One batch of page and metadata requests, at most {@code maxParallel} in flight. The batch
 * completes when every request has completed, successfully or not: results are read afterwards,
 * in the order the requests were added, so nothing depends on completion order.
 */
final class FetchBatch {

  /** One request and, once complete, its outcome. */
  static final class Fetch<T> {
    final Supplier<CompletableFuture<T>> start;
    volatile T value;
    volatile Throwable error;

    Fetch(Supplier<CompletableFuture<T>> start) {
      this.start = start;
    }
  }

  private final int maxParallel;
  private final List<Fetch<?>> fetches = new ArrayList<>();
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private int next;
  private int running;
  private int remaining;
  private boolean pumping;
  private boolean pumpAgain;
  private volatile boolean cancelled;

  FetchBatch(int maxParallel) {
    this.maxParallel = maxParallel;
  }

  <T> Fetch<T> add(Supplier<CompletableFuture<T>> start) {
    Fetch<T> f = new Fetch<>(start);
    fetches.add(f);
    return f;
  }

  int size() {
    return fetches.size();
  }

  /** Starts the requests; the future completes when all have. */
  CompletableFuture<Void> run() {
    synchronized (this) {
      remaining = fetches.size();
    }
    if (fetches.isEmpty()) {
      done.complete(null);
    } else {
      pump();
    }
    return done;
  }

  /** Cancels the requests in flight and starts no more. */
  void cancel() {
    cancelled = true;
    for (CompletableFuture<?> f : inFlight) {
      f.cancel(true);
    }
    done.cancel(false);
  }

  private void pump() {
    synchronized (this) {
      if (pumping) {
        pumpAgain = true;
        return;
      }
      pumping = true;
    }
    while (true) {
      Fetch<?> f;
      synchronized (this) {
        if (!cancelled && next < fetches.size() && running < maxParallel) {
          f = fetches.get(next++);
          running++;
        } else if (pumpAgain) {
          pumpAgain = false;
          continue;
        } else {
          pumping = false;
          return;
        }
      }
      start(f);
    }
  }

  private <T> void start(Fetch<T> f) {
    CompletableFuture<T> future;
    try {
      future = f.start.get();
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<T> started = future;
    inFlight.add(started);
    started.whenComplete(
        (value, error) -> {
          f.value = value;
          f.error = error;
          inFlight.remove(started);
          boolean last;
          synchronized (this) {
            running--;
            last = --remaining == 0;
          }
          if (last) {
            done.complete(null);
          } else {
            pump();
          }
        });
  }
}
