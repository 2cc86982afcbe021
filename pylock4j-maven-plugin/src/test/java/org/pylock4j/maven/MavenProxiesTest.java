package org.pylock4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class MavenProxiesTest {

  private final MavenProxies proxies = new MavenProxies(List.of(
      new MavenProxies.Entry("http", "proxy.corp.example", 3128, "squid", "pr0x y@", "localhost|*.corp.example|127.0.0.1")));

  @Test
  void anHttpProxyCarriesHttpAndHttpsWithItsLogin() {
    assertEquals("http://squid:pr0x%20y%40@proxy.corp.example:3128", proxies.httpsProxy());
    assertEquals("http://squid:pr0x%20y%40@proxy.corp.example:3128", proxies.httpProxy());
  }

  @Test
  void nonProxyHostsBecomeNoProxyDomains() {
    assertEquals(List.of("localhost", "corp.example", "127.0.0.1"), proxies.noProxy());
  }

  @Test
  void anHttpsProxyDoesNotCarryHttp() {
    MavenProxies https = new MavenProxies(List.of(new MavenProxies.Entry("https", "p", 1, null, null, null)));
    assertEquals("http://p:1", https.httpsProxy());
    assertNull(https.httpProxy());
  }

  @Test
  void neverPrintsAPassword() {
    assertFalse(proxies.toString().contains("pr0x"), proxies.toString());
  }
}
