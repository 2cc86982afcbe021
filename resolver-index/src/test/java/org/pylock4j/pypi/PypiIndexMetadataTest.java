package org.pylock4j.pypi;

import org.pylock4j.testing.SimpleIndexServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.error.IndexException;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;

/** The metadata sources, over real HTTP on loopback, with real built wheels and sdists. */
class PypiIndexMetadataTest {

  private static final ProjectName DEMO = ProjectName.of("demo");

  private static DistributionFile file(PypiIndex index, String filename) {
    return index.page(DEMO).join().files().stream().filter(f -> f.filename().equals(filename))
        .findFirst().orElseThrow();
  }

  private static IndexStatistics delta(IndexStatistics before, IndexStatistics after) {
    return new IndexStatistics(after.pageRequests() - before.pageRequests(),
        after.metadataFileRequests() - before.metadataFileRequests(),
        after.rangeRequests() - before.rangeRequests(),
        after.wholeFileRequests() - before.wholeFileRequests(),
        after.retries() - before.retries(),
        after.metadataCacheHits() - before.metadataCacheHits(),
        after.skippedFiles() - before.skippedFiles());
  }

  @Test
  void takesEachPathInTurn(@TempDir Path root) throws Exception {
    String big = Dists.metadata("demo", "1.0", "six>=1.10", "attrs; extra == 'x'");
    String small = Dists.metadata("demo", "2.0", "requests");
    String pep658 = Dists.metadata("demo", "3.0", "idna");
    String pkgInfo = "Metadata-Version: 2.2\nName: demo\nVersion: 4.0\nRequires-Dist: urllib3\n";
    TestLayout.project(root, "demo",
        // big, no size listed: range requests (tail, then the METADATA entry far before it)
        TestLayout.Dist.of("demo-1.0-py3-none-any.whl", Dists.wheel("demo", "1.0", big, 200_000)).withoutSize(),
        // small and its size is known: one whole download, hash-checked
        TestLayout.Dist.of("demo-2.0-py3-none-any.whl", Dists.wheel("demo", "2.0", small, 10)),
        // a PEP 658 file
        TestLayout.Dist.of("demo-3.0-py3-none-any.whl", Dists.wheel("demo", "3.0", "not read", 10)).withMetadata(pep658),
        // an sdist: PKG-INFO from the whole tar.gz
        TestLayout.Dist.of("demo-4.0.tar.gz", Dists.sdistTarGz("demo-4.0", pkgInfo)),
        TestLayout.Dist.of("demo-5.0.zip", Dists.zip(Map.of("demo-5.0/PKG-INFO",
            "Metadata-Version: 2.4\nName: demo\nVersion: 5.0\n".getBytes()))));
    try (SimpleIndexServer server = SimpleIndexServer.start(root);
        PypiIndex index = IndexTesting.builder(server.indexUrl()).build()) {
      IndexStatistics s0 = index.statistics();
      CoreMetadata m1 = index.metadata(file(index, "demo-1.0-py3-none-any.whl")).join();
      assertEquals(List.of("six>=1.10", "attrs; extra == 'x'"), m1.requiresDist());
      IndexStatistics s1 = index.statistics();
      assertEquals(new IndexStatistics(1, 0, 2, 0, 0, 0, 0), delta(s0, s1));
      assertEquals(2, server.rangeResponses());

      assertEquals(List.of("requests"), index.metadata(file(index, "demo-2.0-py3-none-any.whl")).join().requiresDist());
      IndexStatistics s2 = index.statistics();
      assertEquals(new IndexStatistics(0, 0, 0, 1, 0, 0, 0), delta(s1, s2));

      assertEquals(List.of("idna"), index.metadata(file(index, "demo-3.0-py3-none-any.whl")).join().requiresDist());
      IndexStatistics s3 = index.statistics();
      assertEquals(new IndexStatistics(0, 1, 0, 0, 0, 0, 0), delta(s2, s3));

      CoreMetadata sdist = index.metadata(file(index, "demo-4.0.tar.gz")).join();
      assertEquals(List.of("urllib3"), sdist.requiresDist());
      assertTrue(sdist.dependenciesAreStatic());
      assertEquals("5.0", index.metadata(file(index, "demo-5.0.zip")).join().version());
      assertEquals(new IndexStatistics(0, 0, 0, 2, 0, 0, 0), delta(s3, index.statistics()));
      assertEquals(0, server.requestCount("/simple/demo/demo-3.0-py3-none-any.whl"));
    }
  }

