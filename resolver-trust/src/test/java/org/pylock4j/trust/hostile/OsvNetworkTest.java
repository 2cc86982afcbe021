package org.pylock4j.trust.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pylock4j.trust.AdvisoryDatabaseException;
import org.pylock4j.trust.AuditReport;
import org.pylock4j.trust.PackageVersion;
import org.pylock4j.trust.VulnerabilityAudit;

/**
 * The OSV client reaches the API the way the index client reaches an index (one HTTP client):
 * through the configured proxy with its login, verifying https against a given CA bundle, within
 * a total deadline and a size limit; an answer of the wrong shape fails closed, naming the URL.
 */
class OsvNetworkTest {

  private static final List<PackageVersion> REQUESTS = List.of(PackageVersion.of("requests", "2.30.0"));
  private static final String RECORD = "{\"id\": \"GHSA-j8r2-6x86-q33q\", \"summary\": \"leak\","
      + " \"affected\": [{\"package\": {\"name\": \"requests\", \"ecosystem\": \"PyPI\"},"
      + " \"versions\": [\"2.30.0\"]}]}";

  @TempDir Path dir;

  /** A loopback server answering with {@code answer}, recording every request. */
  private static MockWebServer server(List<RecordedRequest> seen, Function<RecordedRequest, MockResponse> answer)
      throws Exception {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        seen.add(request);
        return answer.apply(request);
      }
    });
    return server;
  }

  /** The OSV API for one vulnerable version: querybatch and vulns/{id}. */
  private static MockResponse osv(RecordedRequest request) {
    String path = request.getRequestUrl().encodedPath();
    if (path.equals("/v1/querybatch")) {
      return new MockResponse().setBody("{\"results\": [{\"vulns\": [{\"id\": \"GHSA-j8r2-6x86-q33q\"}]}]}");
    }
    if (path.equals("/v1/vulns/GHSA-j8r2-6x86-q33q")) {
      return new MockResponse().setBody(RECORD);
    }
    return new MockResponse().setResponseCode(404);
  }

  @Test
  void osvQueriesGoThroughTheProxyWithItsLogin() throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString("bob:pr0xyPW".getBytes(StandardCharsets.UTF_8));
    List<RecordedRequest> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (MockWebServer proxy = server(seen, r -> basic.equals(r.getHeader("Proxy-Authorization"))
        ? osv(r)
        : new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Basic realm=\"proxy\""))) {
      proxy.start(InetAddress.getLoopbackAddress(), 0);
      String proxyUrl = "http://bob:pr0xyPW@127.0.0.1:" + proxy.getPort();
      AuditReport report;
      try (VulnerabilityAudit audit = VulnerabilityAudit.builder().osvUrl("http://osv.invalid")
          .proxies(null, proxyUrl, List.of()).build()) {
        report = audit.audit(REQUESTS);
      }
      assertEquals(List.of("GHSA-j8r2-6x86-q33q"), report.findings().stream().map(f -> f.id()).toList());
      List<String> lines = seen.stream().map(RecordedRequest::getRequestLine).toList();
      assertTrue(lines.contains("POST http://osv.invalid/v1/querybatch HTTP/1.1"), lines.toString());
      assertTrue(lines.contains("GET http://osv.invalid/v1/vulns/GHSA-j8r2-6x86-q33q HTTP/1.1"), lines.toString());
    }
  }

  @Test
  void aProxyOnTheNoProxyListIsBypassed() throws Exception {
    List<RecordedRequest> viaProxy = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<RecordedRequest> direct = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (MockWebServer proxy = server(viaProxy, r -> new MockResponse().setResponseCode(502));
        MockWebServer api = server(direct, OsvNetworkTest::osv)) {
      proxy.start(InetAddress.getLoopbackAddress(), 0);
      api.start(InetAddress.getLoopbackAddress(), 0);
      try (VulnerabilityAudit audit = VulnerabilityAudit.builder()
          .osvUrl("http://127.0.0.1:" + api.getPort())
          .proxies(null, "http://127.0.0.1:" + proxy.getPort(), List.of("127.0.0.1")).build()) {
        assertEquals(1, audit.audit(REQUESTS).findings().size());
      }
      assertEquals(0, viaProxy.size());
      assertEquals(2, direct.size());
    }
  }

  @Test
  void aRefusedProxyLoginFailsClosedWithoutThePassword() throws Exception {
    List<RecordedRequest> seen = new ArrayList<>();
    try (MockWebServer proxy = server(seen, r -> new MockResponse().setResponseCode(407)
        .setHeader("Proxy-Authenticate", "Basic realm=\"proxy\""))) {
      proxy.start(InetAddress.getLoopbackAddress(), 0);
      AdvisoryDatabaseException e = assertThrows(AdvisoryDatabaseException.class, () -> {
        try (VulnerabilityAudit audit = VulnerabilityAudit.builder().osvUrl("http://osv.invalid")
            .proxies(null, "http://bob:pr0xyPW@127.0.0.1:" + proxy.getPort(), List.of()).build()) {
          audit.audit(REQUESTS);
        }
      });
      assertEquals("http://osv.invalid/v1/querybatch", e.location());
      assertFalse(e.getMessage().contains("pr0xyPW"), e.getMessage());
    }
  }

  /** A self-signed certificate for 127.0.0.1 made with the JDK's keytool: its keystore and PEM. */
  private Path[] selfSigned() throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Path store = dir.resolve("server.p12");
    Path pem = dir.resolve("ca.pem");
    run(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
        "-storepass", "changeit");
    run(keytool.toString(), "-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(),
        "-storepass", "changeit", "-file", pem.toString());
    return new Path[] {store, pem};
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, output);
  }

  @Test
  void anHttpsOsvWithAPrivateCaIsTrustedOnlyWhenGiven() throws Exception {
    Path[] files = selfSigned();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(files[0])) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    try (MockWebServer api = server(new ArrayList<>(), OsvNetworkTest::osv)) {
      api.useHttps(tls.getSocketFactory(), false);
      api.start(InetAddress.getLoopbackAddress(), 0);
      String url = "https://127.0.0.1:" + api.getPort();
      try (VulnerabilityAudit audit = VulnerabilityAudit.builder().osvUrl(url)
          .trustedCertificates(files[1]).build()) {
        assertEquals(1, audit.audit(REQUESTS).findings().size());
      }
      AdvisoryDatabaseException e = assertThrows(AdvisoryDatabaseException.class, () -> {
        try (VulnerabilityAudit audit = VulnerabilityAudit.builder().osvUrl(url).build()) {
          audit.audit(REQUESTS);
        }
      });
      assertEquals(url + "/v1/querybatch", e.location());
      assertTrue(e.getMessage().contains("TLS failure"), e.getMessage());
    }
  }

  @Test
  void aSlowAnswerEndsAtTheDeadlineNamingTheUrl() throws Exception {
    // one byte a second for a body of a kilobyte: only the total deadline ends it
    String body = "{\"results\": [{}]}" + " ".repeat(1000);
    try (MockWebServer api = server(new ArrayList<>(), r -> new MockResponse().setBody(body)
        .throttleBody(1, 1, TimeUnit.SECONDS))) {
      api.start(InetAddress.getLoopbackAddress(), 0);
      String url = "http://127.0.0.1:" + api.getPort();
      AdvisoryDatabaseException e = assertThrows(AdvisoryDatabaseException.class, () -> {
        try (VulnerabilityAudit audit = VulnerabilityAudit.builder().osvUrl(url)
            .requestTimeout(Duration.ofSeconds(2)).retries(0).build()) {
          audit.audit(REQUESTS);
        }
      });
      assertEquals(url + "/v1/querybatch", e.location());
      assertTrue(e.getMessage().contains("deadline of 2 s"), e.getMessage());
    }
  }

  @Test
  void anAnswerLargerThanTheLimitFailsNamingTheSetting() throws Exception {
    String body = "{\"results\": [{}]}" + " ".repeat(10_000);
    try (MockWebServer api = server(new ArrayList<>(), r -> new MockResponse().setBody(body))) {
      api.start(InetAddress.getLoopbackAddress(), 0);
      String url = "http://127.0.0.1:" + api.getPort();
      AdvisoryDatabaseException e = assertThrows(AdvisoryDatabaseException.class, () -> {
        try (VulnerabilityAudit audit = VulnerabilityAudit.builder().osvUrl(url)
            .maxResponseBytes(4096, "--max-osv-response-bytes").build()) {
          audit.audit(REQUESTS);
        }
      });
      assertEquals(url + "/v1/querybatch", e.location());
      assertTrue(e.getMessage().contains("--max-osv-response-bytes"), e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[]",
      "<html>Service unavailable</html>",
      "{\"results\": [[]]}",
      "{\"results\": [{\"vulns\": {}}]}",
      "{\"results\": [{\"vulns\": [{\"id\": \"../../etc/passwd\"}]}]}",
      "{\"results\": [{\"vulns\": [{}]}]}",
      "{\"results\": [{\"next_page_token\": 7}]}"})
  void aQuerybatchAnswerOfTheWrongShapeFailsClosed(String answer) throws Exception {
    try (MockWebServer api = server(new ArrayList<>(), r -> new MockResponse().setBody(answer))) {
      api.start(InetAddress.getLoopbackAddress(), 0);
      String url = "http://127.0.0.1:" + api.getPort();
      AdvisoryDatabaseException e = assertThrows(AdvisoryDatabaseException.class, () -> {
        try (VulnerabilityAudit audit = VulnerabilityAudit.builder().osvUrl(url).build()) {
          audit.audit(REQUESTS);
        }
      });
      assertEquals(url + "/v1/querybatch", e.location());
      assertTrue(e.getMessage().contains(url + "/v1/querybatch"), e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "{\"vulns\": {}}", "{\"vulns\": [5]}", "{\"vulns\": [], \"next_page_token\": []}"})
  void aQueryAnswerOfTheWrongShapeFailsClosed(String answer) throws Exception {
    try (MockWebServer api = server(new ArrayList<>(), r -> new MockResponse().setBody(answer))) {
      api.start(InetAddress.getLoopbackAddress(), 0);
      String url = "http://127.0.0.1:" + api.getPort();
      AdvisoryDatabaseException e = assertThrows(AdvisoryDatabaseException.class, () -> {
        try (VulnerabilityAudit audit = VulnerabilityAudit.builder().osvUrl(url).build()) {
          audit.affectedVersions(org.pylock4j.requirement.ProjectName.of("requests"),
              List.of(org.pylock4j.version.Version.parse("2.30.0")));
        }
      });
      assertEquals(url + "/v1/query", e.location());
    }
  }

  @Test
  void endlessPagesFailClosed() throws Exception {
    List<RecordedRequest> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (MockWebServer api = server(seen,
        r -> new MockResponse().setBody("{\"vulns\": [], \"next_page_token\": \"again\"}"))) {
      api.start(InetAddress.getLoopbackAddress(), 0);
      String url = "http://127.0.0.1:" + api.getPort();
      AdvisoryDatabaseException e = assertThrows(AdvisoryDatabaseException.class, () -> {
        try (VulnerabilityAudit audit = VulnerabilityAudit.builder().osvUrl(url).build()) {
          audit.affectedVersions(org.pylock4j.requirement.ProjectName.of("requests"),
              List.of(org.pylock4j.version.Version.parse("2.30.0")));
        }
      });
      assertEquals(url + "/v1/query", e.location());
      assertTrue(e.getMessage().contains("more than 100 pages"), e.getMessage());
      assertEquals(100, seen.size());
    }
  }

  @Test
  void aLoginInTheOsvUrlGoesToItsHostAndIsNeverShown() throws Exception {
    List<RecordedRequest> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (MockWebServer api = server(seen, r -> new MockResponse().setResponseCode(403))) {
      api.start(InetAddress.getLoopbackAddress(), 0);
      String url = "http://alice:s3cretPW@127.0.0.1:" + api.getPort();
      AdvisoryDatabaseException e = assertThrows(AdvisoryDatabaseException.class, () -> {
        try (VulnerabilityAudit audit = VulnerabilityAudit.builder().osvUrl(url).build()) {
          audit.audit(REQUESTS);
        }
      });
      assertFalse(e.getMessage().contains("s3cretPW"), e.getMessage());
      assertFalse(e.location().contains("s3cretPW"), e.location());
      assertEquals("Basic " + Base64.getEncoder().encodeToString("alice:s3cretPW".getBytes(StandardCharsets.UTF_8)),
          seen.get(0).getHeader("Authorization"));
    }
  }
}
