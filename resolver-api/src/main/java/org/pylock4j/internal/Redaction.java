package org.pylock4j.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the secrets of URLs in any text before it is shown or written: the password of a URL's
 * userinfo becomes {@code ****} ({@code https://alice:****@host/}), and a userinfo without a
 * password, the usual form of a token, becomes {@code ****} whole ({@code https://****@host/}),
 * as pip shows them. A user name alone is kept for ssh URLs ({@code git+ssh://git@host/}),
 * where it is no secret.
 */
public final class Redaction {

  /** {@value} replaces a secret. */
  public static final String MASK = "****";

  private static final Pattern USERINFO =
      Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]*://)([^/?#@\\s\"'<>]*)@");

  private Redaction() {}

  /**
   * {@code text} with the secrets of every URL in it replaced by {@link #MASK}; null for null.
   *
   * @param text the text, or null
   * @return the text with every URL password or token replaced by {@code ****}
   */
  public static String redact(String text) {
    if (text == null || text.indexOf('@') < 0) {
      return text;
    }
    Matcher m = USERINFO.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String scheme = m.group(1);
      String userInfo = m.group(2);
      int colon = userInfo.indexOf(':');
      String replacement;
      if (colon >= 0) {
        replacement = userInfo.substring(0, colon) + ":" + MASK;
      } else if (scheme.toLowerCase(java.util.Locale.ROOT).contains("ssh") || userInfo.equals(MASK)) {
        replacement = userInfo;
      } else {
        replacement = MASK;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(scheme + replacement + "@"));
    }
    m.appendTail(out);
    return out.toString();
  }
}
