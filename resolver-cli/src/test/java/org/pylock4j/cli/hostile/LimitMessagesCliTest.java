package org.pylock4j.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.cli.Main;

/**
 * What a failing server's messages say on the command line: a limit names its option (not the
 * library's setting), and an HTTP status is said once. The timeout only guards against a hang.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LimitMessagesCliTest {

  private static final Path WHEEL =
      Path.of("src/test/resources/cli-index/index-v2/lib-a/lib_a-1.0-py3-none-any.whl");

  private final java.util.concurrent.atomic.AtomicInteger wheelRequests =
      new java.util.concurrent.atomic.AtomicInteger();

  @TempDir Path dir;
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/busy/", exchange -> {
      exchange.getResponseHeaders().set("Retry-After", "30");
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
    });
    server.createContext("/gone/", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    byte[] wheel = Files.readAllBytes(WHEEL);
    server.createContext("/files/", exchange -> {
      wheelRequests.incrementAndGet();
      exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
      exchange.sendResponseHeaders(200, wheel.length);
      exchange.getResponseBody().write(wheel);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private String[] lock(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 9];
    all[0] = "lock";
    System.arraycopy(args, 0, all, 1, args.length);
    System.arraycopy(new String[] {"--python-version", "3.12", "--python-platform", "linux",
        "--cache-dir", dir.resolve("cache").toString(), "-o", dir.resolve("out.txt").toString()},
        0, all, args.length + 1, 8);
    int code = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), all);
    return new String[] {String.valueOf(code), err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void theRequestDeadlineNamesItsOption() {
    String[] r = lock("demo", "-i", url("/busy/simple/"), "--request-timeout", "1");
    assertEquals("3", r[0], r[1]);
    assertTrue(r[1].contains("deadline of 1 s (from --request-timeout)"), r[1]);
    assertFalse(r[1].contains("requestTimeout"), r[1]);
  }

  @Test
  void onlyLimitNamesAreRenamed() throws Exception {
    java.lang.reflect.Method names = Class.forName("org.pylock4j.cli.PolicyOptions")
        .getDeclaredMethod("optionNames", String.class);
    names.setAccessible(true);
    assertEquals("x (from --max-file-bytes); y (--resolver-timeout); required from timeout",
        names.invoke(null, "x (from maxFileBytes); y (ResolverOptions.timeout); required from timeout"));
  }

  @Test
  void anHttpStatusIsSaidOnce() {
    String[] r = lock("demo @ " + url("/gone/demo-1.0-py3-none-any.whl") + "#sha256="
        + "0".repeat(64));
    assertEquals("3", r[0], r[1]);
    assertTrue(r[1].contains("HTTP 404"), r[1]);
    assertEquals(r[1].indexOf("HTTP 404"), r[1].lastIndexOf("HTTP 404"), r[1]);
  }

  /** Issue 18: a remote direct URL without a hash is downloaded, hashed and locked with it. */
  @Test
  void aRemoteDirectUrlWithoutAHashIsHashed() throws IOException {
    String[] r = lock("lib-a @ " + url("/files/lib_a-1.0-py3-none-any.whl"),
        "-i", url("/gone/simple/"));
    assertEquals("0", r[0], r[1]);
    String lock = Files.readString(dir.resolve("out.txt"));
    // sha256sum of the test wheel, computed outside the tool
    assertTrue(lock.contains(
        "--hash=sha256:7511ba7fd067fac912e392a9a6cf9f1fb315c4dd8e1cc662cccdefa5a99ed612"), lock);
    assertFalse(r[1].contains("no hash"), r[1]);
    // this server ignores ranges: the one download for the metadata is the one hashed
    assertEquals(1, wheelRequests.get());
  }
}
