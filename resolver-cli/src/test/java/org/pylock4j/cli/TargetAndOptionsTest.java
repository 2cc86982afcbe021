package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.testing.SimpleIndexServer;

/** Target selection, index and policy options, help. */
class TargetAndOptionsTest {

  static final Map<String, String> MAC =
      Map.ofEntries(
          Map.entry("implementation_name", "cpython"),
          Map.entry("implementation_version", "3.11.9"),
          Map.entry("os_name", "posix"),
          Map.entry("platform_machine", "arm64"),
          Map.entry("platform_release", "23.5.0"),
          Map.entry("platform_system", "Darwin"),
          Map.entry("platform_version", "Darwin Kernel Version 23.5.0"),
          Map.entry("python_full_version", "3.11.9"),
          Map.entry("platform_python_implementation", "CPython"),
          Map.entry("python_version", "3.11"),
          Map.entry("sys_platform", "darwin"));

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

  Cli.Result lock(TargetDetector detector, String... args) {
    List<String> all = new ArrayList<>(List.of("lock"));
    all.addAll(Arrays.asList(args));
    all.addAll(
        List.of("--index-url", server.indexUrl(), "--cache-dir", dir.resolve("cache").toString(),
            "-o", dir.resolve("pylock.toml").toString()));
    return Cli.run(detector, Map.of(), all.toArray(String[]::new));
  }

  String lockText() throws IOException {
    return Files.readString(dir.resolve("pylock.toml"));
  }

  @Test
  void withoutAPythonTheDefaultTargetIsUsedWithANotice() throws IOException {
    Cli.Result r = lock(TargetDetector.NONE, "lib-c");
    assertEquals(0, r.code(), r.toString());
    assertEquals(
        "note: no python3 found on the PATH\n"
            + "note: locking for CPython 3.12 on linux x86_64 (choose with --python-version and"
            + " --python-platform)\n"
            + "Locked 1 package for CPython 3.12 on linux x86_64 into " + dir.resolve("pylock.toml")
            + "\n",
        r.err());
    assertTrue(lockText().contains("requires-python = \"==3.12.*\""), lockText());
  }

  @Test
  void theDetectedPythonIsTheTarget() throws IOException {
    Cli.Result r = lock(() -> Optional.of(MAC), "lib-c", "--quiet");
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
    assertTrue(
        lockText()
            .contains(
                "\"implementation_name == 'cpython' and sys_platform == 'darwin' and"
                    + " platform_machine == 'arm64' and python_version == '3.11'\""),
        lockText());
  }

