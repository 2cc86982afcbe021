package org.pylock4j.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import org.pylock4j.requirement.ProjectName;

/**
 * A static Simple index over HTTP on {@code 127.0.0.1}, for tests, benchmarks and embedders'
 * tests: serves a directory in the layout {@code tools/snapshot_to_index.py} writes (see
 * tools/README.md) under {@code /simple/}.
 *
 * <ul>
 *   <li>{@code /simple/} and {@code /simple/<name>/}: {@code index.json} or {@code index.html} by
 *       content negotiation on {@code Accept} (PEP 691; HTML when there is no {@code Accept}),
 *       with {@code Vary: Accept}; a non-normalised project name is redirected (301) to its
 *       normal form, a path without its trailing slash to the path with it.
 *   <li>{@code /simple/<name>/<file>}: the file (distributions, {@code .metadata}, PEP 740
 *       {@code .provenance} objects as {@code application/vnd.pypi.integrity.v1+json}), with
 *       single {@code Range} requests answered {@code 206} (or {@code 416}). A page advertises a
 *       provenance file through its {@code provenance} key / {@code data-provenance} attribute.
 *   <li>Every response carries a strong {@code ETag}, {@code Last-Modified} and
 *       {@code Cache-Control: max-age=0}; {@code If-None-Match} / {@code If-Modified-Since} give
 *       {@code 304}. Optional HTTP Basic authentication.
 * </ul>
 *
 * <p>Requests are counted per path (after decoding, before redirects), so a test can assert what
 * a client fetched.
 *
 * <pre>{@code
 * try (SimpleIndexServer server = SimpleIndexServer.start(Path.of("src/test/resources/index"))) {
 *   PypiIndex index = PypiIndex.builder().indexUrl(server.indexUrl()).build();
 *   ...
 *   assertEquals(1, server.requestCount("/simple/six/"));
 * }
 * }</pre>
 */
public final class SimpleIndexServer implements AutoCloseable {

  private static final String PREFIX = "/simple/";
  private static final String JSON = "application/vnd.pypi.simple.v1+json"; // PEP 691
  private static final String JSON_LATEST = "application/vnd.pypi.simple.latest+json";
  private static final String HTML = "application/vnd.pypi.simple.v1+html"; // PEP 691
  private static final String HTML_LATEST = "application/vnd.pypi.simple.latest+html";

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, every response
    // waits for the client's delayed ACK (~40 ms on Linux). Read once, when the JDK server's
    // configuration class loads; an explicit setting by the application wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Path root;
  private final String authorization;
  private final boolean serveJson;
  private final boolean serveHtml;
  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final LongAdder rangeResponses = new LongAdder();

