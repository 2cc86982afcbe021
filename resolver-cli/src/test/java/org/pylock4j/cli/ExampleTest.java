package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example: examples/webapp against the example index in the repository. */
class ExampleTest {

  static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @TempDir Path dir;

  byte[] lockWebapp(String output, int threads) throws IOException {
    Path out = dir.resolve(output);
    Cli.Result r =
        Cli.run(
            "lock", "-r", EXAMPLES.resolve("webapp/requirements.in").toString(),
            "--index-url", EXAMPLES.resolve("index").toString(), "--allow-unhashed",
            "--python-version", "3.12", "--python-platform", "linux",
            "--threads", String.valueOf(threads), "--cache-dir", dir.resolve("cache").toString(),
            "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    return Files.readAllBytes(out);
  }

  @Test
  void theReadmeLockIsByteIdenticalAcrossRunsAndThreadCounts() throws IOException {
    byte[] first = lockWebapp("requirements.txt", 16);
    assertArrayEquals(first, lockWebapp("requirements.txt", 16), "a second run");
    assertArrayEquals(first, lockWebapp("requirements.txt", 1), "one fetch thread");
    String text =
        new String(first, StandardCharsets.UTF_8)
            .replace(EXAMPLES.toString(), "EXAMPLES")
            .replace(dir.toString(), "TMP");
    LockCommandTest.assertGolden("webapp.requirements.txt", text);
  }

  byte[] lockReports(String output, int threads) throws IOException {
    Path out = dir.resolve(output);
    Cli.Result r =
        Cli.run(
            "lock", "-r", EXAMPLES.resolve("reports/requirements.in").toString(),
            "--index-url", EXAMPLES.resolve("reports/index").toString(),
            "--python-version", "3.12", "--python-platform", "linux",
            "--threads", String.valueOf(threads), "--cache-dir", dir.resolve("cache").toString(),
            "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    return Files.readAllBytes(out);
  }

  @Test
  void theReadmeMainCommandWritesAHashedPylockByteIdenticalAcrossRunsAndThreadCounts()
      throws IOException {
    byte[] first = lockReports("pylock.toml", 16);
    assertArrayEquals(first, lockReports("pylock.toml", 16), "a second run");
    assertArrayEquals(first, lockReports("pylock.toml", 1), "one fetch thread");
    String text =
        new String(first, StandardCharsets.UTF_8)
            .replace(EXAMPLES.toUri().toString(), "EXAMPLES/")
            .replace(EXAMPLES.toString(), "EXAMPLES");
    LockCommandTest.assertGolden("reports.pylock.toml", text);
    long wheels = text.lines().filter(l -> l.equals("[[packages.wheels]]")).count();
    long hashes = text.lines().filter(l -> l.startsWith("hashes = { sha256 = \"")).count();
    assertEquals(10, wheels, text);
    assertEquals(wheels, hashes, "every file has its real sha256");
  }

  @Test
  void theReadmeMainCommandAlsoWritesRequirementsWithAHashPerFile() throws IOException {
    String text = new String(lockReports("requirements.txt", 4), StandardCharsets.UTF_8);
    assertTrue(text.contains("jinja2==3.1.6 \\\n    --hash=sha256:"
        + "85ece4451f492d0c13c5dd7c13a64681a86afae63a5f347908daf103ce6d2f67\n"), text);
    assertEquals(10, text.lines().filter(l -> l.trim().startsWith("--hash=sha256:")).count(), text);
  }

  @Test
  void aPylockTomlOfTheExampleIsRefusedForWantOfHashes() {
    Cli.Result r =
        Cli.run(
            "lock", "-r", EXAMPLES.resolve("webapp/requirements.in").toString(),
            "--index-url", EXAMPLES.resolve("index").toString(), "--allow-unhashed",
            "--python-version", "3.12", "--python-platform", "linux",
            "--cache-dir", dir.resolve("cache").toString(), "-o", dir.resolve("pylock.toml").toString());
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains("pylock.toml (PEP 751) requires one for each"), r.err());
    assertTrue(Files.notExists(dir.resolve("pylock.toml")));
  }

  @Test
  void theReadmeLockSaysItsFilesHaveNoHash() {
    Cli.Result r =
        Cli.run(
            "lock", "-r", EXAMPLES.resolve("webapp/requirements.in").toString(),
            "--index-url", EXAMPLES.resolve("index").toString(), "--python-version", "3.12",
            "--python-platform", "linux", "--cache-dir", dir.resolve("cache").toString(),
            "-o", dir.resolve("pylock.toml").toString());
    assertEquals(3, r.code(), r.toString());
    assertTrue(
        r.err().startsWith("error: index failure: file:"), r.err());
    assertTrue(r.err().contains("(--allow-unhashed locks them without, in a requirements file)"), r.err());
    assertTrue(Files.notExists(dir.resolve("pylock.toml")));
  }

  @Test
  void theExampleProjectLocksWithItsGroupsFromItsOwnIndexSetting() throws IOException {
    Path out = dir.resolve("requirements.txt");
    Cli.Result r =
        Cli.run(
            "lock", "--project", EXAMPLES.resolve("webapp/pyproject.toml").toString(),
            "--group", "dev", "--extra", "postgres", "--allow-unhashed", "--python-version",
            "3.12", "--python-platform", "linux", "-o", out.toString(), "--quiet",
            "--cache-dir", dir.resolve("cache").toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
    String lock = Files.readString(out);
    for (String pin :
        new String[] {"flask==1.1.2", "psycopg2==2.8.6", "pytest==6.1.2", "coverage[toml]==5.3",
            "toml==0.10.2"}) {
      assertTrue(lock.contains(pin + "\n"), pin + " in\n" + lock);
    }
  }
}
