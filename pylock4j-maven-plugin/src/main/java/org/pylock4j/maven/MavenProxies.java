package org.pylock4j.maven;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The active proxies of settings.xml as the JDK's {@link ProxySelector} and {@link Authenticator}:
 * a URI goes through the first proxy whose {@code <protocol>} is its scheme (an {@code http} proxy
 * also carries {@code https}) unless its host matches {@code <nonProxyHosts>} ({@code |}-separated,
 * {@code *} wildcards, case-insensitive), as Maven does for repositories.
 */
final class MavenProxies extends ProxySelector {

  /**
   * One settings.xml proxy, its password decrypted.
   *
   * @param protocol {@code http} or {@code https}
   * @param user the login, or null
   * @param password the password, or null
   * @param nonProxyHosts the hosts reached directly, {@code |}-separated; may be null
   */
  record Entry(String protocol, String host, int port, String user, String password, String nonProxyHosts) {
    @Override
    public String toString() {
      return "Entry[" + protocol + "://" + host + ":" + port + (user == null ? "" : ", user=" + user + ", password=***") + "]";
    }
  }

  private final List<Entry> proxies;

  MavenProxies(List<Entry> proxies) {
    this.proxies = List.copyOf(proxies);
  }

  /** The proxy for {@code uri}, or null for a direct connection. */
  Entry proxyFor(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost();
    for (Entry p : proxies) {
      String protocol = p.protocol() == null ? "http" : p.protocol().toLowerCase(Locale.ROOT);
      boolean carries = protocol.equals(scheme) || (protocol.equals("http") && scheme.equals("https"));
      if (carries && !bypassed(host, p.nonProxyHosts())) {
        return p;
      }
    }
    return null;
  }

  static boolean bypassed(String host, String nonProxyHosts) {
    if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
      return false;
    }
    for (String pattern : nonProxyHosts.split("[|,]")) {
      String p = pattern.strip();
      if (p.isEmpty()) {
        continue;
      }
      String regex = Pattern.quote(p).replace("*", "\\E.*\\Q");
      if (Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(host).matches()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<Proxy> select(URI uri) {
    Entry p = proxyFor(uri);
    return p == null
        ? List.of(Proxy.NO_PROXY)
        : List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host(), p.port())));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {}

  /** The logins of the proxies, asked for by proxy host and port. */
  Authenticator authenticator() {
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        if (getRequestorType() != RequestorType.PROXY) {
          return null;
        }
        for (Entry p : proxies) {
          if (p.user() != null && p.host().equalsIgnoreCase(getRequestingHost()) && p.port() == getRequestingPort()) {
            return new PasswordAuthentication(p.user(), (p.password() == null ? "" : p.password()).toCharArray());
          }
        }
        return null;
      }
    };
  }

  boolean isEmpty() {
    return proxies.isEmpty();
  }
}
