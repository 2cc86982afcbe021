package org.pylock4j.pypi;

import org.pylock4j.pypi.internal.Credentials;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import org.pylock4j.error.IndexException;
import org.pylock4j.error.PylockException;
import org.pylock4j.metadata.SdistFilename;
import org.pylock4j.metadata.WheelFilename;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.version.SpecifierSet;
import org.pylock4j.version.Version;

/**
 * Reads a Simple API project page: PEP 691 JSON or PEP 503 HTML, with PEP 592 yanks, PEP 658/714
 * core metadata, PEP 700 upload times and sizes, PEP 740 provenance URLs. File and provenance
 * URLs are made absolute against the page URL and stripped of credentials.
 */
final class PageParser {

  static final String JSON_TYPE = "application/vnd.pypi.simple.v1+json";
  static final String HTML_TYPE = "application/vnd.pypi.simple.v1+html";
  static final String ACCEPT = JSON_TYPE + ", " + HTML_TYPE + ";q=0.2, text/html;q=0.01";

  /** Jackson's mapper, made on the first JSON page (~15 ms of a fresh JVM an HTML index never needs). */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  record Parsed(List<DistributionFile> files, int skipped) {}

  /** Hex digits a hash of each algorithm has (hashlib's guaranteed algorithms). */
  private static final Map<String, Integer> HASH_LENGTHS = Map.of(
      "md5", 32, "sha1", 40, "sha224", 56, "sha256", 64, "sha384", 96, "sha512", 128,
      "blake2b", 128, "blake2s", 64, "sha3_256", 64, "sha3_512", 128);
  private static final java.util.regex.Pattern HASH_NAME = java.util.regex.Pattern.compile("[a-z0-9_]{1,32}");
  private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("[0-9a-f]+");

  private final Credentials credentials;
  private final java.util.function.Consumer<String> warnings;

  PageParser(Credentials credentials, java.util.function.Consumer<String> warnings) {
    this.credentials = credentials;
    this.warnings = warnings;
  }