  @Test
  void fallsBackWhenAnAdvertisedMetadataFileIsMissing(@TempDir Path root) throws Exception {
    byte[] wheel = Dists.wheel("demo", "1.0", Dists.metadata("demo", "1.0", "six"), 10);
    TestLayout.project(root, "demo", TestLayout.Dist.of("demo-1.0-py3-none-any.whl", wheel)
        .withMetadata(Dists.metadata("demo", "1.0", "six")));
    java.nio.file.Files.delete(root.resolve("demo/demo-1.0-py3-none-any.whl.metadata"));
    try (SimpleIndexServer server = SimpleIndexServer.start(root);
        PypiIndex index = IndexTesting.builder(server.indexUrl()).build()) {
      assertEquals(List.of("six"), index.metadata(file(index, "demo-1.0-py3-none-any.whl")).join().requiresDist());
      assertEquals(new IndexStatistics(1, 1, 0, 1, 0, 0, 0), index.statistics());
    }
  }

  @Test
  void aWrongFileHashIsAnIndexExceptionNamingTheUrl(@TempDir Path root) throws Exception {
    byte[] wheel = Dists.wheel("demo", "1.0", Dists.metadata("demo", "1.0"), 10);
    String wrong = "0".repeat(64);
    TestLayout.project(root, "demo", TestLayout.Dist.of("demo-1.0-py3-none-any.whl", wheel).hash(wrong));
    try (SimpleIndexServer server = SimpleIndexServer.start(root);
        PypiIndex index = IndexTesting.builder(server.indexUrl()).build()) {
      String url = server.indexUrl() + "demo/demo-1.0-py3-none-any.whl";
      IndexException e = IndexTesting.failure(index.metadata(file(index, "demo-1.0-py3-none-any.whl")));
      assertEquals("sha256 mismatch for file " + url + ": expected " + wrong + ", got "
          + MetadataFetcher.sha256(wheel), e.getMessage());
      assertEquals(url, e.url());
    }
  }

  @Test
  void aWrongMetadataFileHashIsAnIndexException(@TempDir Path root) throws Exception {
    byte[] wheel = Dists.wheel("demo", "1.0", Dists.metadata("demo", "1.0"), 10);
    TestLayout.project(root, "demo", TestLayout.Dist.of("demo-1.0-py3-none-any.whl", wheel)
        .withMetadata(Dists.metadata("demo", "1.0")));
    // the served metadata file is changed after the page listed its hash
    java.nio.file.Files.writeString(root.resolve("demo/demo-1.0-py3-none-any.whl.metadata"),
        Dists.metadata("demo", "1.0", "evil"));
    try (SimpleIndexServer server = SimpleIndexServer.start(root);
        PypiIndex index = IndexTesting.builder(server.indexUrl()).build()) {
      IndexException e = IndexTesting.failure(index.metadata(file(index, "demo-1.0-py3-none-any.whl")));
      assertTrue(e.getMessage().startsWith("sha256 mismatch for metadata file " + server.indexUrl()
          + "demo/demo-1.0-py3-none-any.whl.metadata: expected "), e.getMessage());
    }
  }

  @Test
  void metadataForAnotherProjectIsRefused(@TempDir Path root) throws Exception {
    TestLayout.project(root, "demo", TestLayout.Dist.of("demo-1.0-py3-none-any.whl",
        Dists.wheel("demo", "1.0", "x", 10)).withMetadata(Dists.metadata("other", "1.0")));
    try (SimpleIndexServer server = SimpleIndexServer.start(root);
        PypiIndex index = IndexTesting.builder(server.indexUrl()).build()) {
      IndexException e = IndexTesting.failure(index.metadata(file(index, "demo-1.0-py3-none-any.whl")));
      assertEquals("the metadata of demo-1.0-py3-none-any.whl from " + server.indexUrl()
          + "demo/demo-1.0-py3-none-any.whl is for other, not demo", e.getMessage());
    }
  }

  @Test
  void aLocalSimpleIndexReadsMetadataFilesAndWholeFiles(@TempDir Path root) throws Exception {
    TestLayout.project(root, "demo",
        TestLayout.Dist.of("demo-1.0-py3-none-any.whl", Dists.wheel("demo", "1.0", Dists.metadata("demo", "1.0", "a"), 10)),
        TestLayout.Dist.of("demo-2.0-py3-none-any.whl", Dists.wheel("demo", "2.0", "x", 10))
            .withMetadata(Dists.metadata("demo", "2.0", "b")));
    java.nio.file.Files.writeString(root.resolve("index.html"), "<html></html>");
    try (PypiIndex index = IndexTesting.builder(root.toString()).build()) {
      assertEquals(List.of("a"), index.metadata(file(index, "demo-1.0-py3-none-any.whl")).join().requiresDist());
      assertEquals(List.of("b"), index.metadata(file(index, "demo-2.0-py3-none-any.whl")).join().requiresDist());
      assertEquals(0, index.statistics().metadataRequests());
    }
  }
}
