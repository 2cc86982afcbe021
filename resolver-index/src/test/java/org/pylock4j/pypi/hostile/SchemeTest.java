package org.pylock4j.pypi.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.IndexException;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.ProjectName;

/**
 * Finding 3: an http(s) index yields http(s) URLs only. A link to {@code file:} (or any other
 * scheme) would make the client read local files (/etc/passwd, /dev/zero, a FIFO); a redirect
 * may not change the scheme.
 */
class SchemeTest {

  private static final ProjectName DEMO = ProjectName.of("demo");

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/passwd", "file:///dev/zero", "ftp://127.0.0.1/demo-1.0-py3-none-any.whl",
      "FILE:/etc/passwd"})
  void aJsonPageLinkingToAnotherSchemeIsMalformed(String link) {
    try (EvilServer evil = new EvilServer()) {
      evil.json("/simple/demo/", EvilServer.page("demo", "{\"filename\": \"demo-1.0-py3-none-any.whl\","
          + " \"url\": \"" + link + "\", \"hashes\": {}}"));
      try (PypiIndex index = Hostile.client(evil.indexUrl()).build()) {
        IndexException e = Hostile.failure(index.page(DEMO));
        assertEquals("malformed Simple API page " + evil.url("/simple/demo/") + ": the link " + link
            + " is not an http(s) URL; an http(s) index may only link to http(s) URLs", e.getMessage());
      }
    }
  }

  @Test
  void anHtmlPageLinkingToAFileIsMalformed() {
    try (EvilServer evil = new EvilServer()) {
      evil.html("/simple/demo/", "<a href=\"file:///etc/passwd#/demo-1.0-py3-none-any.whl\">demo-1.0-py3-none-any.whl</a>"
          + "<a href=\"file:///etc/demo-1.0.tar.gz\">demo-1.0.tar.gz</a>");
      try (PypiIndex index = Hostile.client(evil.indexUrl()).build()) {
        IndexException e = Hostile.failure(index.page(DEMO));
        assertTrue(e.getMessage().contains("is not an http(s) URL"), e.getMessage());
      }
    }
  }

  @Test
  void aProvenanceLinkToAFileIsMalformed() {
    try (EvilServer evil = new EvilServer()) {
      evil.json("/simple/demo/", EvilServer.page("demo", "{\"filename\": \"demo-1.0-py3-none-any.whl\","
          + " \"url\": \"demo-1.0-py3-none-any.whl\", \"hashes\": {}, \"provenance\": \"file:///etc/passwd\"}"));
      try (PypiIndex index = Hostile.client(evil.indexUrl()).build()) {
        IndexException e = Hostile.failure(index.page(DEMO));
        assertTrue(e.getMessage().contains("the link file:///etc/passwd is not an http(s) URL"), e.getMessage());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/passwd", "https://127.0.0.1:1/simple/demo/"})
  void aRedirectToAnotherSchemeIsRefused(String target) {
    try (EvilServer evil = new EvilServer()) {
      evil.route("/simple/demo/", r -> new MockResponse().setResponseCode(302).setHeader("Location", target));
      try (PypiIndex index = Hostile.client(evil.indexUrl()).build()) {
        IndexException e = Hostile.failure(index.page(DEMO));
        String page = evil.url("/simple/demo/");
        assertEquals("GET " + page + " failed: refused the redirect from " + page + " to " + target
            + " (a redirect may not change the scheme)", e.getMessage());
      }
    }
  }

  @Test
  void aRedirectToAnotherHostIsFollowedWithAWarning() {
    try (EvilServer index = new EvilServer(); EvilServer other = new EvilServer()) {
      other.json("/mirror/demo/", EvilServer.page("demo", "{\"filename\": \"demo-1.0-py3-none-any.whl\","
          + " \"url\": \"demo-1.0-py3-none-any.whl\", \"hashes\": {}}"));
      index.route("/simple/demo/", r -> new MockResponse().setResponseCode(301)
          .setHeader("Location", other.url("/mirror/demo/")));
      java.util.List<String> warnings = new java.util.ArrayList<>();
      try (PypiIndex client = Hostile.client(index.indexUrl()).warnings(warnings::add).build()) {
        org.pylock4j.resolve.ProjectPage page = Hostile.get(client.page(DEMO));
        assertEquals(index.indexUrl(), page.index());
        assertEquals(java.util.List.of("the page of demo at " + index.url("/simple/demo/")
            + " was redirected to another host: " + other.url("/mirror/demo/")), warnings);
      }
    }
  }

  @Test
  void aRedirectOnTheSameSchemeIsFollowed() {
    try (EvilServer evil = new EvilServer()) {
      evil.route("/simple/demo/", r -> new MockResponse().setResponseCode(302)
          .setHeader("Location", evil.url("/elsewhere/demo/")));
      evil.json("/elsewhere/demo/", EvilServer.page("demo", "{\"filename\": \"demo-1.0-py3-none-any.whl\","
          + " \"url\": \"demo-1.0-py3-none-any.whl\", \"hashes\": {}}"));
      try (PypiIndex index = Hostile.client(evil.indexUrl()).build()) {
        assertEquals(evil.url("/elsewhere/demo/demo-1.0-py3-none-any.whl"),
            Hostile.get(index.page(DEMO)).files().get(0).url());
      }
    }
  }
}
