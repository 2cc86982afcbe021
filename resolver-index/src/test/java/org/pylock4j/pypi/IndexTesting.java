package org.pylock4j.pypi;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.pylock4j.error.IndexException;

final class IndexTesting {

  private IndexTesting() {}

  static Path resource(String name) {
    try {
      return Path.of(IndexTesting.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A builder for tests: no netrc of the machine, quick retries. */
  static PypiIndex.Builder builder(String... urls) {
    return PypiIndex.builder().indexUrls(List.of(urls)).netrc(null).retryBackoff(Duration.ofMillis(1));
  }

  static IndexException failure(CompletableFuture<?> future) {
    try {
      future.get();
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof IndexException index) {
        return index;
      }
      throw new AssertionError("expected an IndexException, got " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a failure, got " + future.join());
  }
}
