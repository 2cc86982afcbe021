package org.pylock4j.lock;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.PublisherIdentity;

/**
 * Finds the publisher identities of a file's PEP 740 provenance, for {@link LockVerifier} to
 * compare with a lock's {@code attestation-identities}. {@code PypiIndex::publishers} is one.
 * May be called from any thread, concurrently.
 */
@FunctionalInterface
public interface PublisherLookup {

  /**
   * The identities of {@code file}'s provenance.
   *
   * @param file a file of a project page of the request's source, never null
   * @return the identities, empty when the file has no provenance; never null (the future may
   *     fail with a {@code PylockException} naming what could not be read)
   */
  CompletableFuture<List<PublisherIdentity>> publishers(DistributionFile file);
}
