package org.pylock4j.pypi.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials for index hosts, from URL userinfo and a netrc file, and the scrubbing of URLs and
 * messages so that no secret leaves this class: not in a log, an exception or a file URL.
 */
public final class Credentials {

  /**
   * A login; its {@code toString} hides the password.
   *
   * @param user the user name
   * @param password the password, or empty
   */
  public record Login(String user, String password) {
    @Override
    public String toString() {
      return "Login[" + user + ", ****]";
    }
  }

  /** host:port (lower case) to the login given in an index URL. */
  private final Map<String, Login> fromUrls = new ConcurrentHashMap<>();
  /** host (lower case) to the netrc login; key "" is the netrc default. */
  private final Map<String, Login> fromNetrc;
  private final List<String> secrets = new ArrayList<>();

  /**
   * Credentials with the logins of a netrc file.
   *
   * @param netrc the netrc file, or null for none
   */
  public Credentials(Path netrc) {
    this.fromNetrc = netrc == null ? Map.of() : readNetrc(netrc);
    fromNetrc.values().forEach(this::remember);
  }

  /**
   * Strips the userinfo of {@code url}, remembering it for the host.
   *
   * @param url a URL, possibly with userinfo
   * @return the URL without userinfo
   */
  public String takeFrom(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return strip(url); // unusable anyway; at least never shown with its secret
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null || uri.getHost() == null) {
      return url;
    }
    int colon = userInfo.indexOf(':');
    String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
    String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
    Login login = new Login(user, password);
    remember(login);
    fromUrls.putIfAbsent(hostPort(uri.getScheme(), uri.getHost(), uri.getPort()), login);
    return strip(url);
  }

  /** The login of a raw userinfo ({@code user:password}), its password to be hidden from now on. */
  Login hide(String rawUserInfo) {
    int colon = rawUserInfo.indexOf(':');
    Login login = new Login(decode(colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon)),
        colon < 0 ? "" : decode(rawUserInfo.substring(colon + 1)));
    remember(colon < 0 ? new Login("", login.user()) : login); // a lone user name is a token
    return login;
  }

  /**
   * The login to send to a host; URL credentials win over netrc.
   *
   * @param scheme the URL scheme
   * @param host the host
   * @param port the port, or -1 for the scheme's default
   * @return the login, or null
   */
  public Login loginFor(String scheme, String host, int port) {
    Login login = fromUrls.get(hostPort(scheme, host, port));
    if (login == null) {
      login = fromNetrc.get(host.toLowerCase(Locale.ROOT));
    }
    if (login == null) {
      login = fromNetrc.get("");
    }
    return login;
  }

  /**
   * Replaces every known secret in a text by {@code ****}.
   *
   * @param text the text, or null
   * @return the text without secrets, or null
   */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    synchronized (secrets) {
      for (String secret : secrets) {
        result = result.replace(secret, "****");
      }
    }
    return result;
  }

  /**
   * Removes userinfo (also of URLs this object has never seen).
   *
   * @param url the URL
   * @return {@code url} without userinfo
   */
  public static String strip(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int start = scheme + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    if (at < start) {
      return url;
    }
    return url.substring(0, start) + url.substring(at + 1);
  }

  private void remember(Login login) {
    synchronized (secrets) {
      if (!login.password().isEmpty() && !secrets.contains(login.password())) {
        secrets.add(login.password());
        String encoded = java.net.URLEncoder.encode(login.password(), StandardCharsets.UTF_8);
        if (!encoded.equals(login.password())) {
          secrets.add(encoded);
        }
        // Longest first, so that a secret containing another is replaced whole.
        secrets.sort((a, b) -> b.length() - a.length());
      }
    }
  }

  private static String hostPort(String scheme, String host, int port) {
    int effective = port;
    if (effective < 0) {
      effective = "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
    return host.toLowerCase(Locale.ROOT) + ":" + effective;
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** Parses a netrc file: {@code machine}, {@code default}, {@code login}, {@code password}. */
  static Map<String, Login> readNetrc(Path path) {
    if (!Files.isRegularFile(path)) {
      return Map.of();
    }
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Map.of();
    }
    Map<String, Login> result = new ConcurrentHashMap<>();
    String[] tokens = text.strip().split("\\s+");
    String machine = null;
    String user = null;
    String password = null;
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      switch (token) {
        case "machine", "default" -> {
          store(result, machine, user, password);
          machine = token.equals("default") ? "" : (i + 1 < tokens.length ? tokens[++i] : null);
          user = null;
          password = null;
        }
        case "login" -> user = i + 1 < tokens.length ? tokens[++i] : null;
        case "password" -> password = i + 1 < tokens.length ? tokens[++i] : null;
        case "account" -> i++;
        case "macdef" -> i = tokens.length; // macros end the useful part of the file
        default -> {
          // unknown token: ignored, as Python's netrc does for robustness
        }
      }
    }
    store(result, machine, user, password);
    return result;
  }

  private static void store(Map<String, Login> result, String machine, String user, String pw) {
    if (machine != null && (user != null || pw != null)) {
      result.putIfAbsent(
          machine.toLowerCase(Locale.ROOT), new Login(user == null ? "" : user, pw == null ? "" : pw));
    }
  }
}
