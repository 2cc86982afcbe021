package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs on the command line (issue 18): devices, oversized and non-UTF-8 files, an
 * unwritable output and contradicting environments are exit 2 naming the input and the limit;
 * the limits are options. Nothing here reaches an index (a closed port on 127.0.0.1 is given in
 * case it did); the time bound only guards against a hang.
 */
class HostileInputTest {

  private static final Duration HANG = Duration.ofSeconds(120);
  private static final String NOWHERE = "http://127.0.0.1:9/simple/";

  @TempDir Path dir;

  private Cli.Result lock(String... args) {
    List<String> all = new ArrayList<>(List.of("lock", "-i", NOWHERE));
    all.addAll(Arrays.asList(args));
    if (!all.contains("-o")) {
      all.addAll(List.of("-o", dir.resolve("pylock.toml").toString()));
    }
    if (!all.contains("--environment")) {
      all.addAll(List.of("--python-version", "3.12"));
    }
    return assertTimeoutPreemptively(HANG, () -> Cli.run(all.toArray(String[]::new)));
  }

  @Test
  void devZeroAsAnyInputIsRefusedAtTheSizeLimit() {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");
    for (String option : List.of("-r", "-c", "--project")) {
      Cli.Result r = option.equals("-c") ? lock("six", "-c", "/dev/zero") : lock(option, "/dev/zero");
      assertEquals(2, r.code(), r.toString());
      assertEquals(
          "error: /dev/zero is larger than the input size limit of 16777216 bytes"
              + " (from --max-input-size)\n",
          r.err());
    }
  }

  @Test
  void theSizeLimitIsAnOption() throws IOException {
    Path in = dir.resolve("requirements.in");
    Files.writeString(in, "six\n".repeat(100));
    Cli.Result r = lock("-r", in.toString(), "--max-input-size", "1k");
    assertTrue(r.err().startsWith("error: index failure"), r.toString());
    r = lock("-r", in.toString(), "--max-input-size", "100");
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "error: " + in + " is larger than the input size limit of 100 bytes (from --max-input-size)\n",
        r.err());
    r = lock("-r", in.toString(), "--max-input-size", "lots");
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "error: --max-input-size must be a size such as 512k, 16M or 1G, not 'lots'\n", r.err());
  }

  @Test
  void anOutputInAFileSystemThatTakesNoFileIsBadInput() {
    assumeTrue(Files.isRegularFile(Path.of("/proc/version")), "Linux /proc");
    Cli.Result r = lock("six", "-o", "/proc/version");
    assertEquals(2, r.code(), r.toString());
    assertTrue(
        r.err().startsWith("error: cannot write /proc/version: cannot create a file in /proc ("),
        r.err());
  }

  @Test
  void anEnvironmentWhosePythonVersionsDisagreeIsBadInput() throws IOException {
    Path env = dir.resolve("env.json");
    Files.writeString(
        env,
        """
        {"implementation_name": "cpython", "implementation_version": "3.12.1",
         "os_name": "posix", "platform_machine": "x86_64", "platform_release": "6.1",
         "platform_system": "Linux", "platform_version": "#1", "python_full_version": "3.12.1",
         "platform_python_implementation": "CPython", "python_version": "3.11",
         "sys_platform": "linux"}
        """);
    Cli.Result r = lock("six", "--environment", env.toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "error: " + env + ": python_version '3.11' contradicts python_full_version '3.12.1'"
            + " (python_version must be its first two components)\n",
        r.err());
  }

  @Test
  void resolverLimitsAreOptionsCheckedUpFront() {
    Cli.Result r = lock("six", "--resolver-timeout", "soon");
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "error: --resolver-timeout must be a positive duration such as 90s, 10m or PT10M, not"
            + " 'soon'\n",
        r.err());
    r = lock("six", "--max-rounds", "0");
    assertEquals(2, r.code(), r.toString());
    assertEquals("error: --max-rounds must be positive, not 0\n", r.err());
    r = lock("six", "--max-explanation-conflicts", "-1");
    assertEquals(2, r.code(), r.toString());
    assertEquals("error: --max-explanation-conflicts must not be negative, not -1\n", r.err());
  }

  @Test
  void aLockThatIsNotUtf8IsBadInputNamingTheFile() throws IOException {
    Path lock = dir.resolve("pylock.toml");
    Files.write(lock, new byte[] {'l', 'o', 'c', 'k', (byte) 0xFF, '\n'});
    for (String command : List.of("verify", "why", "audit")) {
      List<String> args =
          command.equals("why")
              ? List.of(command, "six", lock.toString())
              : List.of(command, lock.toString());
      Cli.Result r = assertTimeoutPreemptively(HANG, () -> Cli.run(args.toArray(String[]::new)));
      assertEquals(2, r.code(), command + ": " + r);
      assertTrue(
          r.err().contains(lock + " is not UTF-8 text (a malformed byte at offset 4)"),
          command + ": " + r.err());
    }
  }

  @Test
  void aHugeLineShowsAWindowAroundTheColumn() throws IOException {
    Path in = dir.resolve("requirements.in");
    Files.writeString(in, "six" + " ".repeat(5000) + "==1 ==2\n");
    Cli.Result r = lock("-r", in.toString());
    assertEquals(2, r.code(), r.toString());
    String[] lines = r.err().split("\n");
    assertEquals(3, lines.length, r.err());
    assertTrue(lines[1].length() < 200, lines[1]);
    assertEquals(lines[1].indexOf("==2"), lines[2].indexOf('^'), r.err());
  }
}
