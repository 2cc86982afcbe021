package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.testing.SimpleIndexServer;

/** {@code pylock4j lock --universal} end to end, against the loopback test index. */
class UniversalLockTest {

  @TempDir Path dir;
  SimpleIndexServer server;

  @BeforeEach
  void start() {
    server = SimpleIndexServer.start(LockCommandTest.V2);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Cli.Result lock(String... args) {
    List<String> all = new ArrayList<>(List.of("lock"));
    all.addAll(Arrays.asList(args));
    all.addAll(List.of("--index-url", server.indexUrl(), "--python-version", "3.12",
        "--python-platform", "linux", "--cache-dir", dir.resolve("cache").toString()));
    return Cli.run(all.toArray(String[]::new));
  }

  String normalized(String text) {
    return text.replace(server.indexUrl(), "http://127.0.0.1:PORT/simple/")
        .replace(dir.toString(), "TMP");
  }

  @Test
  void universalPylockCarriesMarkersAndRequiresPython() throws IOException {
    Path out = dir.resolve("pylock.toml");
    Cli.Result r = lock("app-core", "--universal", "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    LockCommandTest.assertGolden("app-core.universal.pylock.toml",
        normalized(LockCommandTest.read(out)));
    assertEquals("Locked 5 packages for every environment with Python >=3.12 into " + out + "\n",
        r.err());
  }

  @Test
  void universalRequirementsTxtHasMarkersOnTheLines() throws IOException {
    Path out = dir.resolve("requirements.txt");
    Cli.Result r = lock("app-core", "--universal", "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    LockCommandTest.assertGolden("app-core.universal.requirements.txt",
        normalized(LockCommandTest.read(out)));
  }

  @Test
  void environmentMarkersLimitTheLockAndAreRecorded() throws IOException {
    Path out = dir.resolve("pylock.toml");
    Cli.Result r = lock("app-core", "--environment-marker", "sys_platform == 'linux'",
        "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    String text = LockCommandTest.read(out);
    assertTrue(text.contains("environments = [\"sys_platform == \\\"linux\\\"\"]"), text);
    assertTrue(!text.contains("colorize"), "colorize is for win32 only: " + text);
  }

  @Test
  void aUniversalLockVerifiesAndAChangedMarkerIsDrift() throws IOException {
    Path out = dir.resolve("pylock.toml");
    assertEquals(0, lock("app-core", "--universal", "-o", out.toString()).code());
    Cli.Result clean = Cli.run("verify", out.toString(), "--index-url", server.indexUrl(),
        "--cache-dir", dir.resolve("cache").toString());
    assertEquals(0, clean.code(), clean.toString());
    assertEquals(out + " is up to date (5 packages, 6 files checked against the index)\n",
        clean.out());
    Files.writeString(out, LockCommandTest.read(out).replace(
        "marker = \"sys_platform == \\\"win32\\\"\"", "marker = \"os_name == \\\"nt\\\"\""));
    Cli.Result drift = Cli.run("verify", out.toString(), "--index-url", server.indexUrl(),
        "--cache-dir", dir.resolve("cache").toString());
    assertEquals(1, drift.code(), drift.toString());
    assertTrue(drift.out().contains("the lock has 'marker = \"os_name == \\\"nt\\\"\"', "
        + "re-locking writes 'marker = \"sys_platform == \\\"win32\\\"\"'"), drift.out());
  }

  @Test
  void aUniversalRequirementsTxtVerifiesFromItsHeader() {
    Path out = dir.resolve("requirements.txt");
    assertEquals(0, lock("app-core", "--requires-python", ">=3.9", "-o", out.toString()).code());
    Cli.Result r = Cli.run("verify", out.toString(), "--cache-dir", dir.resolve("cache").toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("is up to date"), r.out());
  }

  @Test
  void whyReadsAUniversalLock() {
    Path out = dir.resolve("pylock.toml");
    assertEquals(0, lock("app-core", "--universal", "-o", out.toString()).code());
    Cli.Result r = Cli.run("why", "colorize", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("lib-b"), r.out());
  }

  @Test
  void aBadEnvironmentMarkerIsBadInput() {
    Cli.Result r = lock("app-core", "--environment-marker", "sys_platform = 'linux'");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("--environment-marker"), r.err());
  }
}
