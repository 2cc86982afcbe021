package org.pylock4j.pypi;

import org.pylock4j.testing.SimpleIndexServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.error.IndexException;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.ProjectPage;

/** Several indexes, index strategies, credentials. */
class PypiIndexMultiIndexTest {

  private static final ProjectName SHARED = ProjectName.of("shared");

  private static void layouts(Path a, Path b) {
    TestLayout.project(a, "shared", TestLayout.Dist.of("shared-1.0-py3-none-any.whl",
        Dists.wheel("shared", "1.0", Dists.metadata("shared", "1.0"), 10)));
    TestLayout.project(b, "shared", TestLayout.Dist.of("shared-9.0-py3-none-any.whl",
        Dists.wheel("shared", "9.0", Dists.metadata("shared", "9.0"), 10)));
    TestLayout.project(b, "only-b", TestLayout.Dist.of("only_b-1.0-py3-none-any.whl",
        Dists.wheel("only_b", "1.0", Dists.metadata("only-b", "1.0"), 10)));
  }

  private static List<String> filenames(ProjectPage page) {
    return page.files().stream().map(DistributionFile::filename).toList();
  }

  @Test
  void firstIndexNeverTakesAProjectFromALaterIndex(@TempDir Path a, @TempDir Path b) {
    layouts(a, b);
    List<String> warnings = new CopyOnWriteArrayList<>();
    try (SimpleIndexServer serverA = SimpleIndexServer.start(a);
        SimpleIndexServer serverB = SimpleIndexServer.start(b);
        PypiIndex index = IndexTesting.builder(serverA.indexUrl(), serverB.indexUrl()).warnings(warnings::add).build()) {
      ProjectPage shared = index.page(SHARED).join();
      assertEquals(List.of("shared-1.0-py3-none-any.whl"), filenames(shared));
      assertEquals(serverA.indexUrl(), shared.index());
      ProjectPage onlyB = index.page(ProjectName.of("only_b")).join();
      assertEquals(List.of("only_b-1.0-py3-none-any.whl"), filenames(onlyB));
      assertEquals(serverB.indexUrl(), onlyB.index());
      assertEquals(List.of("project shared exists on more than one index: " + serverA.indexUrl() + ", "
          + serverB.indexUrl() + "; using " + serverA.indexUrl() + " only (first-index)"), warnings);
      assertEquals(List.of(serverA.indexUrl(), serverB.indexUrl()), index.indexUrls());
    }
  }

  @Test
  void unsafeBestMatchMergesTheIndexes(@TempDir Path a, @TempDir Path b) {
    layouts(a, b);
    List<String> warnings = new CopyOnWriteArrayList<>();
    try (SimpleIndexServer serverA = SimpleIndexServer.start(a);
        SimpleIndexServer serverB = SimpleIndexServer.start(b);
        PypiIndex index = IndexTesting.builder(serverA.indexUrl(), serverB.indexUrl())
            .indexStrategy(IndexStrategy.UNSAFE_BEST_MATCH).warnings(warnings::add).build()) {
      ProjectPage shared = index.page(SHARED).join();
      assertEquals(List.of("shared-1.0-py3-none-any.whl", "shared-9.0-py3-none-any.whl"), filenames(shared));
      assertEquals(serverB.indexUrl() + "shared/shared-9.0-py3-none-any.whl", shared.files().get(1).url());
      assertEquals("9.0", index.metadata(shared.files().get(1)).join().version());
      assertEquals(List.of("project shared exists on more than one index: " + serverA.indexUrl() + ", "
          + serverB.indexUrl() + "; merging their files (unsafe-best-match)"), warnings);
    }
  }

  @Test
  void aFailingEarlierIndexIsNeverSkipped(@TempDir Path b) throws IOException {
    layouts(Files.createTempDirectory(b, "a"), b);
    try (MockWebServer broken = new MockWebServer()) {
      broken.start(InetAddress.getLoopbackAddress(), 0);
      broken.enqueue(new MockResponse().setResponseCode(500));
      try (SimpleIndexServer serverB = SimpleIndexServer.start(b);
          PypiIndex index = IndexTesting.builder(broken.url("/simple/").toString(), serverB.indexUrl())
              .retries(0).build()) {
        IndexException e = IndexTesting.failure(index.page(SHARED));
        assertEquals("GET " + broken.url("/simple/shared/") + " failed: HTTP 500", e.getMessage());
      }
    }
  }

