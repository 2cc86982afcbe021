package org.pylock4j.pypi.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.error.IndexException;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.ProjectName;

/**
 * Trust gap: proxies ({@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}) and a CA bundle
 * ({@code --cert}, {@code SSL_CERT_FILE}) are library options; a proxy's login goes to the proxy
 * only and is never shown.
 */
class ProxyAndCertificatesTest {

  private static final ProjectName DEMO = ProjectName.of("demo");
  private static final String PAGE = EvilServer.page("demo", "{\"filename\": \"demo-1.0-py3-none-any.whl\","
      + " \"url\": \"demo-1.0-py3-none-any.whl\", \"hashes\": {}}");

  @TempDir Path dir;

  @Test
  void requestsGoThroughTheProxyWithItsLogin() {
    String basic = "Basic " + Base64.getEncoder().encodeToString("bob:pr0xyPW".getBytes(StandardCharsets.UTF_8));
    try (EvilServer proxy = new EvilServer()) {
      proxy.route("http://pypi.invalid/simple/demo/", r -> basic.equals(r.getHeader("Proxy-Authorization"))
          ? new MockResponse().setHeader("Content-Type", EvilServer.JSON).setBody(PAGE)
          : new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Basic realm=\"proxy\""));
      String proxyUrl = proxy.url("/").replace("://", "://bob:pr0xyPW@");
      try (PypiIndex index = Hostile.client("http://pypi.invalid/simple/")
          .proxies(null, proxyUrl, List.of()).build()) {
        assertEquals(1, Hostile.get(index.page(DEMO)).files().size());
      }
      assertEquals(2, proxy.requests.size());
      assertEquals(basic, proxy.requests.get(1).getHeader("Proxy-Authorization"));
    }
  }

  @Test
  void aRefusedProxyLoginIsAnIndexFailureWithoutThePassword() {
    try (EvilServer proxy = new EvilServer()) {
      proxy.route("http://pypi.invalid/simple/demo/", r -> new MockResponse().setResponseCode(407)
          .setHeader("Proxy-Authenticate", "Basic realm=\"proxy\""));
      String proxyUrl = proxy.url("/").replace("://", "://bob:pr0xyPW@");
      try (PypiIndex index = Hostile.client("http://pypi.invalid/simple/")
          .proxies(null, proxyUrl, List.of()).build()) {
        IndexException e = Hostile.failure(index.page(DEMO));
        assertFalse(e.getMessage().contains("pr0xyPW"), e.getMessage());
      }
    }
  }

  @Test
  void noProxyHostsAreReachedDirectly() {
    try (EvilServer proxy = new EvilServer(); EvilServer origin = new EvilServer()) {
      origin.json("/simple/demo/", PAGE);
      try (PypiIndex index = Hostile.client(origin.indexUrl())
          .proxies(proxy.url("/"), proxy.url("/"), List.of("example.com", "127.0.0.1")).build()) {
        assertEquals(1, Hostile.get(index.page(DEMO)).files().size());
      }
      assertEquals(0, proxy.requests.size());
      assertEquals(1, origin.requests.size());
    }
  }

  @Test
  void aBadProxyUrlIsRefusedWithoutItsPassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Hostile.client("http://pypi.invalid/simple/").proxies("socks5://u:secretPW@h:1", null, List.of()).build());
    assertEquals("not a usable proxy URL (http://host:port expected): socks5://h:1", e.getMessage());
  }

  @Test
  void aFileWithoutCertificatesIsRefusedNamingIt() throws IOException {
    Path pem = Files.writeString(dir.resolve("ca.pem"), "<html>not a certificate</html>");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Hostile.client("https://pypi.invalid/simple/").trustedCertificates(pem).build());
    assertTrue(e.getMessage().startsWith("certificate file " + pem), e.getMessage());
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
  void aPrivateCaIsTrustedOnlyWhenGiven() throws Exception {
    Path[] files = selfSigned();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(files[0])) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    MockWebServer server = new MockWebServer();
    try {
      server.useHttps(tls.getSocketFactory(), false);
      server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse().setHeader("Content-Type", EvilServer.JSON).setBody(PAGE);
        }
      });
      server.start(java.net.InetAddress.getLoopbackAddress(), 0);
      String url = server.url("/simple/").newBuilder().host("127.0.0.1").build().toString();
      assertTrue(url.startsWith("https://127.0.0.1:"), url);
      try (PypiIndex index = Hostile.client(url).trustedCertificates(files[1]).build()) {
        assertEquals(1, Hostile.get(index.page(DEMO)).files().size());
      }
      try (PypiIndex index = Hostile.client(url).build()) {
        IndexException e = Hostile.failure(index.page(DEMO));
        assertTrue(e.getMessage().contains("TLS failure"), e.getMessage());
      }
    } finally {
      server.shutdown();
    }
  }
}
