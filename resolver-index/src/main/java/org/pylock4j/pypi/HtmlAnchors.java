package org.pylock4j.pypi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small, forgiving reader of the parts of an HTML page the Simple API uses (PEP 503): anchors
 * with their attributes and text, {@code <base href>} and {@code <meta name=...
 * content=...>}. Comments, {@code <script>} and {@code <style>} contents are skipped; attribute
 * values may be double-, single- or unquoted; character references are decoded. It never throws
 * on odd markup: what cannot be read as a tag is text.
 */
final class HtmlAnchors {

  record Anchor(Map<String, String> attributes, String text) {
    String attribute(String name) {
      return attributes.get(name);
    }

    boolean has(String name) {
      return attributes.containsKey(name);
    }
  }

  record Page(List<Anchor> anchors, String baseHref, Map<String, String> meta) {}

  private final String html;
  private int pos;

  private HtmlAnchors(String html) {
    this.html = html;
  }

  static Page parse(String html) {
    return new HtmlAnchors(html).read();
  }

  private Page read() {
    List<Anchor> anchors = new ArrayList<>();
    Map<String, String> meta = new LinkedHashMap<>();
    String base = null;
    Map<String, String> openAnchor = null;
    int textStart = 0;
    while (pos < html.length()) {
      int lt = html.indexOf('<', pos);
      if (lt < 0) {
        break;
      }
      pos = lt;
      if (html.startsWith("<!--", pos)) {
        int end = html.indexOf("-->", pos + 4);
        pos = end < 0 ? html.length() : end + 3;
        continue;
      }
      boolean closing = pos + 1 < html.length() && html.charAt(pos + 1) == '/';
      int nameStart = pos + (closing ? 2 : 1);
      int nameEnd = nameStart;
      while (nameEnd < html.length() && isNameChar(html.charAt(nameEnd))) {
        nameEnd++;
      }
      if (nameEnd == nameStart) {
        pos++; // a '<' that starts no tag, or <!DOCTYPE / <?...: skip the '<'
        if (nameStart < html.length() && "!?".indexOf(html.charAt(nameStart)) >= 0) {
          int end = html.indexOf('>', pos);
          pos = end < 0 ? html.length() : end + 1;
        }
        continue;
      }
      String tag = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
      int tagStart = pos;
      pos = nameEnd;
      if (closing) {
        int end = html.indexOf('>', pos);
        pos = end < 0 ? html.length() : end + 1;
        if (tag.equals("a") && openAnchor != null) {
          anchors.add(new Anchor(openAnchor, decode(stripTags(html.substring(textStart, tagStart))).strip()));
          openAnchor = null;
        }
        continue;
      }
      Map<String, String> attributes = readAttributes();
      switch (tag) {
        case "a" -> {
          if (openAnchor != null) { // an unclosed anchor ends where the next begins
            anchors.add(new Anchor(openAnchor, decode(stripTags(html.substring(textStart, tagStart))).strip()));
          }
          openAnchor = attributes;
          textStart = pos;
        }
        case "base" -> {
          if (base == null && attributes.get("href") != null) {
            base = attributes.get("href");
          }
        }
        case "meta" -> {
          String name = attributes.get("name");
          if (name != null && attributes.get("content") != null) {
            meta.putIfAbsent(name.toLowerCase(Locale.ROOT), attributes.get("content"));
          }
        }
        case "script", "style" -> {
          int end = indexOfIgnoreCase("</" + tag, pos);
          pos = end < 0 ? html.length() : end;
        }
        default -> {
          // other tags carry nothing the Simple API needs
        }
      }
    }
    if (openAnchor != null) {
      anchors.add(new Anchor(openAnchor, decode(stripTags(html.substring(textStart))).strip()));
    }
    return new Page(List.copyOf(anchors), base, Map.copyOf(meta));
  }

  /** Reads attributes up to and including the closing {@code >} of the tag. */
  private Map<String, String> readAttributes() {
    Map<String, String> attributes = new LinkedHashMap<>();
    while (pos < html.length()) {
      char c = html.charAt(pos);
      if (c == '>') {
        pos++;
        break;
      }
      if (Character.isWhitespace(c) || c == '/') {
        pos++;
        continue;
      }
      int start = pos;
      while (pos < html.length()
          && !Character.isWhitespace(html.charAt(pos))
          && "=>/".indexOf(html.charAt(pos)) < 0) {
        pos++;
      }
      if (pos == start) { // a stray '=': skip it
        pos++;
        continue;
      }
      String name = html.substring(start, pos).toLowerCase(Locale.ROOT);
      skipWhitespace();
      String value = null;
      if (pos < html.length() && html.charAt(pos) == '=') {
        pos++;
        skipWhitespace();
        value = readValue();
      }
      attributes.putIfAbsent(name, value == null ? "" : decode(value));
    }
    return attributes;
  }

  private String readValue() {
    if (pos >= html.length()) {
      return "";
    }
    char quote = html.charAt(pos);
    if (quote == '"' || quote == '\'') {
      int end = html.indexOf(quote, pos + 1);
      if (end < 0) {
        end = html.length();
      }
      String value = html.substring(pos + 1, end);
      pos = Math.min(html.length(), end + 1);
      return value;
    }
    int start = pos;
    while (pos < html.length() && !Character.isWhitespace(html.charAt(pos)) && html.charAt(pos) != '>') {
      pos++;
    }
    return html.substring(start, pos);
  }

  private void skipWhitespace() {
    while (pos < html.length() && Character.isWhitespace(html.charAt(pos))) {
      pos++;
    }
  }

  private int indexOfIgnoreCase(String needle, int from) {
    int n = needle.length();
    for (int i = from; i + n <= html.length(); i++) {
      if (html.regionMatches(true, i, needle, 0, n)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static String stripTags(String text) {
    return text.replaceAll("<[^>]*>", "");
  }

  private static final Map<String, String> ENTITIES =
      Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00a0");

  /** Decodes character references: named (the common ones), decimal and hexadecimal. */
  static String decode(String text) {
    int amp = text.indexOf('&');
    if (amp < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int semi = c == '&' ? text.indexOf(';', i) : -1;
      if (semi > i + 1 && semi - i <= 10) {
        String ref = text.substring(i + 1, semi);
        String replacement = null;
        if (ref.startsWith("#x") || ref.startsWith("#X")) {
          replacement = codePoint(ref.substring(2), 16);
        } else if (ref.startsWith("#")) {
          replacement = codePoint(ref.substring(1), 10);
        } else {
          replacement = ENTITIES.get(ref.toLowerCase(Locale.ROOT));
        }
        if (replacement != null) {
          out.append(replacement);
          i = semi + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static String codePoint(String digits, int radix) {
    try {
      int cp = Integer.parseInt(digits, radix);
      return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
