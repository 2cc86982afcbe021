package org.pylock4j.pypi.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * A malicious index on 127.0.0.1: serves whatever a test maps to a path (404 otherwise) and
 * records every request, so a test can assert what the client sent and to whom.
 */
final class EvilServer implements AutoCloseable {

  static final String JSON = "application/vnd.pypi.simple.v1+json";

  private final MockWebServer server = new MockWebServer();
  private final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  EvilServer() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        Function<RecordedRequest, MockResponse> route = routes.get(request.getPath());
        return route == null ? new MockResponse().setResponseCode(404) : route.apply(request);
      }
    });
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL of {@code path}, naming the loopback address (not {@code localhost}). */
  String url(String path) {
    return server.url(path).newBuilder().host("127.0.0.1").build().toString();
  }

  String indexUrl() {
    return url("/simple/");
  }

  EvilServer route(String path, Function<RecordedRequest, MockResponse> response) {
    routes.put(path, response);
    return this;
  }

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  /** Serves {@code file}, answering a single Range request with 206 as a real server does. */
  EvilServer ranged(String path, byte[] file) {
    return route(path, request -> {
      String range = request.getHeader("Range");
      Matcher m = range == null ? null : RANGE.matcher(range);
      if (m == null || !m.matches()) {
        return new MockResponse().setBody(new Buffer().write(file));
      }
      long from;
      long to;
      if (m.group(1).isEmpty()) {
        from = Math.max(0, file.length - Long.parseLong(m.group(2)));
        to = file.length - 1;
      } else {
        from = Long.parseLong(m.group(1));
        to = m.group(2).isEmpty() ? file.length - 1 : Math.min(file.length - 1, Long.parseLong(m.group(2)));
      }
      return new MockResponse().setResponseCode(206)
          .setHeader("Content-Range", "bytes " + from + "-" + to + "/" + file.length)
          .setBody(new Buffer().write(file, (int) from, (int) (to - from + 1)));
    });
  }

  EvilServer json(String path, String body) {
    return route(path, r -> new MockResponse().setHeader("Content-Type", JSON).setBody(body));
  }

  EvilServer html(String path, String body) {
    return route(path, r -> new MockResponse().setHeader("Content-Type", "text/html").setBody(body));
  }

  EvilServer bytes(String path, byte[] body) {
    return route(path, r -> new MockResponse().setBody(new Buffer().write(body)));
  }

  @Override
  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A PEP 691 page of one file. */
  static String page(String name, String fileJson) {
    return "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"" + name + "\", \"files\": ["
        + fileJson + "]}";
  }
}
