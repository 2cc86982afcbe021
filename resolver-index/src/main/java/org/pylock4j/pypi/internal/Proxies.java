package org.pylock4j.pypi.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The proxies of {@code PypiIndex.Builder#proxies}: one for https, one for http, and hosts
 * reached directly, with the {@code NO_PROXY} rules curl, pip and uv follow ({@code *} for every
 * host; {@code example.com} or {@code .example.com} for the domain and its subdomains; an
 * address; a {@code :port} suffix is ignored).
 */
final class Proxies extends ProxySelector {

  /** A proxy: where it is, and its login from the URL's userinfo, or null. */
  record Target(Proxy proxy, Credentials.Login login) {}

  private final Target https;
  private final Target http;
  private final List<String> direct;

  Proxies(Target https, Target http, List<String> noProxy) {
    this.https = https;
    this.http = http;
    this.direct = noProxy.stream().map(Proxies::normalize).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * The proxy of a URL such as {@code http://user:pass@proxy.example:3128}, its login remembered
   * by {@code credentials} (to be hidden in every message); null for null or blank.
   *
   * @throws IllegalArgumentException naming the URL (without its password) when it is unusable
   */
  static Target parse(String url, Credentials credentials) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String text = url.strip().contains("://") ? url.strip() : "http://" + url.strip();
    URI uri;
    try {
      uri = new URI(text);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not a usable proxy URL: " + Credentials.strip(text));
    }
    if (uri.getHost() == null || !"http".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("not a usable proxy URL (http://host:port expected): "
          + Credentials.strip(text));
    }
    Credentials.Login login = null;
    if (uri.getRawUserInfo() != null) {
      login = credentials.hide(uri.getRawUserInfo());
    }
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    return new Target(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port)), login);
  }

  @Override
  public List<Proxy> select(URI uri) {
    Target target = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
    if (target == null || bypassed(uri.getHost())) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(target.proxy());
  }

  /** The login of the proxy at {@code address}, or null. */
  Credentials.Login loginFor(SocketAddress address) {
    for (Target t : new Target[] {https, http}) {
      if (t != null && t.login() != null && sameAddress(t.proxy().address(), address)) {
        return t.login();
      }
    }
    return null;
  }

  private static boolean sameAddress(SocketAddress a, SocketAddress b) {
    if (a instanceof InetSocketAddress x && b instanceof InetSocketAddress y) {
      return x.getPort() == y.getPort() && x.getHostString().equalsIgnoreCase(y.getHostString());
    }
    return a.equals(b);
  }

  boolean bypassed(String host) {
    if (host == null) {
      return true;
    }
    String h = normalize(host);
    for (String rule : direct) {
      if (rule.equals("*") || h.equals(rule) || h.endsWith("." + rule)) {
        return true;
      }
    }
    return false;
  }

  private static String normalize(String entry) {
    String e = entry.strip().toLowerCase(Locale.ROOT);
    if (e.startsWith("[")) { // [::1]:8080
      int end = e.indexOf(']');
      return end > 0 ? e.substring(1, end) : e;
    }
    if (e.startsWith("*.")) {
      e = e.substring(2);
    }
    while (e.startsWith(".")) {
      e = e.substring(1);
    }
    int colon = e.indexOf(':');
    if (colon >= 0 && e.indexOf(':', colon + 1) < 0) {
      e = e.substring(0, colon); // host:port; an IPv6 address has several colons
    }
    return e;
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // OkHttp reports the failure itself
  }
}
