package org.pylock4j.resolve;

import java.util.concurrent.CompletableFuture;
import org.pylock4j.error.PylockException;
import org.pylock4j.error.UnsatisfiableException;

/**
 * Resolves a request into the one optimal lock graph. Obtain one from an implementation module
 * ({@code SatResolver.create()} in resolver-sat).
 *
 * <p>Thread-safe: one resolver may serve many concurrent requests.
 */
public interface Resolver {

  /**
   * Resolves {@code request}, blocking the caller.
   *
   * @param request the request, must not be null
   * @return the resolution, never null
   * @throws UnsatisfiableException when no set of versions satisfies the request
   * @throws PylockException on index failures, bad input in metadata, cancellation
   */
  Resolution resolve(ResolutionRequest request);

  /**
   * Resolves {@code request} on the request's executor. Cancelling the future stops fetching and
   * solving promptly.
   *
   * @param request the request, must not be null
   * @return a future of the resolution, failing with the exceptions {@link #resolve} throws
   */
  CompletableFuture<Resolution> resolveAsync(ResolutionRequest request);
}
