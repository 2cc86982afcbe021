package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.testing.SimpleIndexServer;

/**
 * {@code verify} means "re-locking would not change this file" (issue 14): the three failures of
 * the issue, inputs changed, and a tampered lock.
 */
class VerifyUpToDateTest {

  static final Path EXAMPLES = ExampleTest.EXAMPLES;

  @TempDir Path dir;

  /** A wheel of {@code project} {@code version} requiring {@code requires}, served by PEP 658. */
  record Release(String project, String version, String... requires) {}

  /** A Simple index in {@code root}: one page per project, wheels of made-up bytes. */
  static Path index(Path root, Release... releases) throws IOException {
    java.util.Map<String, StringBuilder> pages = new java.util.TreeMap<>();
    for (Release r : releases) {
      Path project = Files.createDirectories(root.resolve(r.project()));
      String file = r.project().replace('-', '_') + "-" + r.version() + "-py3-none-any.whl";
      byte[] wheel = ("wheel " + file).getBytes(StandardCharsets.UTF_8);
      StringBuilder metadata = new StringBuilder(
          "Metadata-Version: 2.1\nName: " + r.project() + "\nVersion: " + r.version() + "\n");
      for (String req : r.requires()) {
        metadata.append("Requires-Dist: ").append(req).append('\n');
      }
      byte[] meta = metadata.toString().getBytes(StandardCharsets.UTF_8);
      Files.write(project.resolve(file), wheel);
      Files.write(project.resolve(file + ".metadata"), meta);
      StringBuilder files = pages.computeIfAbsent(r.project(), k -> new StringBuilder());
      files.append(files.length() == 0 ? "" : ", ").append("{\"filename\": \"").append(file)
          .append("\", \"url\": \"").append(file).append("\", \"hashes\": {\"sha256\": \"")
          .append(VerifyAndWhyTest.sha256(wheel)).append("\"}, \"upload-time\":"
              + " \"2024-01-01T00:00:00Z\", \"core-metadata\": {\"sha256\": \"")
          .append(VerifyAndWhyTest.sha256(meta)).append("\"}}");
    }
    for (var e : pages.entrySet()) {
      Files.writeString(root.resolve(e.getKey()).resolve("index.json"),
          "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"" + e.getKey() + "\", \"files\": ["
              + e.getValue() + "]}");
    }
    return root;
  }

  Cli.Result run(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--cache-dir", dir.resolve("cache").toString()));
    return Cli.run(all.toArray(String[]::new));
  }

  static final List<String> TARGET = List.of("--python-version", "3.12", "--python-platform", "linux");

