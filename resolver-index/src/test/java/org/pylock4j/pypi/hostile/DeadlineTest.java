package org.pylock4j.pypi.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.IndexException;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.ProjectName;

/**
 * Finding 4: a server that sends a byte at a time (never idle long enough for the read timeout)
 * is cut off by the request's total deadline, and the failure names the URL and the setting.
 */
class DeadlineTest {

  private static final ProjectName DEMO = ProjectName.of("demo");

  @Test
  void aTricklingServerIsCutOffAtTheDeadline() {
    try (EvilServer evil = new EvilServer()) {
      String page = EvilServer.page("demo", "{\"filename\": \"demo-1.0-py3-none-any.whl\","
          + " \"url\": \"demo-1.0-py3-none-any.whl\", \"hashes\": {}}" + " ".repeat(10_000));
      evil.route("/simple/demo/", r -> new MockResponse().setHeader("Content-Type", EvilServer.JSON)
          .setBody(page).throttleBody(16, 100, TimeUnit.MILLISECONDS));
      try (PypiIndex index = Hostile.client(evil.indexUrl())
          .readTimeout(Duration.ofSeconds(30)).requestTimeout(Duration.ofMillis(700)).build()) {
        IndexException e = Hostile.failure(index.page(DEMO));
        assertEquals("GET " + evil.url("/simple/demo/") + " failed: no complete answer within the "
            + "deadline of 700 ms (from requestTimeout)", e.getMessage());
      }
    }
  }

  @Test
  void theDeadlineCoversRetries() {
    try (EvilServer evil = new EvilServer()) {
      evil.route("/simple/demo/", r -> new MockResponse().setResponseCode(503).setHeader("Retry-After", "5"));
      try (PypiIndex index = Hostile.client(evil.indexUrl()).retries(3)
          .requestTimeout(Duration.ofSeconds(2)).build()) {
        IndexException e = Hostile.failure(index.page(DEMO));
        assertEquals("GET " + evil.url("/simple/demo/") + " failed: HTTP 503; no time left for a retry "
            + "within the deadline of 2 s (from requestTimeout)", e.getMessage());
        assertEquals(1, evil.requests.size());
      }
    }
  }
}
