package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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

/** The spellings and messages pip-compile and uv users expect (issue 19). */
class UserHabitsTest {

  @TempDir Path dir;
  SimpleIndexServer v1;
  SimpleIndexServer v2;

  @BeforeEach
  void start() {
    v1 = SimpleIndexServer.start(LockCommandTest.V1);
    v2 = SimpleIndexServer.start(LockCommandTest.V2);
  }

  @AfterEach
  void stop() {
    v1.close();
    v2.close();
  }

  /** {@code lock} with the test index, a private cache and Linux; no target version. */
  Cli.Result lock(SimpleIndexServer index, String... args) {
    List<String> all = new ArrayList<>(List.of("lock"));
    all.addAll(Arrays.asList(args));
    all.addAll(List.of("--index-url", index.indexUrl(), "--python-platform", "linux",
        "--cache-dir", dir.resolve("cache").toString()));
    return Cli.run(all.toArray(String[]::new));
  }

  @Test
  void pipCompileAndUvSpellingsAreAccepted() throws IOException {
    Path out = dir.resolve("requirements.txt");
    Cli.Result r = lock(v2, "lib-a", "--output-file", out.toString(), "-p", "3.11",
        "--generate-hashes");
    assertEquals(0, r.code(), r.toString());
    String lock = Files.readString(out);
    assertTrue(lock.contains("lib-a==2.1 \\\n    --hash=sha256:"), lock);
    assertTrue(r.err().contains("for CPython 3.11 on linux"), r.err());

    Cli.Result python = lock(v2, "lib-a", "--output-file", out.toString(), "--python", "3.10");
    assertEquals(0, python.code(), python.toString());
    assertTrue(python.err().contains("for CPython 3.10 on linux"), python.err());
  }

  @Test
  void upgradePackageWithASpecifierUpgradesWithinIt() {
    Path out = dir.resolve("pylock.toml");
    assertEquals(0, lock(v1, "lib-a<2", "-o", out.toString(), "-p", "3.12").code());
    assertEquals(Map.of("lib-a", "1.0"), LockCommandTest.versions(out));

    Cli.Result kept = lock(v2, "lib-a", "-o", out.toString(), "-p", "3.12");
    assertEquals(0, kept.code(), kept.toString());
    assertEquals(Map.of("lib-a", "1.0"), LockCommandTest.versions(out), "the lock's version is kept");

    Cli.Result within = lock(v2, "lib-a", "-o", out.toString(), "-p", "3.12", "-P", "lib-a<2.1");
    assertEquals(0, within.code(), within.toString());
    assertEquals("2.0", LockCommandTest.versions(out).get("lib-a"));

    Cli.Result newest = lock(v2, "lib-a", "-o", out.toString(), "-p", "3.12", "-P", "lib-a");
    assertEquals(0, newest.code(), newest.toString());
    assertEquals("2.1", LockCommandTest.versions(out).get("lib-a"));
  }

