package org.pylock4j.resolve;

import java.util.concurrent.CompletableFuture;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;

/**
 * A {@link PackageSource} over pages and metadata held in memory, for tests of embedding projects
 * and for benchmarks. Built with {@link #builder()}; immutable and thread-safe once built.
 */
public final class InMemoryPackageSource implements PackageSource {

  private InMemoryPackageSource() {
    throw new UnsupportedOperationException("stub");
  }

  @Override
  public CompletableFuture<ProjectPage> page(ProjectName project) {
    throw new UnsupportedOperationException("stub");
  }

  @Override
  public CompletableFuture<CoreMetadata> metadata(DistributionFile file) {
    throw new UnsupportedOperationException("stub");
  }
}