  @Test
  void anEnvironmentFileIsTheTarget() throws IOException {
    Path env = dir.resolve("env.json");
    StringBuilder json = new StringBuilder("{");
    MAC.forEach((k, v) -> json.append('"').append(k).append("\": \"").append(v).append("\","));
    json.setLength(json.length() - 1);
    Files.writeString(env, json.append('}').toString());
    Cli.Result r = lock(TargetDetector.NONE, "lib-c", "--environment", env.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(lockText().contains("platform_version = \"Darwin Kernel Version 23.5.0\""), lockText());
  }

  @Test
  void anIncompleteEnvironmentFileIsBadInput() throws IOException {
    Path env = dir.resolve("env.json");
    Files.writeString(env, "{\"python_version\": \"3.12\"}");
    Cli.Result r = lock(TargetDetector.NONE, "lib-c", "--environment", env.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: " + env + ": "), r.err());
  }

  @Test
  void aWheelPlatformTagIsATarget() throws IOException {
    Cli.Result r =
        lock(TargetDetector.NONE, "app-core", "--python-version", "3.12", "--python-platform",
            "win_amd64", "--quiet");
    assertEquals(0, r.code(), r.toString());
    assertTrue(lockText().contains("name = \"colorize\""), "windows-only dependency: " + lockText());
  }

  @Test
  void excludeNewerIgnoresLaterUploads() {
    Cli.Result r =
        lock(TargetDetector.NONE, "app-core", "--python-version", "3.12", "--python-platform",
            "linux", "--exclude-newer", "2024-03-01");
    assertEquals(0, r.code(), r.toString());
    assertEquals(
        Map.of("app-core", "1.1", "lib-a", "2.0", "lib-b", "1.0", "lib-c", "1.0"),
        LockCommandTest.versions(dir.resolve("pylock.toml")));
  }

  @Test
  void lowestResolutionTakesTheOldestVersions() {
    Cli.Result r =
        lock(TargetDetector.NONE, "app-core", "--python-version", "3.12", "--python-platform",
            "linux", "--resolution", "lowest");
    assertEquals(0, r.code(), r.toString());
    assertEquals(
        Map.of("app-core", "1.0", "lib-a", "1.0"),
        LockCommandTest.versions(dir.resolve("pylock.toml")));
  }

  @Test
  void aProjectGroupIsLocked() throws IOException {
    Path project = dir.resolve("pyproject.toml");
    Files.writeString(
        project,
        """
        [project]
        name = "demo"
        dependencies = ["lib-c<2"]

        [dependency-groups]
        tools = ["colorize"]
        """);
    Cli.Result r =
        lock(TargetDetector.NONE, "--project", project.toString(), "--group", "tools",
            "--python-version", "3.12", "--python-platform", "linux");
    assertEquals(0, r.code(), r.toString());
    assertEquals(
        Map.of("colorize", "1.0", "lib-c", "1.5"),
        LockCommandTest.versions(dir.resolve("pylock.toml")));
  }

  @Test
  void helpAndVersionExitZero() {
    Cli.Result help = Cli.run("lock", "--help");
    assertEquals(0, help.code(), help.toString());
    assertTrue(help.out().startsWith("Resolve requirements and write a lock.\nUsage: pylock4j lock "), help.out());
    for (String option :
        List.of("--requirement", "--constraint", "--project", "--extra", "--group", "--index-url",
            "--extra-index-url", "--index-strategy", "--offline", "--cache-dir",
            "--exclude-newer", "--python-version", "--python-platform", "--environment",
            "--prerelease", "--resolution", "--upgrade", "--upgrade-package", "--output",
            "--format", "--quiet", "--verbose")) {
      assertTrue(help.out().contains(option), option + " in\n" + help.out());
    }
    Cli.Result version = Cli.run("--version");
    assertEquals(0, version.code(), version.toString());
    assertTrue(version.out().startsWith("pylock4j "), version.out());
  }

  @Test
  void aConstraintsFileLimitsVersionsWithoutAddingPackages() throws IOException {
    Path constraints = dir.resolve("constraints.txt");
    Files.writeString(constraints, "lib-c<1.5\nconflict-x==1.0\n");
    Cli.Result r =
        lock(TargetDetector.NONE, "app-core", "-c", constraints.toString(), "--python-version",
            "3.12", "--python-platform", "linux");
    assertEquals(0, r.code(), r.toString());
    assertEquals(
        Map.of("app-core", "2.0", "lib-a", "2.1", "lib-b", "1.0", "lib-c", "1.0"),
        LockCommandTest.versions(dir.resolve("pylock.toml")));
  }

  @Test
  void offlineWithAnEmptyCacheIsAnIndexFailure() {
    Cli.Result r =
        lock(TargetDetector.NONE, "lib-c", "--offline", "--python-version", "3.12",
            "--python-platform", "linux");
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: index failure: offline: "), r.err());
  }

  @Test
  void anUnknownIndexStrategyIsBadInput() {
    Cli.Result r =
        lock(TargetDetector.NONE, "lib-c", "--index-strategy", "best", "--python-version",
            "3.12", "--python-platform", "linux");
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "error: index strategy must be first-index or unsafe-best-match, not 'best'\n", r.err());
  }
}
