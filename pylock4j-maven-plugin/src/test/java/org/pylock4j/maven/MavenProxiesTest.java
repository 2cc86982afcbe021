package org.pylock4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class MavenProxiesTest {

  private final MavenProxies proxies = new MavenProxies(List.of(
      new MavenProxies.Entry("http", "proxy.corp.example", 3128, "squid", "pr0xy", "localhost|*.corp.example|127.0.0.1")));

  @Test
  void anHttpProxyCarriesHttpAndHttps() {
    List<Proxy> chosen = proxies.select(URI.create("https://pypi.org/simple/"));
    assertEquals(Proxy.Type.HTTP, chosen.get(0).type());
    InetSocketAddress address = (InetSocketAddress) chosen.get(0).address();
    assertEquals("proxy.corp.example:3128", address.getHostString() + ":" + address.getPort());
    assertEquals(Proxy.Type.HTTP, proxies.select(URI.create("http://pypi.org/simple/")).get(0).type());
  }

  @Test
  void nonProxyHostsGoDirect() {
    assertEquals(List.of(Proxy.NO_PROXY), proxies.select(URI.create("https://pypi.CORP.example/simple/")));
    assertEquals(List.of(Proxy.NO_PROXY), proxies.select(URI.create("http://127.0.0.1:8080/simple/")));
    assertFalse(MavenProxies.bypassed("corp.example.evil.org", "*.corp.example"));
    assertTrue(MavenProxies.bypassed("a.b.corp.example", "*.corp.example"));
  }

  @Test
  void anHttpsProxyDoesNotCarryHttp() {
    MavenProxies https = new MavenProxies(List.of(new MavenProxies.Entry("https", "p", 1, null, null, null)));
    assertEquals(List.of(Proxy.NO_PROXY), https.select(URI.create("http://pypi.org/simple/")));
  }

  @Test
  void neverPrintsAPassword() {
    assertFalse(proxies.toString().contains("pr0xy"));
    assertFalse(new MavenProxies.Entry("http", "h", 1, "u", "pr0xy", null).toString().contains("pr0xy"));
  }
}
