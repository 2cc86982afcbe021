package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.testing.SimpleIndexServer;

/** The progress line: on a terminal only, never with --quiet, cleared before the summary. */
class ProgressTest {

  @TempDir Path dir;

  Cli.Result lock(boolean terminal, String... extra) {
    try (SimpleIndexServer server = SimpleIndexServer.start(LockCommandTest.V2)) {
      java.util.List<String> args =
          new java.util.ArrayList<>(
              java.util.List.of(
                  "lock", "app-core", "--index-url", server.indexUrl(), "--python-version",
                  "3.12", "--python-platform", "linux", "--cache-dir",
                  dir.resolve("cache").toString(), "-o", dir.resolve("pylock.toml").toString()));
      args.addAll(java.util.List.of(extra));
      return Cli.run(terminal, TargetDetector.NONE, Map.of(), args.toArray(String[]::new));
    }
  }

  @Test
  void aTerminalSeesProgressThenTheSummary() {
    Cli.Result r = lock(true);
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().startsWith("\rresolving: "), r.err());
    assertTrue(
        r.err().matches("(?s)\\rresolving: \\d+/\\d+ projects, \\d+ metadata files?(, round \\d+)?.*"),
        r.err());
    assertTrue(r.err().contains("\rresolving: 4/4 projects, 4 metadata files, round "), r.err());
    String summary = "Locked 4 packages for CPython 3.12 on linux x86_64 into " + dir.resolve("pylock.toml") + "\n";
    assertTrue(r.err().endsWith("\r" + summary), r.err());
  }

  @Test
  void aPipeSeesNoProgress() {
    Cli.Result r = lock(false);
    assertEquals(0, r.code(), r.toString());
    assertFalse(r.err().contains("\r"), r.err());
  }

  @Test
  void quietSilencesEverythingButErrors() {
    Cli.Result r = lock(true, "--quiet");
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
  }
}
