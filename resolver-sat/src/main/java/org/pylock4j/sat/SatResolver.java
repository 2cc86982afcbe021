package org.pylock4j.sat;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.pylock4j.error.PylockException;
import org.pylock4j.error.ResolutionCancelledException;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.Resolver;

/**
 * The {@link Resolver} of pylock4j: encodes the request into SAT, solves it lazily with one
 * incremental Sat4j solver (fetching metadata only for versions the solver picks), and returns
 * the lexicographic optimum, or a minimal explanation when there is none.
 *
 * <pre>{@code
 * Resolution lock = SatResolver.create().resolve(request);
 * }</pre>
 *
 * <p>Stateless and thread-safe: one instance serves any number of concurrent requests.
 */
public final class SatResolver implements Resolver {

  private SatResolver() {}

  /** {@return a resolver} */
  public static SatResolver create() {
    return new SatResolver();
  }

  @Override
  public Resolution resolve(ResolutionRequest request) {
    try {
      return resolveAsync(request).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new PylockException("resolution failed: " + cause, cause);
    } catch (CancellationException e) {
      throw new ResolutionCancelledException("the resolution was cancelled");
    }
  }

  @Override
  public CompletableFuture<Resolution> resolveAsync(ResolutionRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.universal().isPresent()) {
      return new Forks(request).start();
    }
    return new Session(request).start();
  }
}
