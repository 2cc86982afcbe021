package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.sat.SatResolver;
import org.pylock4j.testing.SimpleIndexServer;

/** The launcher's protocol and key, and the background JVM serving runs as a direct run does them. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DaemonTest {

  static final String KEY = "test key";
  static final String HERE = System.getProperty("user.dir");

  @TempDir Path dir;
  final List<Daemon> daemons = new ArrayList<>();

  @AfterEach
  void stopDaemons() {
    daemons.forEach(d -> d.stop("the test ended"));
  }

  // ---- protocol -------------------------------------------------------------------------

  @Test
  void aRequestSurvivesTheWire() throws IOException {
    Map<String, String> env = new HashMap<>(Map.of("PATH", "/bin", "EMPTY", "", "UNICODE", "é\u00e9€"));
    LauncherProtocol.Request request = new LauncherProtocol.Request(
        KEY, "/some/dir", true, false, env, List.of("lock", "-o", "-", "naïve", ""));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LauncherProtocol.write(request, bytes);
    assertEquals(request, LauncherProtocol.read(new ByteArrayInputStream(bytes.toByteArray())));
  }

  @Test
  void framesCarryOutputAndTheExitCode() throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.writeBytes(LauncherProtocol.frame(LauncherProtocol.ACCEPT, 0));
    byte[] big = new byte[LauncherProtocol.MAX_CHUNK + 10];
    Arrays.fill(big, (byte) 'x');
    wire.writeBytes(LauncherProtocol.chunk(LauncherProtocol.OUT, big, 0, LauncherProtocol.MAX_CHUNK));
    wire.writeBytes(LauncherProtocol.chunk(LauncherProtocol.ERR, "oops\n".getBytes(StandardCharsets.UTF_8), 0, 5));
    wire.writeBytes(LauncherProtocol.frame(LauncherProtocol.EXIT, 3));
    ByteArrayInputStream in = new ByteArrayInputStream(wire.toByteArray());
    assertEquals(LauncherProtocol.ACCEPT, LauncherProtocol.next(in).type());
    assertEquals(LauncherProtocol.MAX_CHUNK, LauncherProtocol.next(in).data().length);
    assertEquals("oops\n", new String(LauncherProtocol.next(in).data(), StandardCharsets.UTF_8));
    LauncherProtocol.Frame exit = LauncherProtocol.next(in);
    assertEquals(LauncherProtocol.EXIT, exit.type());
    assertEquals(3, exit.code());
    assertNull(LauncherProtocol.next(in));
  }

  @Test
  void aRequestOfAnotherVersionOrTooBigIsRejected() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LauncherProtocol.write(new LauncherProtocol.Request(KEY, "/", false, false, Map.of(), List.of()), bytes);
    byte[] wire = bytes.toByteArray();
    wire[7] = 99; // the version's low byte
    IOException e = assertThrows(IOException.class,
        () -> LauncherProtocol.read(new ByteArrayInputStream(wire)));
    assertTrue(e.getMessage().contains("protocol version 99"), e.getMessage());
    byte[] huge = java.nio.ByteBuffer.allocate(12).putInt(LauncherProtocol.MAGIC)
        .putInt(LauncherProtocol.VERSION).putInt(Integer.MAX_VALUE).array();
    e = assertThrows(IOException.class, () -> LauncherProtocol.read(new ByteArrayInputStream(huge)));
    assertTrue(e.getMessage().contains("at most"), e.getMessage());
    assertThrows(IOException.class, () -> LauncherProtocol.read(new ByteArrayInputStream(new byte[3])));
  }

  // ---- key ------------------------------------------------------------------------------

  @Test
  void theKeyNamesDirectoryJarJavaUmaskAndLocale() throws IOException {
    Path jar = Files.writeString(dir.resolve("pylock4j.jar"), "jar");
    String key = Launcher.keyOf(jar, "/usr/bin/java", "/a", "0022", Map.of("LANG", "C.UTF-8"));
    assertEquals(key, Launcher.keyOf(jar, "/usr/bin/java", "/a", "0022",
        Map.of("LANG", "C.UTF-8", "PATH", "/elsewhere")), "the PATH is the run's, not the JVM's");
    for (String other : List.of(
        Launcher.keyOf(jar, "/usr/bin/java", "/b", "0022", Map.of("LANG", "C.UTF-8")),
        Launcher.keyOf(jar, "/opt/jdk25/bin/java", "/a", "0022", Map.of("LANG", "C.UTF-8")),
        Launcher.keyOf(jar, "/usr/bin/java", "/a", "0077", Map.of("LANG", "C.UTF-8")),
        Launcher.keyOf(jar, "/usr/bin/java", "/a", "0022", Map.of("LANG", "de_DE.UTF-8")),
        Launcher.keyOf(jar, "/usr/bin/java", "/a", "0022", Map.of()))) {
      assertNotEquals(key, other);
      assertNotEquals(Launcher.nameOf(key), Launcher.nameOf(other));
    }
    Files.writeString(jar, "rebuilt jar");
    assertNotEquals(key, Launcher.keyOf(jar, "/usr/bin/java", "/a", "0022", Map.of("LANG", "C.UTF-8")));
    assertEquals(32, Launcher.nameOf(key).length());
  }

  @Test
  void theDirectoryIsPrivate() throws IOException {
    Path mine = dir.resolve("run").resolve("pylock4j");
    Launcher.makePrivate(mine);
    assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(mine)));
    Path open = Files.createDirectory(dir.resolve("open"));
    Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThrows(IOException.class, () -> Launcher.makePrivate(open));
    assertEquals(dir.resolve("xdg/pylock4j/daemon"),
        Launcher.daemonDirectory(Map.of("XDG_CACHE_HOME", dir.resolve("xdg").toString())));
    assertEquals(dir.resolve("pylock4j"), Launcher.daemonDirectory(Map.of("XDG_RUNTIME_DIR", dir.toString())));
  }

  @Test
  void helpIsStyledAsPicocliDecides() {
    assertEquals(picocli.CommandLine.Help.Ansi.AUTO.enabled(),
        Launcher.styled(Launcher.tty(), System.getenv()), "this JVM");
    assertFalse(Launcher.styled(false, Map.of()));
    assertTrue(Launcher.styled(true, Map.of()));
    assertFalse(Launcher.styled(true, Map.of("NO_COLOR", "")));
    assertFalse(Launcher.styled(true, Map.of("CLICOLOR", "0")));
    assertTrue(Launcher.styled(false, Map.of("CLICOLOR_FORCE", "1")));
    assertFalse(Launcher.styled(false, Map.of("CLICOLOR_FORCE", "0")));
    assertFalse(Launcher.styled(true, Map.of("NO_COLOR", "1", "CLICOLOR_FORCE", "1")));
  }

  @Test
  void thePythonProbeUsesTheRunsPathAndEnvironment() throws IOException {
    // a background JVM serves shells with other PATHs (a venv, a pyenv shim reading PYENV_VERSION)
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path python = Files.writeString(bin.resolve("python3"),
        "#!/bin/sh\nprintf '%s\\000%s\\000' implementation_name \"$FAKE_PYTHON\"\n");
    assertTrue(python.toFile().setExecutable(true));
    TargetDetector detector = TargetDetector.python("python3", dir.resolve("cache"),
        Map.of("PATH", bin.toString(), "FAKE_PYTHON", "of-this-run"));
    assertEquals(java.util.Optional.of(Map.of("implementation_name", "of-this-run")), detector.detect());
  }

  @Test
  void standardInputAsAnInputIsLeftToADirectRun() {
    Launcher.Fallback stdin = assertThrows(Launcher.Fallback.class,
        () -> new Launcher.Client(Map.of()).run("lock", "-r", "-"));
    assertEquals("'-' reads the standard input", stdin.getMessage());
    // "-o -" is the standard output, which the daemon sends back: it goes on (to the next check)
    Launcher.Fallback next = assertThrows(Launcher.Fallback.class,
        () -> new Launcher.Client(Map.of()).run("lock", "requests", "-o", "-"));
    assertNotEquals(stdin.getMessage(), next.getMessage());
    assertEquals(Launcher.DIRECT, Launcher.launch(Map.of(), "lock", "requests"),
        "without -Dpylock4j.daemon=1 the launcher only answers --version and --help");
  }

  // ---- the background JVM ---------------------------------------------------------------

  Daemon start(Daemon.Command command) throws IOException {
    Path socket = dir.resolve("d.sock");
    Daemon daemon = Daemon.open(socket, KEY, HERE, command, Duration.ofMinutes(5), null);
    assertNotNull(daemon);
    daemons.add(daemon);
    Thread serving = new Thread(daemon::serve, "test-daemon");
    serving.setDaemon(true);
    serving.start();
    return daemon;
  }

  record Run(int code, byte[] out, byte[] err) {
    String text() {
      return "exit " + code + "\n--- stdout\n" + new String(out, StandardCharsets.UTF_8)
          + "--- stderr\n" + new String(err, StandardCharsets.UTF_8);
    }
  }

  Run client(Daemon daemon, boolean styled, Map<String, String> env, String... args)
      throws IOException, Launcher.Fallback {
    return client(daemon, HERE, styled, env, args);
  }

  Run client(Daemon daemon, String directory, boolean styled, Map<String, String> env,
      String... args) throws IOException, Launcher.Fallback {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(daemon.socket()))) {
      int code = Launcher.talk(channel,
          new LauncherProtocol.Request(KEY, directory, false, styled, env, List.of(args)),
          out, err, Launcher.logOf(daemon.socket()));
      return new Run(code, out.toByteArray(), err.toByteArray());
    }
  }

  static Run direct(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    int code = new Main(new CliContext(o, e, env, false, Main.detector(env)), SatResolver::create)
        .run(args);
    o.flush();
    return new Run(code, out.toByteArray(), err.toByteArray());
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var files = Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void aLockThroughTheDaemonIsTheDirectLockByteForByte() throws Exception {
    Daemon daemon = start(Daemon.MAIN);
    // no python detection: the environment names none (PYLOCK4J_PYTHON empty)
    Map<String, String> env = Map.of("PYLOCK4J_PYTHON", "", "HOME", dir.toString());
    try (SimpleIndexServer index = SimpleIndexServer.start(LockCommandTest.V2)) {
      Path out = dir.resolve("out");
      Path cache = dir.resolve("cache");
      List<List<String>> commands = List.of(
          List.of("lock", "app-core", "-o", out.resolve("pylock.toml").toString()),
          List.of("lock", "app-core", "--format", "requirements", "-o", "-"),
          List.of("lock", "app-core", "-o", out.resolve("r.txt").toString(), "--format",
              "requirements", "--verbose"),
          List.of("lock", "no-such-project-anywhere", "-o", out.resolve("x.toml").toString()),
          List.of("lock", "app-core[", "-o", out.resolve("y.toml").toString()),
          List.of("lock", "--no-such-option"),
          List.of("lock", "--help"),
          List.of("--version"));
      for (List<String> command : commands) {
        List<String> all = new ArrayList<>(command);
        if (command.get(0).equals("lock") && !command.contains("--help")) {
          all.addAll(List.of("--index-url", index.indexUrl(), "--python-version", "3.12",
              "--python-platform", "linux", "--cache-dir", cache.toString()));
        }
        String[] args = all.toArray(String[]::new);
        deleteTree(out);
        deleteTree(cache);
        Files.createDirectories(out);
        Run direct = direct(env, args);
        Map<String, byte[]> directFiles = files(out);
        deleteTree(out);
        deleteTree(cache);
        Files.createDirectories(out);
        Run served = client(daemon, false, env, args);
        assertEquals(direct.text(), served.text(), String.join(" ", all));
        assertArrayEquals(direct.out(), served.out());
        assertArrayEquals(direct.err(), served.err());
        Map<String, byte[]> servedFiles = files(out);
        assertEquals(directFiles.keySet(), servedFiles.keySet());
        for (String name : directFiles.keySet()) {
          assertArrayEquals(directFiles.get(name), servedFiles.get(name), name);
        }
      }
      assertTrue(Files.exists(daemon.socket()));
    }
  }

  static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    try (var walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  @Test
  void subcommandHelpIsStyledForTheClientsTerminal() throws Exception {
    Daemon daemon = start(Daemon.MAIN);
    Run styled = client(daemon, true, Map.of(), "lock", "--help");
    Run plain = client(daemon, false, Map.of(), "lock", "--help");
    assertEquals(0, styled.code());
    assertTrue(new String(styled.out(), StandardCharsets.UTF_8).contains("\u001b["), styled.text());
    assertFalse(new String(plain.out(), StandardCharsets.UTF_8).contains("\u001b["), plain.text());
  }

  @Test
  void aClientThatGoesAwayInterruptsItsRun() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    Daemon daemon = start((context, args) -> {
      started.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      return 0;
    });
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(daemon.socket()))) {
      LauncherProtocol.write(new LauncherProtocol.Request(KEY, HERE, false, false, Map.of(),
          List.of("lock")), java.nio.channels.Channels.newOutputStream(channel));
      assertEquals(LauncherProtocol.ACCEPT,
          LauncherProtocol.next(LauncherProtocol.input(channel)).type());
      assertTrue(started.await(60, TimeUnit.SECONDS));
    } // closed: as when the launcher is killed by Ctrl-C
    assertTrue(interrupted.await(60, TimeUnit.SECONDS), "the run was not interrupted");
  }

  @Test
  void theWarmUpLocksOverTheExamplesOfTheJarsRepository() {
    Path root = Path.of(HERE).toAbsolutePath().getParent();
    assertEquals(root, Daemon.repositoryOf(root.resolve("resolver-cli/target/pylock4j.jar")));
    assertTrue(Files.isDirectory(root.resolve("examples/index")));
    assertNull(Daemon.repositoryOf(null));
  }

  @Test
  void theFirstRunInterruptsTheWarmUp() throws Exception {
    CountDownLatch warming = new CountDownLatch(1);
    CountDownLatch abandoned = new CountDownLatch(1);
    Daemon daemon = start((context, args) -> 0);
    daemon.warmUp(() -> {
      warming.countDown();
      try {
        new CountDownLatch(1).await(); // a warm-up that would never end
      } catch (InterruptedException e) {
        abandoned.countDown();
      }
    });
    assertTrue(warming.await(60, TimeUnit.SECONDS));
    assertEquals(1, abandoned.getCount(), "nothing interrupts the warm-up before a run");
    Run run = client(daemon, false, Map.of(), "lock", "x");
    assertEquals(0, run.code(), run.text());
    assertTrue(abandoned.await(60, TimeUnit.SECONDS), "the run did not interrupt the warm-up");
  }

  @Test
  void aFailingRunExitsWith4AndStopsTheDaemonOnAnError() throws Exception {
    Daemon daemon = start((context, args) -> {
      throw new OutOfMemoryError("Java heap space");
    });
    Run run = client(daemon, false, Map.of(), "lock", "x");
    assertEquals(4, run.code(), run.text());
    assertTrue(run.text().contains("error: unexpected failure: java.lang.OutOfMemoryError: Java heap space"),
        run.text());
    // and it stops: the next client is refused or reset, and the launcher runs the command itself
    Exception next = assertThrows(Exception.class, () -> client(daemon, false, Map.of(), "lock", "x"));
    assertTrue(next instanceof IOException || next instanceof Launcher.Fallback, next.toString());
  }

  @Test
  void anotherDirectoryOrKeyIsRefused() throws Exception {
    Daemon daemon = start((context, args) -> 0);
    Launcher.Fallback refused = assertThrows(Launcher.Fallback.class,
        () -> client(daemon, "/elsewhere", false, Map.of(), "lock", "x"));
    assertTrue(refused.getMessage().contains("not /elsewhere"), refused.getMessage());
    assertEquals(0, client(daemon, false, Map.of(), "lock", "x").code());
  }

  @Test
  void aDaemonThatDiesMidRunIsReported() throws Exception {
    Path socket = dir.resolve("dying.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread fake = new Thread(() -> {
        try (SocketChannel c = server.accept()) {
          LauncherProtocol.read(LauncherProtocol.input(c));
          LauncherProtocol.writeFully(c, LauncherProtocol.frame(LauncherProtocol.ACCEPT, 0));
          LauncherProtocol.writeFully(c, LauncherProtocol.chunk(LauncherProtocol.ERR,
              "half".getBytes(StandardCharsets.UTF_8), 0, 4));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      fake.start();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
        int code = Launcher.talk(channel,
            new LauncherProtocol.Request(KEY, HERE, false, false, Map.of(), List.of("lock")),
            new ByteArrayOutputStream(), err, Path.of("/the/log"));
        assertEquals(4, code);
      }
      fake.join();
      assertEquals("halfpylock4j: the background JVM stopped (log: /the/log); run again with "
          + "PYLOCK4J_DAEMON=0\n", err.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aStaleSocketFileIsReplacedAndASecondDaemonForTheKeyExits() throws Exception {
    Path socket = dir.resolve("d.sock");
    try (ServerSocketChannel killed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      killed.bind(UnixDomainSocketAddress.of(socket)); // its file stays, as after kill -9
    }
    assertTrue(Files.exists(socket));
    Daemon daemon = start((context, args) -> {
      context.out().print("served");
      return 0;
    });
    assertEquals("served", new String(client(daemon, false, Map.of(), "x").out(), StandardCharsets.UTF_8));
    assertTrue(Launcher.held(Launcher.lockOf(socket)));
    assertNull(Daemon.open(socket, KEY, HERE, (c, a) -> 0, Duration.ofMinutes(5), null));
    assertEquals("served", new String(client(daemon, false, Map.of(), "x").out(), StandardCharsets.UTF_8),
        "the first daemon still serves");
    daemon.close();
    assertFalse(Files.exists(socket));
    assertFalse(Files.exists(Launcher.lockOf(socket)));
  }

  @Test
  void itStopsWhenIdleOrWhenItsJarChanges() throws Exception {
    Path jar = Files.writeString(dir.resolve("pylock4j.jar"), "jar");
    Path socket = dir.resolve("j.sock");
    Daemon daemon = Daemon.open(socket, KEY, HERE, (c, a) -> 0, Duration.ofSeconds(60), jar);
    daemons.add(daemon);
    long now = System.nanoTime();
    assertNull(daemon.stopReason(now));
    assertEquals("idle for 60 s", daemon.stopReason(now + Duration.ofSeconds(61).toNanos()));
    Files.writeString(jar, "a rebuilt jar");
    assertTrue(daemon.stopReason(now).startsWith("its jar changed"), daemon.stopReason(now));
    daemon.close();
  }
}
