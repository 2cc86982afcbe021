package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.testing.SimpleIndexServer;

/** {@code pylock4j verify} and {@code pylock4j why} end to end. */
class VerifyAndWhyTest {

  @TempDir Path dir;

  Cli.Result run(String command, SimpleIndexServer index, String... args) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(Arrays.asList(args));
    if (index != null) {
      all.addAll(List.of("--index-url", index.indexUrl()));
    }
    all.addAll(List.of("--cache-dir", dir.resolve("cache").toString()));
    return Cli.run(all.toArray(String[]::new));
  }

  Path lockOn(Path index, String output, String... inputs) {
    Path out = dir.resolve(output);
    try (SimpleIndexServer server = SimpleIndexServer.start(index)) {
      List<String> args = new ArrayList<>(Arrays.asList(inputs));
      args.addAll(List.of("-o", out.toString(), "--python-version", "3.12", "--python-platform", "linux"));
      Cli.Result r = run("lock", server, args.toArray(String[]::new));
      assertEquals(0, r.code(), r.toString());
    }
    return out;
  }

  /** Locks on {@code server} (whose directory the test may change afterwards). */
  Path lockOn(SimpleIndexServer server, String output, String... inputs) {
    Path out = dir.resolve(output);
    List<String> args = new ArrayList<>(Arrays.asList(inputs));
    args.addAll(List.of("-o", out.toString(), "--python-version", "3.12", "--python-platform", "linux"));
    Cli.Result r = run("lock", server, args.toArray(String[]::new));
    assertEquals(0, r.code(), r.toString());
    return out;
  }

  /** Replaces the files of the index at {@code served} with those of {@code with}. */
  static void replace(Path served, Path with) throws IOException {
    try (Stream<Path> paths = Files.walk(with)) {
      for (Path p : paths.toList()) {
        Path target = served.resolve(with.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  void anUpToDateLockVerifies() throws IOException {
    try (SimpleIndexServer server = SimpleIndexServer.start(copy(LockCommandTest.V1, dir.resolve("index")))) {
      Path lock = lockOn(server, "pylock.toml", "app-core");
      Cli.Result r = Cli.run("verify", lock.toString(), "--cache-dir", dir.resolve("cache").toString());
      assertEquals(0, r.code(), r.toString());
      assertEquals(
          lock + " is up to date (4 packages, 4 files checked against the index)\n", r.out());
    }
  }

  @Test
  void aNewUpstreamVersionIsNotDriftAndUpgradeListsIt() throws IOException {
    Path index = copy(LockCommandTest.V1, dir.resolve("index"));
    try (SimpleIndexServer server = SimpleIndexServer.start(index)) {
      Path lock = lockOn(server, "pylock.toml", "app-core");
      replace(index, LockCommandTest.V2);
      Cli.Result r = run("verify", null, lock.toString());
      assertEquals(0, r.code(), r.toString());
      assertEquals(
          lock + " is up to date (4 packages, 4 files checked against the index)\n", r.out());
      Cli.Result upgrades = run("verify", null, lock.toString(), "--upgrade");
      assertEquals(0, upgrades.code(), upgrades.toString());
      assertEquals(
          lock + " is up to date (4 packages, 4 files checked against the index)\n"
              + "--upgrade would change (2 packages):\n"
              + "  - lib-a 2.0 -> 2.1\n"
              + "  - lib-c 1.0 -> 1.5\n",
          upgrades.out());
    }
  }

  @Test
  void aChangedHashIsDriftNamingTheFile() throws IOException {
    Path index = copy(LockCommandTest.V1, dir.resolve("index"));
    try (SimpleIndexServer server = SimpleIndexServer.start(index)) {
      Path lock = lockOn(server, "pylock.toml", "app-core");
      Path page = index.resolve("lib-c/index.json");
      String original = sha256(Files.readAllBytes(index.resolve("lib-c/lib_c-1.0-py3-none-any.whl")));
      String other = sha256("a different file".getBytes(StandardCharsets.UTF_8));
      String json = Files.readString(page);
      assertTrue(json.contains(original));
      Files.writeString(page, json.replace(original, other));
      Cli.Result r = run("verify", null, lock.toString());
      assertEquals(1, r.code(), r.toString());
      assertEquals(
          lock + " is not what re-locking writes (1 drift):\n"
              + "  - lib-c 1.0: sha256 of lib_c-1.0-py3-none-any.whl changed: lock " + original
              + ", index " + other + "\n",
          r.out());
    }
  }

  @Test
  void aRequirementsLockVerifiesAgainstItsInputs() throws IOException {
    Path in = dir.resolve("requirements.in");
    Files.writeString(in, "app-core\n");
    Path lock = lockOn(LockCommandTest.V2, "requirements.txt", "-r", in.toString());
    try (SimpleIndexServer server = SimpleIndexServer.start(LockCommandTest.V2)) {
      Cli.Result r =
          run("verify", server, lock.toString(), "-r", in.toString(), "--python-version", "3.12",
              "--python-platform", "linux");
      assertEquals(0, r.code(), r.toString());
      assertTrue(r.out().startsWith(lock + " is up to date (4 packages"), r.out());
    }
  }

  @Test
  void aRequirementsLockRecordsItsInputsAndALineAddedToThemIsDrift() throws IOException {
    Path in = dir.resolve("requirements.in");
    Files.writeString(in, "app-core\n");
    try (SimpleIndexServer server = SimpleIndexServer.start(copy(LockCommandTest.V1, dir.resolve("index")))) {
      Path lock = lockOn(server, "requirements.txt", "-r", in.toString());
      Cli.Result clean = Cli.run("verify", lock.toString(), "--cache-dir", dir.resolve("cache").toString());
      assertEquals(0, clean.code(), clean.toString());
      Files.writeString(in, "app-core\ncolorize\n");
      Cli.Result r = Cli.run("verify", lock.toString(), "--cache-dir", dir.resolve("cache").toString());
      assertEquals(1, r.code(), r.toString());
      assertTrue(r.out().startsWith(lock + " is not what re-locking writes (2 drifts):\n"
          + "  - input changed: added colorize (-r requirements.in)\n"
          + "  - colorize: added ("), r.out());
    }
  }

  @Test
  void whyPrintsTheChainsToAPackage() {
    Path lock = lockOn(LockCommandTest.V2, "pylock.toml", "app-core");
    Cli.Result r = Cli.run("why", "LIB_C", lock.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals(
        "lib-c 1.5 is required by:\n"
            + "  app-core (requested) -> app-core 2.0 -> lib-a 2.1 -> lib-c 1.5\n"
            + "  app-core (requested) -> app-core 2.0 -> lib-b 1.0 -> lib-c 1.5\n",
        r.out());
  }

  @Test
  void whyReadsRequirementsLocksToo() throws IOException {
    Path in = dir.resolve("requirements.in");
    Files.writeString(in, "app-core\n");
    Path lock = lockOn(LockCommandTest.V2, "requirements.txt", "-r", in.toString());
    Cli.Result r = Cli.run("why", "lib-a", lock.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals(
        "lib-a 2.1 is required by:\n  -r requirements.in -> app-core 2.0 -> lib-a 2.1\n", r.out());
  }

  @Test
  void whyOfAPackageNotInTheLockExitsOne() {
    Path lock = lockOn(LockCommandTest.V2, "pylock.toml", "lib-c");
    Cli.Result r = Cli.run("why", "six", lock.toString());
    assertEquals(1, r.code(), r.toString());
    assertEquals("error: six is not in " + lock + "\n", r.err());
  }

  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