  @Test
  void credentialsFromTheUrlAreSentButNeverShown(@TempDir Path a, @TempDir Path b) {
    layouts(a, b);
    try (SimpleIndexServer server = SimpleIndexServer.start(a, "alice", "s3cret")) {
      String withLogin = server.indexUrl().replace("http://", "http://alice:s3cret@");
      try (PypiIndex index = IndexTesting.builder(withLogin).build()) {
        ProjectPage page = index.page(SHARED).join();
        assertEquals(server.indexUrl(), page.index());
        assertEquals(List.of(server.indexUrl()), index.indexUrls());
        for (DistributionFile file : page.files()) {
          assertFalse(file.url().contains("s3cret") || file.url().contains("alice"), file.url());
          assertEquals("1.0", index.metadata(file).join().version());
        }
        IndexException missing = IndexTesting.failure(index.metadata(new DistributionFile(SHARED,
            page.files().get(0).version(), "shared-2.0-py3-none-any.whl",
            server.indexUrl() + "shared/shared-2.0-py3-none-any.whl", java.util.Map.of(), null, null, null, -1, null)));
        assertNoSecret(missing);
      }
      String wrong = server.indexUrl().replace("http://", "http://alice:wr0ng-pass@");
      try (PypiIndex index = IndexTesting.builder(wrong).build()) {
        IndexException e = IndexTesting.failure(index.page(SHARED));
        assertEquals("GET " + server.indexUrl() + "shared/ failed: HTTP 401 (credentials missing or refused: "
            + "give them in the index URL or in netrc)", e.getMessage());
        assertFalse(e.getMessage().contains("wr0ng-pass") || e.url().contains("wr0ng-pass"));
      }
    }
  }

  @Test
  void credentialsFromNetrc(@TempDir Path a, @TempDir Path b, @TempDir Path home) throws IOException {
    layouts(a, b);
    Path netrc = home.resolve(".netrc");
    Files.writeString(netrc, "machine 127.0.0.1\n  login alice\n  password s3cret\n");
    try (SimpleIndexServer server = SimpleIndexServer.start(a, "alice", "s3cret");
        PypiIndex index = IndexTesting.builder(server.indexUrl()).netrc(netrc).build()) {
      assertEquals(1, index.page(SHARED).join().files().size());
    }
  }

  @Test
  void aLoginIsSentOnlyToItsOwnHostAcrossRedirects() throws Exception {
    try (MockWebServer index = new MockWebServer(); MockWebServer files = new MockWebServer()) {
      index.start(InetAddress.getLoopbackAddress(), 0);
      files.start(InetAddress.getLoopbackAddress(), 0);
      // the index redirects the page to another host (another port: another origin)
      index.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", files.url("/pages/shared/")));
      files.enqueue(new MockResponse().setHeader("Content-Type", PageParser.JSON_TYPE)
          .setBody("{\"meta\": {\"api-version\": \"1.1\"}, \"files\": []}"));
      String url = index.url("/simple/").toString().replace("http://", "http://alice:s3cret@");
      try (PypiIndex pypi = IndexTesting.builder(url).build()) {
        pypi.page(SHARED).join();
      }
      assertEquals("Basic YWxpY2U6czNjcmV0", index.takeRequest().getHeader("Authorization"));
      assertEquals(null, files.takeRequest().getHeader("Authorization"));
    }
  }

  @Test
  void aBadIndexUrlIsRefusedWithoutItsSecret() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> IndexTesting.builder("ftp://bob:t0psecret@host/simple/").build());
    assertEquals("not an http(s) or file URL: ftp://host/simple/", e.getMessage());
  }

  private static void assertNoSecret(IndexException e) {
    String all = e.getMessage() + " " + e.url() + " " + e;
    assertFalse(all.contains("s3cret"), all);
    assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
  }
}
