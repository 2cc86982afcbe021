package org.pylock4j.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pylock4j.requirement.ProjectName;

/** Requests through an HTTP proxy (a MockWebServer on loopback playing the proxy). */
class PypiIndexProxyTest {

  // never resolved: the proxy is asked for it (absolute-form request), and the proxy is local
  private static final String INDEX = "http://pypi.proxy-test.invalid/simple/";
  private static final String PAGE = """
      {"meta": {"api-version": "1.1"}, "name": "demo", "files": [
        {"filename": "demo-1.0-py3-none-any.whl", "url": "demo-1.0-py3-none-any.whl",
         "hashes": {"sha256": "0000000000000000000000000000000000000000000000000000000000000000"}}]}
      """;

  private MockWebServer proxy;
  private final List<URI> selected = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    proxy = new MockWebServer();
    proxy.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() throws IOException {
    proxy.shutdown();
  }

  private ProxySelector selector() {
    // unresolved, as an application names its proxy by host: OkHttp resolves it
    Proxy http = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("127.0.0.1", proxy.getPort()));
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        selected.add(uri);
        return List.of(http);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {}
    };
  }

  private static MockResponse page() {
    return new MockResponse().setHeader("Content-Type", PageParser.JSON_TYPE).setBody(PAGE);
  }

  @Test
  void requestsGoThroughTheSelectedProxy() throws Exception {
    proxy.enqueue(page());
    try (PypiIndex index = PypiIndex.builder().indexUrl(INDEX).retries(0).proxy(selector(), null).build()) {
      assertEquals(1, index.page(ProjectName.of("demo")).join().files().size());
    }
    RecordedRequest request = proxy.takeRequest();
    assertEquals("GET http://pypi.proxy-test.invalid/simple/demo/ HTTP/1.1", request.getRequestLine());
    assertNull(request.getHeader("Proxy-Authorization"));
    assertEquals(URI.create("http://pypi.proxy-test.invalid/"), selected.get(0));
  }

  @Test
  void aProxyAsking407GetsTheLoginTheAuthenticatorGivesForIt() throws Exception {
    proxy.enqueue(new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Basic realm=\"proxy\""));
    proxy.enqueue(page());
    List<String> asked = new ArrayList<>();
    Authenticator logins = new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        asked.add(getRequestorType() + " " + getRequestingHost() + ":" + getRequestingPort());
        return new PasswordAuthentication("squid", "pr0xy".toCharArray());
      }
    };
    try (PypiIndex index = PypiIndex.builder().indexUrl(INDEX).retries(0).proxy(selector(), logins).build()) {
      assertEquals(1, index.page(ProjectName.of("demo")).join().files().size());
    }
    assertNull(proxy.takeRequest().getHeader("Proxy-Authorization"));
    assertEquals("Basic c3F1aWQ6cHIweHk=", proxy.takeRequest().getHeader("Proxy-Authorization"));
    assertEquals(List.of("PROXY 127.0.0.1:" + proxy.getPort()), asked);
  }
}
