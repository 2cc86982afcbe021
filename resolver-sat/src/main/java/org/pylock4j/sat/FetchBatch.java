package org.pylock4j.sat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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
    final Consumer<T> then;
    volatile T value;
    volatile Throwable error;

    Fetch(Supplier<CompletableFuture<T>> start, Consumer<T> then) {
      this.start = start;
      this.then = then;
    }
  }

  private final int maxParallel;
  private final List<Fetch<?>> fetches = new ArrayList<>();
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private int next;
  private int running;
  private int remaining;
  private boolean started;
  private boolean pumping;
  private boolean pumpAgain;
  private volatile boolean cancelled;

  FetchBatch(int maxParallel) {
    this.maxParallel = maxParallel;
  }

  <T> Fetch<T> add(Supplier<CompletableFuture<T>> start) {
    return add(start, null);
  }

  /**
   * Adds a request; {@code then} (or null) runs with its value on the completing thread before
   * the batch can complete, and may add more requests to the batch (from any thread).
   */
  <T> Fetch<T> add(Supplier<CompletableFuture<T>> start, Consumer<T> then) {
    Fetch<T> f = new Fetch<>(start, then);
    boolean live;
    synchronized (this) {
      fetches.add(f);
      remaining++;
      live = started;
    }
    if (live) {
      pump();
    }
    return f;
  }

  /** Starts the requests; the future completes when all have, including those added later. */
  CompletableFuture<Void> run() {
    boolean empty;
    synchronized (this) {
      started = true;
      empty = remaining == 0;
    }
    if (empty) {
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
    CompletableFuture<T> pending = future;
    inFlight.add(pending);
    if (cancelled) {
      pending.cancel(true); // cancel() may have looked at inFlight before the add
    }
    pending.whenComplete(
        (value, error) -> {
          f.value = value;
          f.error = error;
          if (error == null && f.then != null && !cancelled) {
            try {
              f.then.accept(value);
            } catch (RuntimeException e) {
              f.error = e;
            }
          }
          inFlight.remove(pending);
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
