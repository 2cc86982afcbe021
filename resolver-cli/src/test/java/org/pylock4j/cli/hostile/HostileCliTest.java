package org.pylock4j.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.cli.Main;
import org.pylock4j.testing.SimpleIndexServer;

/** The command under hostile input: secrets, outputs, databases and cutoffs, end to end. */
class HostileCliTest {

  private static final Path INDEX = Path.of("src/test/resources/cli-index/index-v2");
  private static final String SECRET = "s3cretPW";

  @TempDir Path dir;
  private SimpleIndexServer server;

  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  @BeforeEach
  void start() {
    server = SimpleIndexServer.start(INDEX, "alice", SECRET);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String indexWithLogin() {
    return server.indexUrl().replace("://", "://alice:" + SECRET + "@");
  }

  private Result lock(String... args) {
    List<String> all = new ArrayList<>(List.of("lock"));
    all.addAll(Arrays.asList(args));
    all.addAll(List.of("--python-version", "3.12", "--python-platform", "linux",
        "--cache-dir", dir.resolve("cache").toString(), "--request-timeout", "60"));
    return run(all.toArray(String[]::new));
  }

  @Test
  void theIndexPasswordIsInNoOutput() throws IOException {
    Path out = dir.resolve("requirements.txt");
    Result r = lock("lib-c", "-i", indexWithLogin(), "--format", "requirements", "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    String lock = Files.readString(out);
    assertFalse(lock.contains(SECRET), lock);
    assertTrue(lock.contains("--index-url http://127.0.0.1:"), lock); // recorded without the login
    assertFalse(r.err().contains(SECRET), r.err());
  }

  @Test
  void aFailureMessageHidesThePassword() {
    Result r = lock("no-such-project-at-all", "-i", indexWithLogin().replace("/simple/", "/nothing/"),
        "-o", dir.resolve("pylock.toml").toString(), "--verbose");
    assertFalse(r.err().contains(SECRET), r.toString());
    assertFalse(r.out().contains(SECRET), r.toString());
  }

  @Test
  void aDanglingLinkIntoNoDirectoryAsOutputIsBadInput() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("pylock.toml"), Path.of("/nonexistent-dir/x.toml"));
    Result r = lock("lib-c", "-i", server.indexUrl(), "-o", link.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("no such directory /nonexistent-dir"), r.toString());
    assertTrue(Files.isSymbolicLink(link));
  }

  @Test
  void aDeviceAsOutputIsBadInput() {
    assumeTrue(Files.exists(Path.of("/dev/null")));
    Result r = lock("lib-c", "-i", indexWithLogin(), "-o", "/dev/null");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("cannot write the lock to /dev/null: it is not a regular file"), r.err());
  }

  @Test
  void anAuditDatabaseThatIsAnHtmlPageFailsClosed() throws IOException {
    Path lockFile = dir.resolve("pylock.toml");
    assertEquals(0, lock("lib-c", "-i", indexWithLogin(), "-o", lockFile.toString()).code());
    Path html = Files.writeString(dir.resolve("all.zip"), "<html><body>502 Bad Gateway</body></html>");
    Result r = run("audit", lockFile.toString(), "--osv-offline", html.toString());
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains(html.toString()) && r.err().contains("not a zip of OSV JSON files"), r.err());
  }

  @Test
  void aRelativeCutoffIsRecordedAsTheInstantItResolvedTo() throws IOException {
    Path lockFile = dir.resolve("pylock.toml");
    Instant before = Instant.now();
    Result r = lock("lib-c", "-i", indexWithLogin(), "--exclude-newer", "P7D", "-o", lockFile.toString());
    assertEquals(0, r.code(), r.toString());
    Matcher m = Pattern.compile("exclude-newer = \"?([^\"\\s]+)").matcher(Files.readString(lockFile));
    assertTrue(m.find(), Files.readString(lockFile));
    Instant recorded = Instant.parse(m.group(1));
    Duration offset = Duration.between(recorded, before);
    assertTrue(offset.compareTo(Duration.ofDays(7).minusMinutes(5)) > 0
        && offset.compareTo(Duration.ofDays(7).plusMinutes(5)) < 0, recorded + " vs " + before);
    assertEquals(0, lock("lib-c", "-i", indexWithLogin(), "--exclude-newer", "7 days", "-o",
        lockFile.toString()).code());
    Result bad = lock("lib-c", "-i", indexWithLogin(), "--exclude-newer", "7 fortnights");
    assertEquals(2, bad.code(), bad.toString());
    assertTrue(bad.err().contains("a time before now (7 days, 24 hours, 2 weeks, P7D)"), bad.err());
  }
}
