package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.testing.SimpleIndexServer;

/** {@code pylock4j lock} end to end, against the loopback test index. */
class LockCommandTest {

  static final Path V1 = Path.of("src/test/resources/cli-index/index-v1");
  static final Path V2 = Path.of("src/test/resources/cli-index/index-v2");
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TempDir Path dir;
  SimpleIndexServer server;

  @BeforeEach
  void start() {
    server = SimpleIndexServer.start(V2);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The run's arguments plus a fixed target, the test index and a private cache. */
  Cli.Result lock(SimpleIndexServer index, String... args) {
    List<String> all = new ArrayList<>(List.of("lock"));
    all.addAll(Arrays.asList(args));
    all.addAll(
        List.of(
            "--index-url", index.indexUrl(), "--python-version", "3.12",
            "--python-platform", "linux", "--cache-dir", dir.resolve("cache").toString()));
    return Cli.run(all.toArray(String[]::new));
  }

  /** The text with this run's index URL and temporary directory replaced by placeholders. */
  String normalized(String text, SimpleIndexServer index) {
    return text.replace(index.indexUrl(), "http://127.0.0.1:PORT/simple/")
        .replace(dir.toString(), "TMP");
  }

  /**
   * Asserts {@code actual} equals golden file {@code name}; {@code -Dgolden.update=true} rewrites
   * the golden file instead (then review the diff).
   */
  static void assertGolden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file);
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void locksToTheGoldenPylockToml() throws IOException {
    Path out = dir.resolve("pylock.toml");
    Cli.Result r = lock(server, "app-core", "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertGolden("app-core.pylock.toml", normalized(read(out), server));
    assertEquals("Locked 4 packages for CPython 3.12 on linux x86_64 into " + out + "\n", r.err());
  }

  @Test
  void locksToTheGoldenRequirementsTxt() throws IOException {
    Path in = dir.resolve("requirements.in");
    Files.writeString(in, "# the app\napp-core>=1.1\n");
    Path out = dir.resolve("requirements.txt");
    Cli.Result r = lock(server, "-r", in.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertGolden("app-core.requirements.txt", normalized(read(out), server));
  }

  @Test
  void formatRequirementsToStdout() throws IOException {
    Cli.Result r = lock(server, "lib-c<2", "--format", "requirements", "-o", "-", "--quiet");
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
    assertTrue(
        r.out().contains("lib-c==1.5 \\\n    --hash=sha256:"), r.out());
    assertTrue(r.out().contains("    # via lib-c<2 (root)\n"), r.out());
  }

  @Test
  void theTargetPlatformSelectsMarkers() throws IOException {
    Path out = dir.resolve("pylock.toml");
    List<String> args =
        List.of(
            "lock", "app-core", "-o", out.toString(), "--index-url", server.indexUrl(),
            "--python-version", "3.12", "--python-platform", "windows", "--cache-dir",
            dir.resolve("cache").toString());
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.toString());
    assertTrue(read(out).contains("name = \"colorize\""), read(out));
  }

  @Test
  void unsatisfiableExitsOneWithTheExplanation() {
    Cli.Result r = lock(server, "app-core>=2", "conflict-x", "-o", dir.resolve("x.toml").toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(
        r.err().startsWith("error: no set of versions satisfies the requirements\n"), r.err());
    assertTrue(r.err().contains("lib-c"), r.err());
    assertTrue(Files.notExists(dir.resolve("x.toml")));
  }

  @Test
  void aFailedRunLeavesTheOldLockByteIdentical() throws IOException {
    Path out = dir.resolve("pylock.toml");
    assertEquals(0, lock(server, "app-core", "-o", out.toString()).code());
    byte[] before = Files.readAllBytes(out);

    Cli.Result unsat = lock(server, "app-core>=2", "conflict-x", "-o", out.toString());
    assertEquals(1, unsat.code(), unsat.toString());
    assertArrayEquals(before, Files.readAllBytes(out));

    Cli.Result unreachable =
        Cli.run(
            "lock", "lib-c", "-o", out.toString(), "--index-url", closedPortUrl(),
            "--python-version", "3.12", "--python-platform", "linux", "--cache-dir",
            dir.resolve("cache").toString());
    assertEquals(3, unreachable.code(), unreachable.toString());
    assertArrayEquals(before, Files.readAllBytes(out));

    Cli.Result badInput = lock(server, "lib-c>=>2", "-o", out.toString());
    assertEquals(2, badInput.code(), badInput.toString());
    assertArrayEquals(before, Files.readAllBytes(out));
    try (var files = Files.list(dir)) {
      assertEquals(
          List.of("cache", "pylock.toml"),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary file is left behind");
    }
  }

  @Test
  void anUnreachableIndexExitsThreeNamingTheUrl() throws IOException {
    String url = closedPortUrl();
    Cli.Result r =
        Cli.run(
            "lock", "lib-c", "-o", dir.resolve("pylock.toml").toString(), "--index-url", url,
            "--python-version", "3.12", "--python-platform", "linux", "--cache-dir",
            dir.resolve("cache").toString());
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: index failure: "), r.err());
    assertTrue(r.err().contains(url), r.err());
    assertTrue(!r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
  }

  @Test
  void verboseShowsTheStackTrace() throws IOException {
    Cli.Result r =
        Cli.run(
            "lock", "lib-c", "-o", dir.resolve("pylock.toml").toString(), "--index-url",
            closedPortUrl(), "--python-version", "3.12", "--python-platform", "linux",
            "--cache-dir", dir.resolve("cache").toString(), "--verbose");
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains("\tat "), r.err());
  }

  static String closedPortUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return "http://127.0.0.1:" + port + "/simple/";
  }

  @Test
  void anExistingLockKeepsItsVersionsAndUpgradePackageMovesOnlyThatOne() throws IOException {
    Path out = dir.resolve("pylock.toml");
    try (SimpleIndexServer old = SimpleIndexServer.start(V1)) {
      Cli.Result first = lock(old, "app-core", "-o", out.toString());
      assertEquals(0, first.code(), first.toString());
    }
    assertEquals(Map.of("app-core", "2.0", "lib-a", "2.0", "lib-b", "1.0", "lib-c", "1.0"), versions(out));

    // the index now has lib-a 2.1 and lib-c 1.5: re-locking keeps the lock's versions
    assertEquals(0, lock(server, "app-core", "-o", out.toString()).code());
    assertEquals(Map.of("app-core", "2.0", "lib-a", "2.0", "lib-b", "1.0", "lib-c", "1.0"), versions(out));

    Cli.Result upgradeOne = lock(server, "app-core", "-o", out.toString(), "--upgrade-package", "LIB_A");
    assertEquals(0, upgradeOne.code(), upgradeOne.toString());
    assertEquals(Map.of("app-core", "2.0", "lib-a", "2.1", "lib-b", "1.0", "lib-c", "1.0"), versions(out));

    assertEquals(0, lock(server, "app-core", "-o", out.toString(), "--upgrade").code());
    assertEquals(Map.of("app-core", "2.0", "lib-a", "2.1", "lib-b", "1.0", "lib-c", "1.5"), versions(out));
  }

  @Test
  void aRequirementForcesAChangeOfAPreferredVersion() throws IOException {
    Path out = dir.resolve("requirements.txt");
    assertEquals(0, lock(server, "lib-c<2", "-o", out.toString()).code());
    assertTrue(read(out).contains("lib-c==1.5"), read(out));
    assertEquals(0, lock(server, "lib-c>=2", "-o", out.toString()).code());
    assertTrue(read(out).contains("lib-c==2.0"), read(out));
  }

  /** name -> version of a pylock.toml, read with the lock reader. */
  static Map<String, String> versions(Path lock) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (var p : org.pylock4j.lock.LockFiles.readPylock(lock).packages()) {
      out.put(p.name().toString(), p.version().toString());
    }
    return out;
  }
}
