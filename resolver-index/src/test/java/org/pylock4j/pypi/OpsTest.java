package org.pylock4j.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpsTest {

  @Test
  void theSharedWorkIsCancelledOnlyWhenEveryViewIsCancelled() {
    ConcurrentHashMap<CompletableFuture<?>, AtomicInteger> waiters = new ConcurrentHashMap<>();
    CompletableFuture<String> shared = new CompletableFuture<>();
    CompletableFuture<String> a = Ops.view(shared, waiters);
    CompletableFuture<String> b = Ops.view(shared, waiters);
    a.cancel(true);
    assertFalse(shared.isCancelled());
    b.cancel(true);
    assertTrue(shared.isCancelled());
  }

  @Test
  void viewsCompleteWithTheSharedResult() {
    ConcurrentHashMap<CompletableFuture<?>, AtomicInteger> waiters = new ConcurrentHashMap<>();
    CompletableFuture<String> shared = new CompletableFuture<>();
    CompletableFuture<String> view = Ops.view(shared, waiters);
    shared.complete("page");
    assertEquals("page", view.join());
    assertTrue(waiters.isEmpty());
  }

  @Test
  void cancellingAnOperationCancelsItsTrackedRequests() {
    Ops ops = new Ops();
    CompletableFuture<String> request = ops.track(new CompletableFuture<>());
    CompletableFuture<String> operation = ops.bind(request.thenApply(s -> s));
    operation.cancel(true);
    assertTrue(request.isCancelled());
    // a request started after the cancellation is cancelled at once
    assertTrue(ops.track(new CompletableFuture<>()).isCancelled());
  }

  @Test
  void memoKeepsSuccessesAndForgetsFailures() {
    Memo<String, String> memo = new Memo<>(10);
    AtomicInteger loads = new AtomicInteger();
    memo.get("k", k -> {
      loads.incrementAndGet();
      return CompletableFuture.failedFuture(new IllegalStateException("boom"));
    });
    assertEquals("v", memo.get("k", k -> {
      loads.incrementAndGet();
      return CompletableFuture.completedFuture("v");
    }).join());
    assertEquals("v", memo.get("k", k -> {
      loads.incrementAndGet();
      return CompletableFuture.completedFuture("other");
    }).join());
    assertEquals(2, loads.get());
  }
}