  /**
   * Parses {@code body}, JSON when the content type says so (or, without one, when it looks like
   * JSON), HTML otherwise.
   *
   * @param pageUrl the final URL of the page (after redirects), without credentials
   * @throws IndexException naming {@code pageUrl} when the page is malformed
   */
  Parsed parse(ProjectName project, String pageUrl, String contentType, byte[] body) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    boolean json =
        type.contains("json") || (!type.contains("html") && firstNonBlank(body) == '{');
    return json ? parseJson(project, pageUrl, body) : parseHtml(project, pageUrl, body);
  }

  Parsed parseJson(ProjectName project, String pageUrl, byte[] body) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw malformed(pageUrl, "malformed JSON: " + firstLine(org.pylock4j.internal.Failures.parser(e.getOriginalMessage())));
    } catch (java.io.IOException e) {
      throw malformed(pageUrl, "unreadable JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw malformed(pageUrl, "a PEP 691 page must be a JSON object");
    }
    checkApiVersion(pageUrl, root.path("meta").path("api-version").asText(null));
    JsonNode files = root.get("files");
    if (files == null || !files.isArray()) {
      throw malformed(pageUrl, "a PEP 691 page needs a \"files\" array");
    }
    List<DistributionFile> result = new ArrayList<>();
    int skipped = 0;
    for (JsonNode file : files) {
      String filename = text(file, "filename");
      String href = text(file, "url");
      if (filename == null || href == null) {
        throw malformed(pageUrl, "a file entry needs \"filename\" and \"url\" strings");
      }
      Version version = versionOf(project, filename);
      if (version == null) {
        skipped++;
        continue;
      }
      Map<String, String> hashes = hashes(pageUrl, filename, file.get("hashes"));
      String url = resolve(pageUrl, href);
      JsonNode yankedNode = file.get("yanked");
      String yanked = null;
      if (yankedNode != null && yankedNode.isTextual()) {
        yanked = yankedNode.asText();
      } else if (yankedNode != null && yankedNode.asBoolean(false)) {
        yanked = "";
      }
      Instant uploadTime = null;
      String upload = text(file, "upload-time");
      if (upload != null) {
        try {
          uploadTime = Instant.parse(upload);
        } catch (DateTimeParseException e) {
          throw malformed(pageUrl, "bad upload-time \"" + upload + "\" of " + filename);
        }
      }
      JsonNode sizeNode = file.get("size");
      long size = sizeNode != null && sizeNode.canConvertToLong() ? sizeNode.asLong() : -1;
      JsonNode core = file.has("core-metadata") ? file.get("core-metadata") : file.get("dist-info-metadata");
      Map<String, String> coreHashes = null;
      if (core != null && core.isObject()) {
        coreHashes = hashes(pageUrl, filename + " (core-metadata)", core);
      } else if (core != null && core.asBoolean(false)) {
        coreHashes = Map.of();
      }
      String provenance = text(file, "provenance");
      result.add(new DistributionFile(project, version, filename, url, hashes,
          requiresPython(pageUrl, filename, text(file, "requires-python")), yanked, uploadTime, size, coreHashes,
          provenance == null || provenance.isBlank() ? null : resolve(pageUrl, provenance)));
    }
    return new Parsed(result, skipped);
  }

  Parsed parseHtml(ProjectName project, String pageUrl, byte[] body) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(body)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw malformed(pageUrl, "not an HTML document (invalid UTF-8)");
    }
    if (text.indexOf('\0') >= 0) {
      throw malformed(pageUrl, "not an HTML document (binary data)");
    }
    HtmlAnchors.Page page = HtmlAnchors.parse(text);
    checkApiVersion(pageUrl, page.meta().get("pypi:repository-version"));
    String base = page.baseHref() == null ? pageUrl : resolve(pageUrl, page.baseHref());
    List<DistributionFile> result = new ArrayList<>();
    int skipped = 0;
    for (HtmlAnchors.Anchor anchor : page.anchors()) {
      String href = anchor.attribute("href");
      if (href == null || href.isEmpty()) {
        continue;
      }
      String fragment = null;
      int hash = href.indexOf('#');
      if (hash >= 0) {
        fragment = href.substring(hash + 1);
        href = href.substring(0, hash);
      }
      String url = resolve(base, href);
      String filename = lastSegment(url);
      Version version = versionOf(project, filename);
      if (version == null) {
        skipped++;
        continue;
      }
      Map<String, String> hashes = new HashMap<>();
      if (fragment != null) {
        addHash(hashes, fragment, pageUrl, filename);
      }
      String core = anchor.has("data-core-metadata")
          ? anchor.attribute("data-core-metadata") : anchor.attribute("data-dist-info-metadata");
      Map<String, String> coreHashes = null;
      if (core != null && !core.equalsIgnoreCase("false")) {
        Map<String, String> found = new HashMap<>();
        if (!core.equalsIgnoreCase("true")) {
          addHash(found, core, pageUrl, filename + " (data-core-metadata)");
        }
        coreHashes = found;
      }
      String requiresPython = anchor.attribute("data-requires-python");
      String provenance = anchor.attribute("data-provenance");
      result.add(new DistributionFile(project, version, filename, url, hashes,
          requiresPython(pageUrl, filename, requiresPython),
          anchor.attribute("data-yanked"), null, -1, coreHashes,
          provenance == null || provenance.isBlank() ? null : resolve(base, provenance)));
    }
    return new Parsed(result, skipped);
  }

  /** The version of {@code filename} when it is a wheel or sdist of {@code project}, else null. */
  static Version versionOf(ProjectName project, String filename) {
    try {
      if (filename.endsWith(".whl")) {
        WheelFilename wheel = WheelFilename.parse(filename);
        return wheel.name().equals(project) ? wheel.version() : null;
      }
      String lower = filename.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".tar.gz") || lower.endsWith(".zip")) {
        SdistFilename sdist = SdistFilename.parse(filename);
        return sdist.name().equals(project) ? sdist.version() : null;
      }
      return null;
    } catch (PylockException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Makes {@code href} absolute against {@code base} and strips (and remembers) credentials. */
  String resolve(String base, String href) {
    String absolute;
    HttpUrl httpBase = HttpUrl.parse(base);
    if (httpBase != null) {
      HttpUrl resolved = httpBase.resolve(href);
      if (resolved == null) {
        // file:, ftp:, data:, ...: a remote index may not make this client open local files
        throw malformed(Credentials.strip(credentials.scrub(base)), "the link "
            + Credentials.strip(credentials.scrub(href)) + " is not an http(s) URL; an http(s) index may "
            + "only link to http(s) URLs");
      }
      absolute = resolved.toString();
    } else {
      try {
        absolute = new URI(base).resolve(new URI(href.replace(" ", "%20"))).toString();
        if (absolute.startsWith("file:/") && !absolute.startsWith("file://")) {
          absolute = "file://" + absolute.substring("file:".length()); // the form Path.toUri() gives
        }
      } catch (URISyntaxException | IllegalArgumentException e) {
        absolute = href;
      }
    }
    return credentials.takeFrom(absolute);
  }

  static String lastSegment(String url) {
    String path = url;
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    String segment = path.substring(path.lastIndexOf('/') + 1);
    return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * Adds the hash of a PEP 503 fragment or {@code data-core-metadata} value ({@code name=hex}).
   * A malformed value of a known algorithm makes the page malformed: it would otherwise go into
   * a lock that no installer accepts.
   */
  private static void addHash(Map<String, String> hashes, String spec, String pageUrl, String what) {
    int eq = spec.indexOf('=');
    if (eq <= 0) {
      return;
    }
    String name = spec.substring(0, eq).strip().toLowerCase(Locale.ROOT);
    String value = spec.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
    if (!value.isEmpty() || HASH_LENGTHS.containsKey(name)) {
      putHash(hashes, name, value, pageUrl, what);
    }
  }

  private static void putHash(Map<String, String> hashes, String name, String value, String pageUrl,
      String what) {
    Integer length = HASH_LENGTHS.get(name);
    if (length == null) {
      if (HASH_NAME.matcher(name).matches() && HEX.matcher(value).matches()) {
        hashes.put(name, value); // another algorithm: kept when it looks like one, else ignored
      }
      return;
    }
    if (value.length() != length || !HEX.matcher(value).matches()) {
      throw malformed(pageUrl, "bad " + name + " hash \"" + shorten(value) + "\" of " + what
          + " (" + length + " hexadecimal digits expected)");
    }
    hashes.put(name, value);
  }

  private static String shorten(String text) {
    return text.length() > 140 ? text.substring(0, 140) + "..." : text;
  }

  private static Map<String, String> hashes(String pageUrl, String what, JsonNode node) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw malformed(pageUrl, "\"hashes\" must be an object");
    }
    Map<String, String> result = new HashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (entry.getValue().isTextual()) {
        putHash(result, entry.getKey().toLowerCase(Locale.ROOT),
            entry.getValue().asText().toLowerCase(Locale.ROOT), pageUrl, what);
      }
    }
    return result;
  }

  /**
   * The Requires-Python of a file when it is a valid specifier set, else null with a warning (as
   * pip ignores an invalid one): the lock records only well-formed values.
   */
  private String requiresPython(String pageUrl, String filename, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      SpecifierSet.parse(value);
      return value.strip();
    } catch (PylockException | IllegalArgumentException e) {
      warnings.accept("ignoring the invalid requires-python \"" + shorten(value) + "\" of "
          + filename + " from " + pageUrl);
      return null;
    }
  }

  /** PEP 629: a major version above 1 is a format this client cannot read. */
  private static void checkApiVersion(String pageUrl, String version) {
    if (version == null) {
      return;
    }
    String major = version.strip().split("\\.", 2)[0];
    if (!major.equals("1")) {
      throw new IndexException("unsupported Simple API version " + version + " at " + pageUrl
          + " (this client reads version 1.x)", pageUrl, 0, null);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static int firstNonBlank(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
        return b;
      }
    }
    return -1;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  static IndexException malformed(String url, String what) {
    return new IndexException("malformed Simple API page " + url + ": " + what, url, 0, null);
  }
}
