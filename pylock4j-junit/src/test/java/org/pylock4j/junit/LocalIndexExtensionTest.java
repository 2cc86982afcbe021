package org.pylock4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.pylock4j.testing.SimpleIndexServer;

class LocalIndexExtensionTest {

  /** Index URLs the sample tests saw, in order. */
  static final List<String> seen = new ArrayList<>();

  @BeforeEach
  void clear() {
    seen.clear();
  }

  static HttpResponse<String> get(String url, String authorization) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Accept", "application/vnd.pypi.simple.v1+json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Events run(Class<?> sample) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().testEvents();
  }

  static class StaticAndInstanceFields {
    @LocalIndex("src/test/resources/index") static String shared;
    @LocalIndex("index") URI perTest; // found on the class path
    @LocalIndex("src/test/resources/index") SimpleIndexServer server;

    @Test
    void one() throws Exception {
      seen.add(shared);
      seen.add(perTest.toString());
      HttpResponse<String> page = get(shared + "six/", null);
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("six-1.17.0-py2.py3-none-any.whl"), page.body());
      assertEquals(200, get(perTest + "six/", null).statusCode());
      get(server.indexUrl() + "six/", null);
      assertEquals(1, server.requestCount("/simple/six/"));
    }

    @Test
    void two() {
      seen.add(shared);
      seen.add(perTest.toString());
    }
  }

  @Test
  void servesTheDirectoryOnLoopbackAndClosesItWithItsScope() throws Exception {
    run(StaticAndInstanceFields.class).assertStatistics(s -> s.started(2).succeeded(2));

    assertEquals(4, seen.size());
    String shared = seen.get(0);
    assertTrue(shared.matches("http://127\\.0\\.0\\.1:\\d+/simple/"), shared);
    assertEquals(shared, seen.get(2), "a static field's index lives for the class");
    assertTrue(!seen.get(1).equals(seen.get(3)), "an instance field's index lives for one test");
    for (String url : seen) {
      assertThrows(ConnectException.class, () -> get(url, null), url + " still answers");
    }
  }

  static class Parameters {
    @Test
    void login(@LocalIndex(value = "src/test/resources/index", user = "ci", password = "pw") String index)
        throws Exception {
      seen.add(index);
      assertEquals(401, get(index + "six/", null).statusCode());
      String basic = "Basic " + Base64.getEncoder().encodeToString("ci:pw".getBytes());
      assertEquals(200, get(index + "six/", basic).statusCode());
    }
  }

  @Test
  void injectsParametersAndRequiresTheLoginGiven() {
    run(Parameters.class).assertStatistics(s -> s.started(1).succeeded(1));
    assertThrows(ConnectException.class, () -> get(seen.get(0), null));
  }

  static class MissingDirectory {
    @LocalIndex("src/test/resources/no-such-index") String index;

    @Test
    void never() {}
  }

  @Test
  void aMissingDirectoryFailsTheTestNamingIt() {
    run(MissingDirectory.class).assertThatEvents().haveExactly(1, event(test("never"),
        finishedWithFailure(message(m -> m.startsWith(
            "@LocalIndex on field org.pylock4j.junit.LocalIndexExtensionTest$MissingDirectory.index:"
                + " no directory src/test/resources/no-such-index (relative to ")))));
  }

  static class WrongType {
    @Test
    void never(@LocalIndex("src/test/resources/index") Integer index) {}
  }

  @Test
  void anUnsupportedTypeFailsTheTestNamingIt() {
    run(WrongType.class).assertThatEvents().haveExactly(1, event(test("never"),
        finishedWithFailure(message(m -> m.contains("type java.lang.Integer is not String, URI or SimpleIndexServer")))));
  }
}
