package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real path of the background JVM, after {@code package}: the repository's {@code ./pylock4j}
 * script, the launcher jar, the {@code setsid} child JVM and its Unix socket. Runs through it
 * print, exit and write what direct runs ({@code PYLOCK4J_DAEMON=0}) do. Run by failsafe in
 * {@code mvn verify}.
 */
class ScriptDaemonIT {

  /** A hang guard only (the daemon must hold none of the script's pipes), never a timing. */
  static final long GUARD_SECONDS = 180;

  static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
  static final Path SCRIPT = ROOT.resolve("pylock4j");
  static final Path JAR = ROOT.resolve("resolver-cli/target/pylock4j.jar");
  static final Path LAUNCHER = ROOT.resolve("resolver-cli/target/pylock4j-launcher.jar");
  static final String LOCK = "requirements.txt";
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path temp;
  Long daemonPid;
  Path socket;

  @AfterEach
  void stopTheDaemon() throws Exception {
    if (socket != null) {
      Files.deleteIfExists(socket); // as the README says: it stops within 10 s
    }
    if (daemonPid != null) {
      Optional<ProcessHandle> daemon = ProcessHandle.of(daemonPid);
      if (daemon.isPresent()) {
        try {
          daemon.get().onExit().get(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          daemon.get().destroyForcibly();
          fail("the background JVM (pid " + daemonPid + ") did not stop when its socket was removed");
        }
      }
    }
  }

  @Test
  void runsThroughTheBackgroundJvmAsDirectRuns() throws Exception {
    assumeBuilt();
    String index = ROOT.resolve("examples/index").toString();
    String input = ROOT.resolve("examples/webapp/requirements.in").toString();
    // a file: index without hashes: a requirements file (pylock.toml needs hashes)
    List<String> common = List.of("lock", "-r", input, "--index-url", index, "--allow-unhashed",
        "--python-version", "3.12", "--python-platform", "linux");
    List<String> lock = new ArrayList<>(common);
    lock.addAll(List.of("-o", LOCK));
    List<String> bad = List.of("lock", "-r", "missing.in", "--index-url", index);
    List<String> toStdout = new ArrayList<>(common);
    toStdout.addAll(List.of("--format", "requirements", "-o", "-"));

    Path direct = Files.createDirectory(temp.resolve("direct"));
    Path served = Files.createDirectory(temp.resolve("served"));
    Path runtime = Files.createDirectory(temp.resolve("runtime"));
    Path daemons = runtime.resolve("pylock4j");
    assumeTrue(daemons.resolve(Launcher.nameOf("") + ".sock").toString().length() <= 100,
        "the socket path in " + temp + " would be too long for a Unix socket");

    Run directLock = run(direct, "0", runtime, lock);
    assertEquals(0, directLock.code, directLock.toString());
    Run directBad = run(direct, "0", runtime, bad);
    assertEquals(2, directBad.code, directBad.toString());
    Run directStdout = run(direct, "0", runtime, toStdout);
    assertEquals(0, directStdout.code, directStdout.toString());
    assertTrue(directStdout.out.contains("flask=="), directStdout.toString());
    assertFalse(Files.exists(daemons), "PYLOCK4J_DAEMON=0 starts no background JVM");

    // the first call runs directly and starts the background JVM
    Run first = run(served, "1", runtime, lock);
    same(directLock, first);
    sameFile(direct, served);
    socket = awaitSocket(daemons);
    Path log = Launcher.logOf(socket);
    daemonPid = pidIn(log);
    Files.delete(served.resolve(LOCK));

    // the next ones are served by it
    same(directLock, run(served, "1", runtime, lock));
    sameFile(direct, served);
    same(directBad, run(served, "1", runtime, bad));
    same(directStdout, run(served, "1", runtime, toStdout));
    String logText = Files.readString(log);
    assertEquals(3, count(logText, "served a run (exit "), logText);
    // the warm-up ran, and the first run found it ended or abandoned it
    assertTrue(logText.contains("warmed up (") || logText.contains("warm-up abandoned"), logText);
    assertTrue(logText.contains("served a run (exit 2)"), logText);
    assertTrue(ProcessHandle.of(daemonPid).map(ProcessHandle::isAlive).orElse(false),
        "the background JVM is still running: " + logText);

    // the launcher answers --version and --help as the command's jar does
    for (String quick : List.of("--version", "--help")) {
      Run jar = exec(served, Map.of(), List.of(JAVA, "-jar", JAR.toString(), quick));
      Run script = run(served, "1", runtime, List.of(quick));
      assertEquals(0, jar.code, jar.toString());
      same(jar, script);
    }
    assertEquals(3, count(Files.readString(log), "served a run (exit "),
        "--version and --help are the launcher's");
  }

  /** Skips (never runs Maven inside Maven) unless the script would run the packaged jars as they are. */
  static void assumeBuilt() throws IOException {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    assumeTrue(os.startsWith("linux") || os.startsWith("mac"), "the background JVM is for Linux and macOS");
    assumeTrue(Files.isExecutable(SCRIPT), "no " + SCRIPT);
    assumeTrue(Files.isRegularFile(JAR) && Files.isRegularFile(LAUNCHER),
        "the jars are not packaged: run mvn verify");
    FileTime built = Files.getLastModifiedTime(JAR);
    List<Path> roots = new ArrayList<>(List.of(ROOT.resolve("pom.xml")));
    for (String module : List.of("api", "sat", "index", "lock", "locker", "trust", "cli")) {
      roots.add(ROOT.resolve("resolver-" + module + "/pom.xml"));
      roots.add(ROOT.resolve("resolver-" + module + "/src/main"));
    }
    for (Path root : roots) {
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        Optional<Path> newer = files.filter(Files::isRegularFile)
            .filter(f -> modified(f).compareTo(built) > 0).findFirst();
        assumeTrue(newer.isEmpty(), () -> "the script would rebuild " + JAR + ": "
            + newer.get() + " is newer; run mvn package first");
      }
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits (bounded) for the background JVM's socket in {@code dir}, the only one there. */
  static Path awaitSocket(Path dir) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          List<Path> sockets = files.filter(f -> f.toString().endsWith(".sock")).toList();
          assertTrue(sockets.size() <= 1, "one background JVM: " + sockets);
          if (!sockets.isEmpty() && Files.exists(Launcher.logOf(sockets.get(0)))
              && Files.readString(Launcher.logOf(sockets.get(0))).contains("serving ")) {
            return sockets.get(0);
          }
        }
      }
      Thread.sleep(50); // polling for the socket file, with the deadline above
    }
    throw new AssertionError("no background JVM listened in " + dir + " within " + GUARD_SECONDS + " s");
  }

  static long pidIn(Path log) throws IOException {
    String text = Files.readString(log);
    Matcher m = Pattern.compile("\\(pid ([0-9]+),").matcher(text);
    assertTrue(m.find(), "the log names the pid: " + text);
    return Long.parseLong(m.group(1));
  }

  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  static void same(Run expected, Run actual) {
    assertEquals(expected.code, actual.code, "exit code: " + actual);
    assertEquals(expected.out, actual.out, "stdout: " + actual);
    assertEquals(expected.err, actual.err, "stderr: " + actual);
  }

  static void sameFile(Path expectedDir, Path actualDir) throws IOException {
    assertArrayEquals(Files.readAllBytes(expectedDir.resolve(LOCK)),
        Files.readAllBytes(actualDir.resolve(LOCK)), "the written lock");
  }

  /** {@code ./pylock4j ARGS} in {@code dir} with {@code PYLOCK4J_DAEMON=daemon}. */
  Run run(Path dir, String daemon, Path runtime, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
    command.addAll(args);
    return exec(dir, Map.of("PYLOCK4J_DAEMON", daemon, "XDG_RUNTIME_DIR", runtime.toString(),
        "PYLOCK4J_JAVA", JAVA, "XDG_CACHE_HOME", temp.resolve("cache").toString()), command);
  }

  static Run exec(Path dir, Map<String, String> variables, List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    for (String name : List.of("CI", "PYLOCK4J_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
        "_JAVA_OPTIONS", "NO_COLOR", "CLICOLOR_FORCE")) {
      env.remove(name);
    }
    env.put("PYLOCK4J_PYTHON", "");
    env.put("PYLOCK4J_DAEMON_IDLE", "600");
    env.putAll(variables);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    CompletableFuture<byte[]> out = readAll(process.getInputStream());
    CompletableFuture<byte[]> err = readAll(process.getErrorStream());
    try {
      byte[] o = out.get(GUARD_SECONDS, TimeUnit.SECONDS);
      byte[] e = err.get(GUARD_SECONDS, TimeUnit.SECONDS);
      assertTrue(process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS), "exited: " + command);
      return new Run(process.exitValue(), new String(o, StandardCharsets.UTF_8),
          new String(e, StandardCharsets.UTF_8));
    } catch (TimeoutException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("no end of output within " + GUARD_SECONDS + " s (does a background"
          + " JVM hold the script's pipes?): " + command);
    }
  }

  static CompletableFuture<byte[]> readAll(InputStream in) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try (in) {
        result.complete(in.readAllBytes());
      } catch (IOException e) {
        result.completeExceptionally(e);
      }
    }, "script-output");
    t.setDaemon(true);
    t.start();
    return result;
  }

  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
