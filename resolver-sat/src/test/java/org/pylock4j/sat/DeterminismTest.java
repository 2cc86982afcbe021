package org.pylock4j.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.PackageSource;
import org.pylock4j.resolve.ProjectPage;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.ResolverOptions;

/**
 * The same request over the same source contents gives equal resolutions whatever the order in
 * which the source's futures complete and however many threads run the resolution.
 */
class DeterminismTest {

  /**
   * Answers each request with a pending future; every request also schedules, on the executor,
   * the completion of one pending future picked at random, so futures complete in a shuffled
   * order, on several threads.
   */
  static final class ShufflingSource implements PackageSource {
    private final PackageSource delegate;
    private final ExecutorService executor;
    private final Random random;
    private final List<Runnable> pending = new ArrayList<>();

    ShufflingSource(PackageSource delegate, ExecutorService executor, long seed) {
      this.delegate = delegate;
      this.executor = executor;
      this.random = new Random(seed);
    }

    private <T> CompletableFuture<T> later(CompletableFuture<T> answer) {
      CompletableFuture<T> future = new CompletableFuture<>();
      synchronized (this) {
        pending.add(() -> answer.whenComplete((v, e) -> {
          if (e != null) {
            future.completeExceptionally(e);
          } else {
            future.complete(v);
          }
        }));
      }
      executor.execute(() -> {
        Runnable next;
        synchronized (this) {
          next = pending.remove(random.nextInt(pending.size()));
        }
        next.run();
      });
      return future;
    }

    @Override
    public CompletableFuture<ProjectPage> page(ProjectName project) {
      return later(delegate.page(project));
    }

    @Override
    public CompletableFuture<CoreMetadata> metadata(DistributionFile file) {
      return later(delegate.metadata(file));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"uv-jupyter", "resolvelib-cheroot", "uv-boto3"})
  void sameResolutionWhateverTheCompletionOrderAndThreadCount(String name) throws Exception {
    ResolutionRequest base = RealDataTest.request(name);
    Resolution reference = SatResolver.create().resolve(base);
    for (int threads : new int[] {1, 16}) {
      for (long seed = 1; seed <= 2; seed++) {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
          ResolutionRequest shuffled = base.toBuilder()
              .source(new ShufflingSource(base.source(), executor, seed * threads))
              .executor(executor)
              .options(new ResolverOptions(200, threads, ResolverOptions.DEFAULTS.timeout()))
              .build();
          Resolution r = SatResolver.create().resolve(shuffled);
          assertEquals(reference, r, threads + " threads, seed " + seed);
          assertEquals(reference.statistics().metadataFetched(), r.statistics().metadataFetched());
          assertEquals(reference.statistics().rounds(), r.statistics().rounds());
        } finally {
          executor.shutdownNow();
        }
      }
    }
  }
}
