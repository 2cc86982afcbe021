package org.pylock4j.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimpleIndexServerTest {
  /** What PypiIndex sends (PEP 691 content negotiation). */
  private static final String ACCEPT = "application/vnd.pypi.simple.v1+json, "
      + "application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";


  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      ACCEPT + "|application/vnd.pypi.simple.v1+json",
      "text/html|text/html",
      "*/*|text/html",
      "application/vnd.pypi.simple.v1+html|application/vnd.pypi.simple.v1+html",
      "application/vnd.pypi.simple.latest+json, text/html;q=0.5|application/vnd.pypi.simple.v1+json",
      "application/json;q=1, text/html;q=0.1|text/html",
  })
  void negotiatesLikePep691(String accept, String expected) {
    assertEquals(expected, SimpleIndexServer.negotiate(accept, true, true));
  }

  @Test
  void negotiationFallsBackToWhatExists() {
    assertEquals("application/vnd.pypi.simple.v1+html",
        SimpleIndexServer.negotiate(ACCEPT, false, true));
    assertEquals("text/html", SimpleIndexServer.negotiate("application/vnd.pypi.simple.v1+json, text/html;q=0.01", false, true));
    assertNull(SimpleIndexServer.negotiate("application/vnd.pypi.simple.v1+json", false, true));
  }

  @Test
  void parsesRanges() {
    assertArrayEquals(new long[] {90, 99}, SimpleIndexServer.parseRange("bytes=-10", 100));
    assertArrayEquals(new long[] {0, 99}, SimpleIndexServer.parseRange("bytes=-1000", 100));
    assertArrayEquals(new long[] {10, 99}, SimpleIndexServer.parseRange("bytes=10-", 100));
    assertArrayEquals(new long[] {10, 20}, SimpleIndexServer.parseRange("bytes=10-20", 100));
    assertArrayEquals(new long[] {10, 99}, SimpleIndexServer.parseRange("bytes=10-2000", 100));
    assertNull(SimpleIndexServer.parseRange("bytes=100-", 100));
    assertArrayEquals(new long[0], SimpleIndexServer.parseRange("bytes=0-1,5-6", 100));
    assertArrayEquals(new long[0], SimpleIndexServer.parseRange("items=0-1", 100));
  }

  @Test
  void servesPagesFilesRangesAndRevalidation(@TempDir Path root) throws Exception {
    Path project = Files.createDirectories(root.resolve("demo"));
    Files.writeString(project.resolve("index.json"), "{\"meta\":{\"api-version\":\"1.1\"},\"files\":[]}");
    Files.writeString(project.resolve("index.html"), "<html></html>");
    Files.writeString(project.resolve("demo-1.0.tar.gz"), "0123456789");
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    try (SimpleIndexServer server = SimpleIndexServer.start(root)) {
      String base = server.indexUrl();
      HttpResponse<String> json = client.send(HttpRequest.newBuilder(URI.create(base + "demo/"))
          .header("Accept", ACCEPT).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, json.statusCode());
      assertEquals("application/vnd.pypi.simple.v1+json", json.headers().firstValue("Content-Type").orElseThrow());
      String etag = json.headers().firstValue("ETag").orElseThrow();

      HttpResponse<String> html = client.send(HttpRequest.newBuilder(URI.create(base + "demo/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals("<html></html>", html.body());

      HttpResponse<String> revalidated = client.send(HttpRequest.newBuilder(URI.create(base + "demo/"))
          .header("Accept", ACCEPT).header("If-None-Match", etag).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(304, revalidated.statusCode());

      HttpResponse<String> redirect = client.send(HttpRequest.newBuilder(URI.create(base + "Demo/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(301, redirect.statusCode());
      assertEquals("/simple/demo/", redirect.headers().firstValue("Location").orElseThrow());

      HttpResponse<String> range = client.send(HttpRequest.newBuilder(URI.create(base + "demo/demo-1.0.tar.gz"))
          .header("Range", "bytes=-4").build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(206, range.statusCode());
      assertEquals("6789", range.body());
      assertEquals("bytes 6-9/10", range.headers().firstValue("Content-Range").orElseThrow());

      HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create(base + "nothing/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(404, missing.statusCode());

      assertEquals(3, server.requestCount("/simple/demo/"));
      assertEquals(1, server.requestCount("/simple/demo/demo-1.0.tar.gz"));
      assertEquals(1, server.rangeResponses());
      assertEquals(6, server.totalRequests());
    }
  }

  @Test
  void requiresBasicAuthWhenAsked(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("demo"));
    Files.writeString(root.resolve("demo/index.html"), "<html></html>");
    HttpClient client = HttpClient.newHttpClient();
    try (SimpleIndexServer server = SimpleIndexServer.start(root, "alice", "s3cret")) {
      HttpResponse<String> denied = client.send(HttpRequest.newBuilder(URI.create(server.indexUrl() + "demo/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(401, denied.statusCode());
      HttpResponse<String> allowed = client.send(HttpRequest.newBuilder(URI.create(server.indexUrl() + "demo/"))
          .header("Authorization", "Basic YWxpY2U6czNjcmV0").build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, allowed.statusCode());
    }
  }
}
