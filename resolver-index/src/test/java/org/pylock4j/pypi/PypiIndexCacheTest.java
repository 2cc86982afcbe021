package org.pylock4j.pypi;

import org.pylock4j.testing.SimpleIndexServer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.error.IndexException;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;

/** The disk caches: a warm run fetches no metadata; offline answers from the cache or fails clearly. */
class PypiIndexCacheTest {

  private static final Path POETRY = IndexTesting.resource("indexes/poetry");
  private static final List<String> PROJECTS = List.of("six", "pluggy", "poetry-core", "jupyter", "requests", "attrs");

  /** Fetches the metadata of every wheel of {@link #PROJECTS} that has a PEP 658 file. */
  private static List<CoreMetadata> run(PypiIndex index) {
    List<CoreMetadata> result = new ArrayList<>();
    for (String name : PROJECTS) {
      for (DistributionFile file : index.page(ProjectName.of(name)).join().files()) {
        if (file.hasCoreMetadataFile()) {
          result.add(index.metadata(file).join());
        }
      }
    }
    return result;
  }

  @Test
  void aWarmCacheMakesNoMetadataRequests(@TempDir Path cache, @TempDir Path root) {
    // plus a wheel without a PEP 658 file but with a sha256: read by range requests once
    TestLayout.project(root, "demo", TestLayout.Dist.of("demo-1.0-py3-none-any.whl",
        Dists.wheel("demo", "1.0", Dists.metadata("demo", "1.0", "six"), 100_000)));
    try (SimpleIndexServer server = SimpleIndexServer.start(POETRY);
        SimpleIndexServer demo = SimpleIndexServer.start(root)) {
      List<CoreMetadata> cold;
      try (PypiIndex index = IndexTesting.builder(server.indexUrl(), demo.indexUrl()).cacheDirectory(cache).build()) {
        cold = run(index);
        DistributionFile wheel = index.page(ProjectName.of("demo")).join().files().get(0);
        assertEquals(List.of("six"), index.metadata(wheel).join().requiresDist());
        // two jupyter wheels share one metadata file (same sha256): the second comes from the disk cache
        assertEquals(cold.size(), index.statistics().metadataFileRequests() + index.statistics().metadataCacheHits());
        assertEquals(1, index.statistics().metadataCacheHits());
        assertEquals(2, index.statistics().rangeRequests());
      }
      server.resetCounts();
      demo.resetCounts();
      try (PypiIndex index = IndexTesting.builder(server.indexUrl(), demo.indexUrl()).cacheDirectory(cache).build()) {
        assertEquals(cold, run(index));
        DistributionFile wheel = index.page(ProjectName.of("demo")).join().files().get(0);
        assertEquals(List.of("six"), index.metadata(wheel).join().requiresDist());
        IndexStatistics warm = index.statistics();
        assertEquals(0, warm.metadataRequests());
        assertEquals(cold.size() + 1, warm.metadataCacheHits());
        assertEquals(0, server.requestCountEndingWith(".metadata"));
        assertEquals(0, demo.rangeResponses());
        // pages are revalidated (304), never re-downloaded blindly
        assertEquals(PROJECTS.size() * 2 + 2, warm.pageRequests());
      }
    }
  }

  @Test
  void offlineFailsClearlyOnAnEmptyCache(@TempDir Path cache) {
    try (SimpleIndexServer server = SimpleIndexServer.start(POETRY);
        PypiIndex index = IndexTesting.builder(server.indexUrl()).cacheDirectory(cache).offline(true).build()) {
      IndexException e = IndexTesting.failure(index.page(ProjectName.of("six")));
      assertEquals("offline: the page of six from " + server.indexUrl() + "six/ is not in the cache; "
          + "run once online with the same cache directory", e.getMessage());
      assertEquals(0, server.totalRequests());
    }
  }

  @Test
  void offlineKnowsWhichIndexLacksAProject(@TempDir Path cache, @TempDir Path empty) {
    TestLayout.project(empty, "unrelated", TestLayout.Dist.of("unrelated-1.0.tar.gz", new byte[] {1}));
    try (SimpleIndexServer primary = SimpleIndexServer.start(empty);
        SimpleIndexServer extra = SimpleIndexServer.start(POETRY)) {
      try (PypiIndex index = IndexTesting.builder(primary.indexUrl(), extra.indexUrl()).cacheDirectory(cache).build()) {
        assertEquals(extra.indexUrl(), index.page(ProjectName.of("six")).join().index());
      }
      primary.resetCounts();
      extra.resetCounts();
      try (PypiIndex index = IndexTesting.builder(primary.indexUrl(), extra.indexUrl()).cacheDirectory(cache)
          .offline(true).build()) {
        // the primary answered 404 online: offline, six is still taken from the extra index
        assertEquals(extra.indexUrl(), index.page(ProjectName.of("six")).join().index());
        assertEquals(0, primary.totalRequests() + extra.totalRequests());
      }
    }
  }

  @Test
  void offlineWorksAfterOneOnlineRun(@TempDir Path cache) {
    try (SimpleIndexServer server = SimpleIndexServer.start(POETRY)) {
      List<CoreMetadata> online;
      try (PypiIndex index = IndexTesting.builder(server.indexUrl()).cacheDirectory(cache).build()) {
        online = run(index);
      }
      server.resetCounts();
      try (PypiIndex index = IndexTesting.builder(server.indexUrl()).cacheDirectory(cache).offline(true).build()) {
        assertEquals(online, run(index));
        assertEquals(0, server.totalRequests());
        // a page never fetched online, and metadata never fetched online
        IndexException page = IndexTesting.failure(index.page(ProjectName.of("black")));
        assertEquals("offline: the page of black from " + server.indexUrl() + "black/ is not in the cache; "
            + "run once online with the same cache directory", page.getMessage());
        DistributionFile sdist = index.page(ProjectName.of("six")).join().files().stream()
            .filter(f -> !f.isWheel()).findFirst().orElseThrow();
        IndexException metadata = IndexTesting.failure(index.metadata(sdist));
        assertEquals("offline: the metadata of " + sdist.filename() + " is not in the cache (" + sdist.url()
            + "); run once online with the same cache directory", metadata.getMessage());
        assertEquals(0, server.totalRequests());
      }
    }
  }
}