  @Test
  void upgradingAPackageThatIsNotLockedWarns() {
    Path out = dir.resolve("pylock.toml");
    assertEquals(0, lock(v2, "lib-a", "-o", out.toString(), "-p", "3.12").code());
    Cli.Result r = lock(v2, "lib-a", "-o", out.toString(), "-p", "3.12", "-P", "nosuch");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains(
        "warning: --upgrade-package nosuch: nothing by that name is locked in " + out + "\n"),
        r.err());
  }

  @Test
  void anUpgradePackageThatIsNotANameIsBadInput() {
    Cli.Result r = lock(v2, "lib-a", "-o", "-", "-p", "3.12", "-P", "lib-a;<2");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: --upgrade-package 'lib-a;<2' is not a project name, "
        + "with or without a version specifier (e.g. numpy or 'numpy<2.1')\n"), r.err());
  }

  @Test
  void anUnknownOptionSuggestsTheClosest() {
    Cli.Result r = Cli.run("lock", "lib-a", "--outptu", "x.toml");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: Unknown option: '--outptu'; did you mean --output"),
        r.err());
  }

  @Test
  void aPylockOnStdoutSuggestsTheRequirementsFormat() {
    Cli.Result r = lock(v2, "lib-a", "-o", "-", "-p", "3.12");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("\nlock-version = "), r.out());
    assertTrue(r.err().contains(
        "note: wrote a pylock.toml to stdout; for pip's format use --format requirements\n"),
        r.err());

    Cli.Result txt = lock(v2, "lib-a", "-o", "-", "-p", "3.12", "--format", "requirements");
    assertEquals(0, txt.code(), txt.toString());
    assertFalse(txt.err().contains("--format requirements"), txt.err());
  }

  @Test
  void anUnreachableVulnerabilityDatabaseIsNotAnIndexFailure() throws IOException {
    Path out = dir.resolve("pylock.toml");
    assertEquals(0, lock(v2, "lib-a", "-o", out.toString(), "-p", "3.12").code());
    Cli.Result r = Cli.run("audit", out.toString(), "--osv-url", LockCommandTest.closedPortUrl());
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: the vulnerability database cannot be read: "), r.err());
    assertFalse(r.err().contains("index failure"), r.err());
  }

  @Test
  void everyCommandSummaryIsAWholeSentence() {
    Cli.Result r = Cli.run("--help");
    assertEquals(0, r.code(), r.toString());
    String commands = r.out().substring(r.out().indexOf("Commands:"));
    List<String> summaries = new ArrayList<>();
    for (String line : commands.lines().skip(1).takeWhile(l -> l.startsWith("  ")).toList()) {
      if (line.startsWith("   ")) {
        int last = summaries.size() - 1;  // a wrapped summary goes on
        summaries.set(last, summaries.get(last) + " " + line.strip());
      } else {
        summaries.add(line.strip());
      }
    }
    assertEquals(5, summaries.size(), commands);
    for (String summary : summaries) {
      assertTrue(summary.endsWith("."), "a whole sentence: " + summary);
    }
  }

  @Test
  void aLockForTheLocalPythonRecordsWhatAUserWouldWriteNotTheHost() throws IOException {
    Path a = Files.createDirectories(dir.resolve("a")).resolve("pylock.toml");
    Path b = Files.createDirectories(dir.resolve("b")).resolve("pylock.toml");
    assertEquals(0, lockFor(host("3.11.9", "5.15.0-1057-azure"), a).code());
    assertEquals(0, lockFor(host("3.11.2", "6.1.0-18-amd64"), b).code());
    String lock = Files.readString(a);
    assertEquals(lock, Files.readString(b), "two machines with the same target write the same lock");
    assertFalse(lock.contains("5.15.0-1057-azure"), lock);
    assertFalse(lock.contains("3.11.9"), lock);
    assertTrue(lock.contains("python_version = \"3.11\""), lock);
    assertTrue(lock.contains("sys_platform = \"linux\""), lock);
    assertTrue(lock.contains("platform_machine = \"x86_64\""), lock);
    assertTrue(lock.contains("implementation_name = \"cpython\""), lock);
  }

  private Cli.Result lockFor(Map<String, String> host, Path out) {
    return Cli.run(() -> java.util.Optional.of(host), Map.of(), "lock", "lib-a", "-o",
        out.toString(), "--index-url", v2.indexUrl(), "--cache-dir",
        dir.resolve("cache").toString());
  }

  /** What a CPython on a Linux x86_64 host answers, with its own kernel and patch version. */
  private static Map<String, String> host(String fullVersion, String kernel) {
    return Map.ofEntries(
        Map.entry("implementation_name", "cpython"),
        Map.entry("implementation_version", fullVersion),
        Map.entry("os_name", "posix"),
        Map.entry("platform_machine", "x86_64"),
        Map.entry("platform_release", kernel),
        Map.entry("platform_system", "Linux"),
        Map.entry("platform_version", "#1 SMP " + kernel),
        Map.entry("python_full_version", fullVersion),
        Map.entry("platform_python_implementation", "CPython"),
        Map.entry("python_version", "3.11"),
        Map.entry("sys_platform", "linux"));
  }

  @Test
  void aJsonErrorSaysWhereWithoutTheParsersInternals() throws IOException {
    Path env = Files.writeString(dir.resolve("env.json"), "{\"python_version\": \"3.12\",\n  oops}\n");
    Cli.Result r = Cli.run("lock", "lib-a", "--environment", env.toString(), "-o", "-");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: " + env + ":2:3: invalid JSON: "), r.err());
    assertFalse(r.err().contains("Source:"), r.err());
    assertFalse(r.err().contains("Feature"), r.err());
    assertFalse(r.err().contains("com.fasterxml"), r.err());
  }
}
