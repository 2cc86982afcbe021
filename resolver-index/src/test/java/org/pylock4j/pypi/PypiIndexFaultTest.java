package org.pylock4j.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.IndexException;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.ProjectPage;

/** Failures of a real HTTP server on loopback (OkHttp's MockWebServer). */
class PypiIndexFaultTest {

  private static final ProjectName DEMO = ProjectName.of("demo");
  private static final String PAGE = """
      {"meta": {"api-version": "1.1"}, "name": "demo", "files": [
        {"filename": "demo-1.0-py3-none-any.whl", "url": "demo-1.0-py3-none-any.whl", "hashes": {}}]}
      """;

  private MockWebServer server;
  private String indexUrl;
  private String pageUrl;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
    indexUrl = server.url("/simple/").toString();
    pageUrl = indexUrl + "demo/";
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", PageParser.JSON_TYPE).setBody(body);
  }

  @Test
  void retriesA500ThenSucceeds() {
    server.enqueue(new MockResponse().setResponseCode(500));
    server.enqueue(json(PAGE));
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      assertEquals(1, index.page(DEMO).join().files().size());
      assertEquals(1, index.statistics().retries());
      assertEquals(2, server.getRequestCount());
    }
  }

  @Test
  void aFailedPageIsNotKeptAndASuccessIs() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(json(PAGE));
    try (PypiIndex index = IndexTesting.builder(indexUrl).retries(0).build()) {
      IndexTesting.failure(index.page(DEMO));
      assertEquals(1, index.page(DEMO).join().files().size());
      assertEquals(1, index.page(DEMO).join().files().size());
      assertEquals(2, server.getRequestCount());
    }
  }

  @Test
  void retriesA429() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"));
    server.enqueue(json(PAGE));
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      assertEquals(1, index.page(DEMO).join().files().size());
      assertEquals(2, server.getRequestCount());
    }
  }

  @Test
  void givesUpAfterTheLastRetry() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setResponseCode(503));
    }
    try (PypiIndex index = IndexTesting.builder(indexUrl).retries(2).build()) {
      IndexException e = IndexTesting.failure(index.page(DEMO));
      assertEquals("GET " + pageUrl + " failed after 3 attempts: HTTP 503", e.getMessage());
      assertEquals(pageUrl, e.url());
      assertEquals(Optional.of(503), e.status());
      assertEquals(3, server.getRequestCount());
    }
  }

  @Test
  void neverRetriesOther4xx() {
    server.enqueue(new MockResponse().setResponseCode(403));
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      IndexException e = IndexTesting.failure(index.page(DEMO));
      assertEquals("GET " + pageUrl + " failed: HTTP 403 (credentials missing or refused: give them in "
          + "the index URL or in netrc)", e.getMessage());
      assertEquals(1, server.getRequestCount());
    }
  }

  @Test
  void a404IsAMissingProject() {
    server.enqueue(new MockResponse().setResponseCode(404));
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      assertEquals(ProjectPage.missing(DEMO, indexUrl), index.page(DEMO).join());
      assertEquals(1, server.getRequestCount());
    }
  }

  @Test
  void timesOut() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    try (PypiIndex index = IndexTesting.builder(indexUrl).retries(1).readTimeout(Duration.ofMillis(200)).build()) {
      IndexException e = IndexTesting.failure(index.page(DEMO));
      assertTrue(e.getMessage().startsWith("GET " + pageUrl + " failed after 2 attempts: timed out"), e.getMessage());
      assertEquals(2, server.getRequestCount());
    }
  }

  @Test
  void aTruncatedBodyIsRetriedThenReported() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(json(PAGE.repeat(50)).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    }
    try (PypiIndex index = IndexTesting.builder(indexUrl).retries(1).build()) {
      IndexException e = IndexTesting.failure(index.page(DEMO));
      assertEquals("GET " + pageUrl + " failed after 2 attempts: truncated response (unexpected end of stream)",
          e.getMessage());
    }
  }

  @Test
  void aRedirectLoopFails() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse().setResponseCode(302).setHeader("Location", "/simple/demo/");
      }
    });
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      IndexException e = IndexTesting.failure(index.page(DEMO));
      assertEquals("GET " + pageUrl + " failed: too many redirects (Too many follow-up requests: 21)", e.getMessage());
      assertEquals(21, server.getRequestCount());
    }
  }

  @Test
  void followsRedirectsAndResolvesFilesAgainstTheFinalUrl() {
    server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/elsewhere/demo/"));
    server.enqueue(json(PAGE));
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      assertEquals(server.url("/elsewhere/demo/demo-1.0-py3-none-any.whl").toString(),
          index.page(DEMO).join().files().get(0).url());
    }
  }

  @Test
  void malformedJsonIsAnIndexException() {
    server.enqueue(json("{\"meta\": {\"api-version\": \"1.1\"}, \"files\": [ {\"filename\": "));
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      IndexException e = IndexTesting.failure(index.page(DEMO));
      assertTrue(e.getMessage().startsWith("malformed Simple API page " + pageUrl + ": malformed JSON: "), e.getMessage());
      assertEquals(pageUrl, e.url());
    }
  }

  @Test
  void aJsonPageOfTheWrongShapeIsAnIndexException() {
    server.enqueue(json("{\"meta\": {\"api-version\": \"1.1\"}, \"files\": {}}"));
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      assertEquals("malformed Simple API page " + pageUrl + ": a PEP 691 page needs a \"files\" array",
          IndexTesting.failure(index.page(DEMO)).getMessage());
    }
  }

  @Test
  void aNewerMajorApiVersionIsRefused() {
    server.enqueue(json("{\"meta\": {\"api-version\": \"2.0\"}, \"files\": []}"));
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      assertEquals("unsupported Simple API version 2.0 at " + pageUrl + " (this client reads version 1.x)",
          IndexTesting.failure(index.page(DEMO)).getMessage());
    }
  }

  @Test
  void garbageHtmlIsAnEmptyPageNotACrash() {
    server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<<<>>><a href=<a"));
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      assertEquals(0, index.page(DEMO).join().files().size());
    }
  }

  @Test
  void binaryDataServedAsHtmlIsAnIndexException() {
    server.enqueue(new MockResponse().setHeader("Content-Type", "text/html")
        .setBody(new okio.Buffer().write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0})));
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      assertEquals("malformed Simple API page " + pageUrl + ": not an HTML document (invalid UTF-8)",
          IndexTesting.failure(index.page(DEMO)).getMessage());
    }
  }

  @Test
  void aPageLargerThanTheLimitIsRefused() {
    server.enqueue(json(PAGE));
    try (PypiIndex index = IndexTesting.builder(indexUrl).maxPageBytes(100).build()) {
      assertEquals("response from " + pageUrl + " is larger (" + PAGE.length()
          + " bytes) than the maximum allowed (100 bytes, from maxPageBytes)",
          IndexTesting.failure(index.page(DEMO)).getMessage());
    }
  }

  @Test
  void credentialsInFileUrlsOfAPageAreTakenOut() {
    server.enqueue(json(PAGE.replace("\"url\": \"demo-1.0-py3-none-any.whl\"",
        "\"url\": \"https://bob:t0ken@files.example/demo-1.0-py3-none-any.whl\"")));
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      assertEquals("https://files.example/demo-1.0-py3-none-any.whl", index.page(DEMO).join().files().get(0).url());
    }
  }

  @Test
  void aFailureIsNotCached() {
    server.enqueue(new MockResponse().setResponseCode(400));
    server.enqueue(json(PAGE));
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      IndexTesting.failure(index.page(DEMO));
      assertEquals(1, index.page(DEMO).join().files().size());
    }
  }

  @Test
  void sendsTheSimpleApiAcceptHeader() throws Exception {
    server.enqueue(json(PAGE));
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      index.page(ProjectName.of("Demo_Project")).join();
      RecordedRequest request = server.takeRequest();
      assertEquals("/simple/demo-project/", request.getPath());
      assertEquals("application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, "
          + "text/html;q=0.01", request.getHeader("Accept"));
    }
  }

  @Test
  void aTruncatedRangeResponseIsAnIndexException() throws Exception {
    server.enqueue(json(PAGE));
    server.enqueue(new MockResponse().setResponseCode(206).setHeader("Content-Range", "bytes 100-199/200")
        .setBody("only ten b"));
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      var file = index.page(DEMO).join().files().get(0);
      IndexException e = IndexTesting.failure(index.metadata(file));
      String url = indexUrl + "demo/demo-1.0-py3-none-any.whl";
      assertEquals("truncated range response from " + url + " (expected 100 bytes, got 10)", e.getMessage());
    }
  }

  @Test
  void aServerIgnoringRangesAnswersWithTheWholeWheelOnce() throws Exception {
    byte[] wheel = Dists.wheel("demo", "1.0", Dists.metadata("demo", "1.0", "six"), 100_000);
    server.enqueue(json(PAGE));
    server.enqueue(new MockResponse().setBody(new okio.Buffer().write(wheel)));
    try (PypiIndex index = IndexTesting.builder(indexUrl).build()) {
      var file = index.page(DEMO).join().files().get(0);
      assertEquals(java.util.List.of("six"), index.metadata(file).join().requiresDist());
      assertEquals(2, server.getRequestCount());
      server.takeRequest();
      assertEquals("bytes=-65536", server.takeRequest().getHeader("Range"));
    }
  }

  @Test
  void cancellingTheFutureCancelsTheCall() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    try (PypiIndex index = IndexTesting.builder(indexUrl).retries(0).readTimeout(Duration.ofSeconds(30)).build()) {
      var future = index.page(DEMO);
      server.takeRequest(); // the request is in flight
      assertTrue(future.cancel(true));
      // the shared computation is dropped: a new call makes a new request
      server.enqueue(json(PAGE));
      assertEquals(1, index.page(DEMO).join().files().size());
      assertEquals(2, server.getRequestCount());
    }
  }
}
