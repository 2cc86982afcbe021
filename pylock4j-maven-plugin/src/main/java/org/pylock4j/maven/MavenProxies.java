package org.pylock4j.maven;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The active proxies of settings.xml in the facade's terms ({@code Locker.Builder.proxies}, as pip
 * takes {@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code NO_PROXY}): https requests go through the
 * first {@code https} proxy, else the first {@code http} one (Maven's usual single proxy carries
 * both); http requests through the first {@code http} proxy; {@code <nonProxyHosts>}
 * ({@code |}-separated, {@code *.example.com} wildcards) are reached directly.
 */
final class MavenProxies {

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

    /** {@code http://[user:password@]host:port}; the login goes to this proxy only. */
    String url() {
      String login = user == null ? "" : encode(user) + ":" + encode(password == null ? "" : password) + "@";
      return "http://" + login + host + ":" + port;
    }
  }

  private final List<Entry> proxies;

  MavenProxies(List<Entry> proxies) {
    this.proxies = List.copyOf(proxies);
  }

  boolean isEmpty() {
    return proxies.isEmpty();
  }

  private Entry first(String protocol) {
    return proxies.stream()
        .filter(p -> (p.protocol() == null ? "http" : p.protocol().toLowerCase(Locale.ROOT)).equals(protocol))
        .findFirst().orElse(null);
  }

  /** The proxy URL for https requests, or null. */
  String httpsProxy() {
    Entry p = first("https");
    if (p == null) {
      p = first("http");
    }
    return p == null ? null : p.url();
  }

  /** The proxy URL for http requests, or null. */
  String httpProxy() {
    Entry p = first("http");
    return p == null ? null : p.url();
  }

  /** The hosts reached directly, in {@code NO_PROXY} terms ({@code *.corp.example} → {@code corp.example}). */
  List<String> noProxy() {
    Set<String> out = new LinkedHashSet<>();
    for (Entry p : proxies) {
      if (p.nonProxyHosts() == null) {
        continue;
      }
      for (String pattern : p.nonProxyHosts().split("[|,]")) {
        String s = pattern.strip();
        if (s.startsWith("*.")) {
          s = s.substring(2);
        } else if (s.startsWith("*") && !s.equals("*")) {
          s = s.substring(1);
        }
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return "MavenProxies" + proxies;
  }
}