  private SimpleIndexServer(Builder builder) throws IOException {
    if (!Files.isDirectory(builder.root)) {
      throw new IllegalArgumentException("not a directory: " + builder.root);
    }
    this.root = builder.root.toAbsolutePath().normalize();
    this.authorization = builder.user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        (builder.user + ":" + builder.password).getBytes(StandardCharsets.UTF_8));
    this.serveJson = builder.json;
    this.serveHtml = builder.html;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    this.threads = Executors.newFixedThreadPool(8, runnable -> {
      Thread thread = new Thread(runnable, "simple-index-server");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts serving {@code root} on a free port of 127.0.0.1.
   *
   * @param root a directory in the static Simple layout, must not be null
   * @return the running server, never null
   * @throws UncheckedIOException when the server cannot start
   */
  public static SimpleIndexServer start(Path root) {
    return builder(root).start();
  }

  /**
   * Starts serving {@code root}, answering 401 to requests without HTTP Basic credentials
   * {@code user}/{@code password}.
   *
   * @param root the index directory, must not be null
   * @param user the user name, must not be null
   * @param password the password, must not be null
   * @return the running server, never null
   */
  public static SimpleIndexServer start(Path root, String user, String password) {
    return builder(root).basicAuth(user, password).start();
  }

  /**
   * A builder for a server of {@code root}, to restrict the page formats served or require a
   * login.
   *
   * @param root a directory in the static Simple layout, must not be null
   * @return a builder, never null
   */
  public static Builder builder(Path root) {
    return new Builder(Objects.requireNonNull(root, "root"));
  }

  /** Configures a {@link SimpleIndexServer}. */
  public static final class Builder {
    private final Path root;
    private boolean json = true;
    private boolean html = true;
    private String user;
    private String password;

    private Builder(Path root) {
      this.root = root;
    }

    /**
     * Serves only the PEP 503 HTML pages, as an index without PEP 691 would.
     *
     * @return this builder
     */
    public Builder htmlOnly() {
      json = false;
      html = true;
      return this;
    }

    /**
     * Serves only the PEP 691 JSON pages.
     *
     * @return this builder
     */
    public Builder jsonOnly() {
      json = true;
      html = false;
      return this;
    }

    /**
     * Answers 401 to requests without these HTTP Basic credentials. The default is no login.
     *
     * @param user the user name, must not be null
     * @param password the password, must not be null
     * @return this builder
     */
    public Builder basicAuth(String user, String password) {
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Starts the server on a free port of 127.0.0.1.
     *
     * @return the running server, never null
     * @throws UncheckedIOException when the server cannot start
     */
    public SimpleIndexServer start() {
      try {
        return new SimpleIndexServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the index server", e);
      }
    }
  }

  /** {@return the index URL to give a client, {@code http://127.0.0.1:<port>/simple/}} */
  public String indexUrl() {
    return "http://127.0.0.1:" + port() + PREFIX;
  }

  /** {@return the port} */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * How many requests asked for {@code path} (e.g. {@code /simple/six/}).
   *
   * @param path the path, e.g. {@code /simple/six/}; must not be null
   * @return the number of requests for it
   */
  public long requestCount(String path) {
    LongAdder adder = counts.get(path);
    return adder == null ? 0 : adder.sum();
  }

  /** {@return the request counts by path, sorted by path} */
  public Map<String, Long> requestCounts() {
    Map<String, Long> result = new TreeMap<>();
    counts.forEach((path, count) -> result.put(path, count.sum()));
    return result;
  }

  /**
   * How many requests asked for a path ending with {@code suffix} (e.g. {@code .metadata}).
   *
   * @param suffix the suffix, must not be null
   * @return the number of requests whose path ends with it
   */
  public long requestCountEndingWith(String suffix) {
    return counts.entrySet().stream().filter(e -> e.getKey().endsWith(suffix))
        .mapToLong(e -> e.getValue().sum()).sum();
  }

  /** {@return all requests} */
  public long totalRequests() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** {@return how many responses were 206 Partial Content} */
  public long rangeResponses() {
    return rangeResponses.sum();
  }

  /** Sets every count back to zero. */
  public void resetCounts() {
    counts.clear();
    rangeResponses.reset();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = URLDecoder.decode(exchange.getRequestURI().getRawPath().replace("+", "%2B"),
          StandardCharsets.UTF_8);
      counts.computeIfAbsent(path, p -> new LongAdder()).increment();
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        send(exchange, 405, "text/plain", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (authorization != null
          && !authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"simple\"");
        send(exchange, 401, "text/plain", "authentication required\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (!path.startsWith(PREFIX)) {
        if ((path + "/").equals(PREFIX)) {
          redirect(exchange, PREFIX);
          return;
        }
        notFound(exchange);
        return;
      }
      String rest = path.substring(PREFIX.length());
      if (rest.contains("..") || rest.contains("\\") || rest.startsWith("/")) {
        notFound(exchange);
        return;
      }
      if (rest.isEmpty()) {
        page(exchange, root);
        return;
      }
      String[] segments = rest.split("/", -1);
      String name = segments[0];
      Path dir = root.resolve(name);
      if (segments.length == 1 || (segments.length == 2 && segments[1].isEmpty())) {
        String normalized = ProjectName.normalize(name);
        if (!Files.isDirectory(dir) || !normalized.equals(name)) {
          if (!normalized.equals(name) && Files.isDirectory(root.resolve(normalized))) {
            redirect(exchange, PREFIX + normalized + "/");
          } else {
            notFound(exchange);
          }
          return;
        }
        if (segments.length == 1) {
          redirect(exchange, PREFIX + name + "/");
          return;
        }
        page(exchange, dir);
        return;
      }
      Path file = root.resolve(rest).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        notFound(exchange);
        return;
      }
      file(exchange, file);
    } catch (RuntimeException e) {
      send(exchange, 500, "text/plain", ("server error: " + e + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  private void page(HttpExchange exchange, Path dir) throws IOException {
    Path json = dir.resolve("index.json");
    Path html = dir.resolve("index.html");
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    boolean haveJson = serveJson && Files.isRegularFile(json);
    boolean haveHtml = serveHtml && Files.isRegularFile(html);
    String chosen = negotiate(accept == null ? "text/html" : accept, haveJson, haveHtml);
    exchange.getResponseHeaders().set("Vary", "Accept");
    if (chosen == null) {
      if (haveJson || haveHtml) {
        send(exchange, 406, "text/plain", "no acceptable representation\n".getBytes(StandardCharsets.UTF_8));
      } else {
        notFound(exchange);
      }
      return;
    }
    Path body = chosen.endsWith("json") ? json : html;
    serve(exchange, body, chosen, false);
  }

  private void file(HttpExchange exchange, Path file) throws IOException {
    String name = file.getFileName().toString();
    String type = name.endsWith(".json") ? "application/json"
        : name.endsWith(".html") ? "text/html"
        : name.endsWith(".provenance") ? "application/vnd.pypi.integrity.v1+json"
        : "application/octet-stream";
    serve(exchange, file, type, true);
  }

  private void serve(HttpExchange exchange, Path file, String type, boolean ranges) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Headers request = exchange.getRequestHeaders();
    Headers response = exchange.getResponseHeaders();
    String etag = "\"" + etagOf(bytes).substring(0, 32) + "\"";
    Instant modified = Files.getLastModifiedTime(file).toInstant().with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0);
    response.set("ETag", etag);
    response.set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atZone(ZoneOffset.UTC)));
    response.set("Cache-Control", "max-age=0");
    if (ranges) {
      response.set("Accept-Ranges", "bytes");
    }
    if (notModified(request, etag, modified)) {
      exchange.sendResponseHeaders(304, -1);
      return;
    }
    String range = ranges ? request.getFirst("Range") : null;
    if (range != null) {
      long[] span = parseRange(range, bytes.length);
      if (span == null) {
        response.set("Content-Range", "bytes */" + bytes.length);
        send(exchange, 416, "text/plain", new byte[0]);
        return;
      }
      if (span.length == 2) {
        rangeResponses.increment();
        response.set("Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + bytes.length);
        send(exchange, 206, type, java.util.Arrays.copyOfRange(bytes, (int) span[0], (int) span[1] + 1));
        return;
      }
    }
    send(exchange, 200, type, bytes);
  }

  private static boolean notModified(Headers request, String etag, Instant modified) {
    String match = request.getFirst("If-None-Match");
    if (match != null) {
      for (String candidate : match.split(",")) {
        String tag = candidate.strip();
        if (tag.startsWith("W/")) {
          tag = tag.substring(2);
        }
        if (tag.equals(etag) || tag.equals("*")) {
          return true;
        }
      }
      return false;
    }
    String since = request.getFirst("If-Modified-Since");
    if (since != null) {
      try {
        Instant time = ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return !modified.isAfter(time);
      } catch (DateTimeParseException e) {
        return false;
      }
    }
    return false;
  }

  /**
   * A single byte range {@code [first, last]}; an empty array when the header is to be ignored
   * (several ranges, another unit, bad syntax); null when unsatisfiable.
   */
  static long[] parseRange(String header, long size) {
    String value = header.strip();
    if (!value.startsWith("bytes=") || value.contains(",")) {
      return new long[0];
    }
    String spec = value.substring(6).strip();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return new long[0];
    }
    try {
      String from = spec.substring(0, dash).strip();
      String to = spec.substring(dash + 1).strip();
      if (from.isEmpty()) {
        long suffix = Long.parseLong(to);
        if (suffix <= 0 || size == 0) {
          return null;
        }
        return new long[] {Math.max(0, size - suffix), size - 1};
      }
      long first = Long.parseLong(from);
      long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
      if (first >= size || last < first) {
        return first >= size ? null : new long[0];
      }
      return new long[] {first, last};
    } catch (NumberFormatException e) {
      return new long[0];
    }
  }

  /** The content type to answer with, or null when the client accepts none available. */
  static String negotiate(String accept, boolean haveJson, boolean haveHtml) {
    double json = 0;
    double html = 0;
    String htmlType = "text/html";
    double htmlSpecific = -1;
    double jsonSpecific = -1;
    for (String part : accept.split(",")) {
      String[] pieces = part.split(";");
      String type = pieces[0].strip().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int i = 1; i < pieces.length; i++) {
        String param = pieces[i].strip();
        if (param.startsWith("q=")) {
          try {
            q = Double.parseDouble(param.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      switch (type) {
        case JSON, JSON_LATEST -> jsonSpecific = Math.max(jsonSpecific, q);
        case HTML, HTML_LATEST -> {
          if (q > htmlSpecific) {
            htmlSpecific = q;
            htmlType = HTML;
          }
        }
        case "text/html" -> {
          if (q > htmlSpecific) {
            htmlSpecific = q;
            htmlType = "text/html";
          }
        }
        case "*/*" -> {
          json = Math.max(json, q);
          html = Math.max(html, q);
        }
        case "application/*" -> json = Math.max(json, q);
        case "text/*" -> html = Math.max(html, q);
        default -> {
          // not a representation this server has
        }
      }
    }
    if (jsonSpecific >= 0) {
      json = jsonSpecific;
    }
    if (htmlSpecific >= 0) {
      html = htmlSpecific;
    }
    if (!haveJson) {
      json = 0;
    }
    if (!haveHtml) {
      html = 0;
    }
    if (json <= 0 && html <= 0) {
      return null;
    }
    return json > html ? JSON : htmlType;
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    send(exchange, 301, "text/plain", new byte[0]);
  }

  private static void notFound(HttpExchange exchange) throws IOException {
    send(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    if (head) {
      exchange.getResponseHeaders().set("Content-Length", Long.toString(body.length));
    }
    exchange.sendResponseHeaders(code, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String etagOf(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
