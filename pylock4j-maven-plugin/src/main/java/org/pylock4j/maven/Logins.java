package org.pylock4j.maven;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Index logins taken from settings.xml {@code <server>} entries (already decrypted by Maven):
 * server id to user and password. The login goes into the index URL's userinfo, which the index
 * client takes out and sends to that host only, and which the lock writer never writes.
 *
 * <p>{@link #toString()} names the server ids only: nothing here is ever logged with a secret.
 */
final class Logins {

  /** A user and password (or token) of one server. */
  record Login(String user, String password) {
    Login {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Login[user=" + user + ", password=***]";
    }
  }

  private final Map<String, Login> byServerId;

  Logins(Map<String, Login> byServerId) {
    this.byServerId = new LinkedHashMap<>(byServerId);
  }

  /** Whether a server with this id has a login. */
  boolean has(String serverId) {
    return serverId != null && byServerId.containsKey(serverId);
  }

  /**
   * The URL of the index named {@code name}, with the login of the server of that id as userinfo
   * when there is one; else {@code url} unchanged.
   *
   * @throws MojoFailureException when the server has a login but the URL is not http(s), or
   *     already carries one
   */
  String apply(String name, String url) throws MojoFailureException {
    Login login = name == null ? null : byServerId.get(name);
    if (login == null) {
      return url;
    }
    return withLogin(name, url, login);
  }

  static String withLogin(String name, String url, Login login) throws MojoFailureException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new MojoFailureException("index " + name + ": not a URL: " + e.getInput());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new MojoFailureException("index " + name + ": settings.xml server '" + name
          + "' has a login, but the index is not an http(s) URL: " + url);
    }
    if (uri.getRawUserInfo() != null) {
      throw new MojoFailureException("index " + name + ": the URL already carries a login;"
          + " keep it in settings.xml server '" + name + "' only");
    }
    String userinfo = encode(login.user()) + ":" + encode(login.password());
    int start = uri.getScheme().length() + 3; // "scheme://"
    return url.substring(0, start) + userinfo + "@" + url.substring(start);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return "Logins" + byServerId.keySet();
  }
}
