package org.pylock4j.resolve;

import java.util.concurrent.CompletableFuture;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;

/**
 * Where a resolver reads projects from: an index ({@code PypiIndex}), several, or an in-memory
 * set ({@link InMemoryPackageSource}).
 *
 * <p>Implementations are thread-safe; both methods may be called concurrently from any thread and
 * must not block the caller. A future that fails completes with a {@link
 * org.pylock4j.error.PylockException} (usually an {@link org.pylock4j.error.IndexException}).
 * Cancelling a returned future should abandon the work when possible.
 */
public interface PackageSource {

  /**
   * The page of {@code project}; a page with no files when no index has it.
   *
   * @param project the project, must not be null
   * @return the page, never null
   */
  CompletableFuture<ProjectPage> page(ProjectName project);

  /**
   * The core metadata of one file from a page this source returned.
   *
   * @param file the file, must not be null
   * @return its metadata, never null
   */
  CompletableFuture<CoreMetadata> metadata(DistributionFile file);
}
