package org.pylock4j.pypi.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.IndexException;
import org.pylock4j.pypi.Dists;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.version.Version;

/**
 * Finding 2: the login of a direct URL ({@code https://alice:s3cretPW@host/x.whl}) is sent to
 * that host, to no other, and never appears in a message.
 */
class CredentialsTest {

  private static final String SECRET = "s3cretPW";
  private static final String BASIC = "Basic "
      + Base64.getEncoder().encodeToString(("alice:" + SECRET).getBytes(StandardCharsets.UTF_8));

  private static DistributionFile direct(String url) {
    return new DistributionFile(ProjectName.of("demo"), Version.parse("1.0"),
        "demo-1.0-py3-none-any.whl", url, Map.of(), null, null, null, -1, null);
  }

  private static String withLogin(String url) {
    return url.replace("://", "://alice:" + SECRET + "@");
  }

  @Test
  void aDirectUrlsLoginIsSentToItsHostOnly() {
    byte[] wheel = Dists.wheel("demo", "1.0", Dists.metadata("demo", "1.0", "six"), 10);
    try (EvilServer files = new EvilServer(); EvilServer index = new EvilServer()) {
      files.route("/private/demo-1.0-py3-none-any.whl", r -> BASIC.equals(r.getHeader("Authorization"))
          ? new MockResponse().setBody(new Buffer().write(wheel)) : new MockResponse().setResponseCode(401));
      index.json("/simple/six/", EvilServer.page("six", ""));
      try (PypiIndex client = Hostile.client(index.indexUrl()).build()) {
        DistributionFile file = direct(withLogin(files.url("/private/demo-1.0-py3-none-any.whl")));
        assertEquals("six", Hostile.get(client.metadata(file)).requirements().get(0).toString());
        Hostile.get(client.page(ProjectName.of("six")));
      }
      for (RecordedRequest request : index.requests) {
        assertNull(request.getHeader("Authorization"), "sent to another host: " + request);
      }
    }
  }

  @Test
  void aFailureNamesTheDirectUrlWithoutItsPassword() {
    try (EvilServer files = new EvilServer(); PypiIndex client = Hostile.client(files.indexUrl()).build()) {
      String url = files.url("/private/demo-1.0-py3-none-any.whl");
      IndexException e = Hostile.failure(client.metadata(direct(withLogin(url))));
      assertFalse(e.getMessage().contains(SECRET), e.getMessage());
      assertFalse(e.url().contains(SECRET), e.url());
      assertEquals("GET " + url + " failed: HTTP 404", e.getMessage());
    }
  }
}