  Cli.Result lock(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("lock"));
    all.addAll(List.of(args));
    all.addAll(TARGET);
    return run(all.toArray(String[]::new));
  }

  @Test
  void aReLockThatKeptAnOlderVersionVerifiesClean() throws IOException {
    Path index = index(dir.resolve("index"),
        new Release("frame", "2.0", "numeric>=1.26"),
        new Release("numeric", "1.26.4"),
        new Release("numeric", "2.4.6"));
    try (SimpleIndexServer server = SimpleIndexServer.start(index)) {
      String lock = dir.resolve("keep.toml").toString();
      Cli.Result first = lock("frame", "numeric<2", "--index-url", server.indexUrl(), "-o", lock);
      assertEquals(0, first.code(), first.toString());
      Cli.Result again = lock("frame", "--index-url", server.indexUrl(), "-o", lock);
      assertEquals(0, again.code(), again.toString());
      assertTrue(Files.readString(Path.of(lock)).contains("version = \"1.26.4\""), "kept");
      Cli.Result verify = run("verify", lock);
      assertEquals(0, verify.code(), verify.toString());
      assertEquals(lock + " is up to date (2 packages, 2 files checked against the index)\n",
          verify.out());
      Cli.Result upgrades = run("verify", lock, "--upgrade");
      assertEquals(0, upgrades.code(), upgrades.toString());
      assertTrue(upgrades.out().endsWith(
          "--upgrade would change (1 package):\n  - numeric 1.26.4 -> 2.4.6\n"), upgrades.out());
    }
  }

  @Test
  void theReadmeAllowUnhashedRequirementsLockVerifiesClean() throws IOException {
    String lock = dir.resolve("requirements.txt").toString();
    Cli.Result r = lock("-r", EXAMPLES.resolve("webapp/requirements.in").toString(),
        "--index-url", EXAMPLES.resolve("index").toString(), "--allow-unhashed", "-o", lock);
    assertEquals(0, r.code(), r.toString());
    Cli.Result verify = run("verify", lock);
    assertEquals(0, verify.code(), verify.toString());
    assertTrue(verify.out().startsWith(lock + " is up to date (14 packages"), verify.out());
  }

  @Test
  void aRequirementsLockMadeFromAProjectVerifiesWithoutFlags() throws IOException {
    String lock = dir.resolve("dev-requirements.txt").toString();
    Cli.Result r = lock("--project", EXAMPLES.resolve("webapp/pyproject.toml").toString(),
        "--group", "dev", "--extra", "postgres", "--index-url",
        EXAMPLES.resolve("index").toString(), "--allow-unhashed", "-o", lock);
    assertEquals(0, r.code(), r.toString());
    Cli.Result verify = run("verify", lock);
    assertEquals(0, verify.code(), verify.toString());
    assertTrue(verify.out().startsWith(lock + " is up to date ("), verify.out());
  }

  /** The README's main command, as a pylock.toml in {@code dir}. */
  Path reportsLock() {
    Path lock = dir.resolve("pylock.toml");
    Cli.Result r = lock("-r", EXAMPLES.resolve("reports/requirements.in").toString(),
        "--index-url", EXAMPLES.resolve("reports/index").toString(), "-o", lock.toString());
    assertEquals(0, r.code(), r.toString());
    return lock;
  }

  void assertTamperedIsDrift(Path lock, String from, String to, String line) throws IOException {
    String text = Files.readString(lock);
    assertTrue(text.contains(from), text);
    Files.writeString(lock, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    Cli.Result verify = run("verify", lock.toString());
    assertEquals(1, verify.code(), verify.toString());
    assertTrue(verify.out().contains(line), verify.out());
  }

  @Test
  void aTamperedWheelUrlIsDrift() throws IOException {
    Path lock = reportsLock();
    assertEquals(0, run("verify", lock.toString()).code());
    assertTamperedIsDrift(lock, "/jinja2/jinja2-3.1.6-py3-none-any.whl\"",
        "/jinja2/evil.whl\"", "is not what re-locking writes: the lock has 'url = \"");
  }

  @Test
  void aRemovedDependencyIsDrift() throws IOException {
    Path lock = reportsLock();
    assertTamperedIsDrift(lock, "dependencies = [{ name = \"markupsafe\" }]\n", "",
        "the lock has 'index = ");
  }

  @Test
  void aChangedRequiresPythonIsDrift() throws IOException {
    Path lock = reportsLock();
    assertTamperedIsDrift(lock, "requires-python = \">=3.7\"", "requires-python = \">=3.0\"",
        "the lock has 'requires-python = \">=3.0\"', re-locking writes 'requires-python ="
            + " \">=3.7\"'");
  }

  @Test
  void aChangedTargetIsDrift() throws IOException {
    Path index = index(dir.resolve("index"), new Release("frame", "2.0"));
    Path lock = dir.resolve("pylock.toml");
    Cli.Result r = lock("frame", "--index-url", index.toString(), "-o", lock.toString());
    assertEquals(0, r.code(), r.toString());
    Cli.Result verify = run("verify", lock.toString(), "--python-version", "3.11",
        "--python-platform", "linux");
    assertEquals(1, verify.code(), verify.toString());
    assertTrue(verify.out().contains(
        "  - target changed: the lock is for CPython 3.12 on linux x86_64, the re-lock for"
            + " CPython 3.11 on linux x86_64\n"), verify.toString());
  }

  @Test
  void aLineAddedToTheInputsIsDriftNamingIt() throws IOException {
    Path in = dir.resolve("requirements.in");
    Files.writeString(in, "jinja2>=3.1\n");
    Path lock = dir.resolve("pylock.toml");
    Cli.Result r = lock("-r", in.toString(), "--index-url",
        EXAMPLES.resolve("reports/index").toString(), "-o", lock.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals(0, run("verify", lock.toString()).code());
    Files.writeString(in, "jinja2>=3.1\npyyaml>=6\n");
    Cli.Result verify = run("verify", lock.toString());
    assertEquals(1, verify.code(), verify.toString());
    assertTrue(verify.out().contains("  - input changed: added pyyaml>=6\n"), verify.out());
  }
}
