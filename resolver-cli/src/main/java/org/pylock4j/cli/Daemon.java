package org.pylock4j.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.pylock4j.sat.SatResolver;

/**
 * The background JVM ("daemon") the launcher hands commands to: one per user, working directory,
 * jar, java binary and JVM options (its socket's name is a hash of those, see {@link
 * Launcher#keyOf}), listening on a Unix domain socket in a private directory. A lock file held
 * for its lifetime says who owns the socket path: a second daemon for the same key exits at once,
 * and the next owner deletes a stale socket file.
 *
 * <p>Each connection is one run, served on a thread of its own: the run gets the client's
 * environment, console state and arguments, its output goes back as frames as it is written, and
 * the client's disconnecting (Ctrl-C, kill) interrupts it. A run's {@link Throwable} is reported
 * as a direct run reports it (exit 4); an {@link Error} also stops the daemon once its runs end.
 * The daemon stops when idle ({@code PYLOCK4J_DAEMON_IDLE} seconds, default 300), when its jar
 * changes, and when its socket file is removed.
 */
final class Daemon implements AutoCloseable {

  /** Runs the command: {@code new Main(context, SatResolver::create).run(args)} in production. */
  interface Command {
    int run(CliContext context, String... args);
  }

  static final Command MAIN = (context, args) -> new Main(context, SatResolver::create).run(args);

  /** The default idle time before a daemon stops. */
  static final Duration IDLE = Duration.ofMinutes(5);

  /** How long a client has to send its request. */
  private static final long REQUEST_SECONDS = 10;

  private final Path socket;
  private final String key;
  private final String directory;
  private final Command command;
  private final Duration idle;
  private final Path jar;
  private final String jarState;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final ServerSocketChannel server;
  private final Object socketFile;
  private final ScheduledExecutorService timer;
  private final Object runs = new Object();
  private int active;
  private Thread warmUp; // guarded by runs: the warm-up until it ends or a run is accepted
  private volatile long lastUsed = System.nanoTime();
  private volatile boolean stopping;
  private volatile boolean failed;

  private Daemon(Path socket, String key, String directory, Command command, Duration idle,
      Path jar, FileChannel lockChannel, FileLock lock, ServerSocketChannel server)
      throws IOException {
    this.socket = socket;
    this.key = key;
    this.directory = directory;
    this.command = command;
    this.idle = idle;
    this.jar = jar;
    this.jarState = jar == null ? null : state(jar);
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.server = server;
    this.socketFile = Files.readAttributes(socket, BasicFileAttributes.class).fileKey();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "pylock4j-daemon-timer");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Takes the socket path's lock and listens on it; null when another process (or this JVM)
   * holds the lock: a daemon for this key is running.
   *
   * @param socket the socket path; the lock file and log are its siblings ({@link Launcher#lockOf})
   * @param key the key the daemon serves (a request with another key is refused)
   * @param directory the working directory of this JVM (a request from another one is refused)
   * @param jar the jar whose change stops the daemon, or null
   */
  static Daemon open(Path socket, String key, String directory, Command command, Duration idle,
      Path jar) throws IOException {
    Path lockPath = Launcher.lockOf(socket);
    FileChannel channel = null;
    FileLock lock = null;
    // a client probing the lock holds it for an instant (Launcher.held): try a few times
    for (int attempt = 0; attempt < 5 && lock == null; attempt++) {
      if (attempt > 0) {
        pause(20);
      }
      channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      Object opened = fileKey(lockPath);
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock != null && !Objects.equals(opened, fileKey(lockPath))) {
        lock.release(); // the file was deleted or replaced meanwhile: lock the current one
        lock = null;
      }
      if (lock == null) {
        channel.close();
      }
    }
    if (lock == null) {
      return null;
    }
    ServerSocketChannel server = null;
    try {
      Files.deleteIfExists(socket); // a stale file of a daemon that was killed
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket));
      return new Daemon(socket, key, directory, command, idle, jar, channel, lock, server);
    } catch (IOException | RuntimeException e) {
      if (server != null) {
        server.close();
      }
      channel.close();
      throw e;
    }
  }

  Path socket() {
    return socket;
  }

  /** Serves connections until {@link #stop}, then waits for the runs to end and cleans up. */
  void serve() {
    long period = Math.max(1, Math.min(idle.toSeconds() / 2, 10));
    timer.scheduleWithFixedDelay(() -> {
      String reason = stopReason(System.nanoTime());
      if (reason != null) {
        stop(reason);
      }
    }, period, period, TimeUnit.SECONDS);
    try {
      while (!stopping) {
        SocketChannel client = server.accept();
        Thread t = new Thread(() -> handle(client), "pylock4j-daemon-run");
        t.setDaemon(true);
        t.start();
      }
    } catch (ClosedChannelException e) {
      // stopped
    } catch (IOException e) {
      log("accept failed: " + e);
    }
    stop("the socket is closed");
    synchronized (runs) {
      while (active > 0) {
        try {
          runs.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    close();
  }

  /** Why the daemon should stop now, or null: idle, its jar changed, its socket file is gone. */
  String stopReason(long now) {
    synchronized (runs) {
      if (active == 0 && now - lastUsed >= idle.toNanos()) {
        return "idle for " + idle.toSeconds() + " s";
      }
    }
    if (jar != null && !jarState.equals(state(jar))) {
      return "its jar changed: " + jar;
    }
    if (!Objects.equals(socketFile, fileKey(socket))) {
      return "its socket file was removed: " + socket;
    }
    return null;
  }

  /** Stops accepting connections; {@link #serve} returns once the running commands end. */
  void stop(String reason) {
    synchronized (runs) {
      if (stopping) {
        return;
      }
      stopping = true;
    }
    log("stopping: " + reason);
    try {
      server.close();
    } catch (IOException e) {
      log("closing the socket: " + e);
    }
  }

  /** Removes the socket and lock files and releases the lock. */
  @Override
  public void close() {
    stopping = true;
    timer.shutdownNow();
    try {
      server.close();
      if (Objects.equals(socketFile, fileKey(socket))) {
        Files.deleteIfExists(socket);
      }
      if (!failed) {
        Files.deleteIfExists(Launcher.logOf(socket)); // kept after an Error, for the user
      }
      Files.deleteIfExists(Launcher.lockOf(socket)); // while holding it: see open
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      log("cleaning up: " + e);
    }
  }

  private void handle(SocketChannel channel) {
    try (channel) {
      var timeout = timer.schedule(() -> closeQuietly(channel), REQUEST_SECONDS, TimeUnit.SECONDS);
      LauncherProtocol.Request request;
      try {
        request = LauncherProtocol.read(LauncherProtocol.input(channel));
      } finally {
        timeout.cancel(false);
      }
      String refusal = refusal(request);
      if (refusal != null) {
        LauncherProtocol.writeFully(channel, LauncherProtocol.refusal(refusal));
        return;
      }
      try {
        LauncherProtocol.writeFully(channel, LauncherProtocol.frame(LauncherProtocol.ACCEPT, 0));
        int code = run(channel, request);
        // before the exit frame: once the client has its code, the log says who served it
        log("served a run (exit " + code + ")"); // no arguments: they may hold credentials
        LauncherProtocol.writeFully(channel, LauncherProtocol.frame(LauncherProtocol.EXIT, code));
      } finally {
        synchronized (runs) {
          active--;
          lastUsed = System.nanoTime();
          runs.notifyAll();
        }
      }
    } catch (IOException e) {
      // the client went away, or sent no request: nothing to answer
    } catch (Throwable e) {
      log("serving a client failed: " + e);
    }
  }

  /**
   * Runs {@code work} on a thread of the lowest priority; the first run this daemon accepts
   * interrupts it (and {@code work} should then stop): a request never waits for the warm-up.
   * The idle time counts from its end.
   */
  void warmUp(Runnable work) {
    Thread t = new Thread(() -> {
      try {
        work.run();
      } finally {
        synchronized (runs) {
          if (warmUp == Thread.currentThread()) {
            warmUp = null;
          }
          lastUsed = System.nanoTime();
        }
      }
    }, "pylock4j-daemon-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    synchronized (runs) {
      if (active > 0 || stopping) {
        return; // a run came first: no warm-up
      }
      warmUp = t;
    }
    t.start();
  }

  /** Why this daemon does not run {@code request}, or null (and then it counts as running). */
  private String refusal(LauncherProtocol.Request request) {
    synchronized (runs) {
      if (stopping) {
        return "stopping";
      }
      if (!request.key().equals(key)) {
        return "started for another key";
      }
      if (!request.directory().equals(directory)) {
        return "working directory " + directory + ", not " + request.directory();
      }
      active++;
      if (warmUp != null) {
        warmUp.interrupt(); // a run never waits for the warm-up (nor shares the CPU with it)
        warmUp = null;
        log("warm-up abandoned: a run came");
      }
      return null;
    }
  }

  /** Runs the command for the client, interrupted if it goes away; returns the exit code. */
  private int run(SocketChannel channel, LauncherProtocol.Request request) {
    Thread runner = Thread.currentThread();
    boolean[] done = {false};
    Thread watcher = new Thread(() -> {
      InputStream in = LauncherProtocol.input(channel);
      try {
        while (in.read() >= 0) {
          // the client sends nothing after its request
        }
      } catch (IOException e) {
        // closed: the run ended, or the client is gone
      }
      synchronized (done) {
        if (!done[0]) {
          runner.interrupt();
        }
      }
    }, "pylock4j-daemon-watch");
    watcher.setDaemon(true);
    watcher.start();
    PrintStream out = new PrintStream(
        new BufferedOutputStream(LauncherProtocol.frames(channel, LauncherProtocol.OUT), 8192),
        false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(
        LauncherProtocol.frames(channel, LauncherProtocol.ERR), true, StandardCharsets.UTF_8);
    String[] args = request.args().toArray(String[]::new);
    int code;
    Routed.TARGET.set(new PrintStream[] {out, err});
    try {
      Map<String, String> env = request.environment();
      code = command.run(new CliContext(out, err, env, request.console(), Main.detector(env),
          request.styled()), args);
    } catch (Throwable e) {
      code = failure(err, e, args);
    } finally {
      Routed.TARGET.remove();
      synchronized (done) {
        done[0] = true;
      }
      Thread.interrupted(); // a late interrupt of this run must not reach the next one
    }
    out.flush();
    err.flush();
    return code;
  }

  /** What a direct run prints for {@code e} (exit 4 unless a known failure); an Error stops the daemon. */
  private int failure(PrintStream err, Throwable e, String... args) {
    if (e instanceof Error) {
      failed = true;
      stop("a run failed with " + e);
    }
    try {
      List<String> list = List.of(args);
      boolean verbose = list.contains("-v") || list.contains("--verbose");
      return new Reporter(err, false, false, verbose).failure(e);
    } catch (Throwable again) {
      return Exit.OTHER;
    }
  }

  private static String state(Path jar) {
    try {
      BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
      return a.lastModifiedTime().toMillis() + " " + a.size();
    } catch (IOException e) {
      return "missing";
    }
  }

  private static Object fileKey(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // closing
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The daemon's log: its stderr when it started (later, System.err is {@link Routed}). */
  private static final PrintStream LOG = System.err;

  static void log(String message) {
    LOG.println(Instant.now() + " " + message);
  }

  /**
   * {@code System.out} and {@code System.err} of the daemon: what a run's threads write there goes
   * to that run's client (as a direct run's would go to its terminal), anything else to the log.
   */
  static final class Routed extends OutputStream {
    static final InheritableThreadLocal<PrintStream[]> TARGET = new InheritableThreadLocal<>();
    private final PrintStream log;
    private final int which;

    Routed(PrintStream log, int which) {
      this.log = log;
      this.which = which;
    }

    private PrintStream target() {
      PrintStream[] streams = TARGET.get();
      return streams == null ? log : streams[which];
    }

    @Override
    public void write(int b) {
      target().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      target().write(b, off, len);
    }

    @Override
    public void flush() {
      target().flush();
    }
  }

  /**
   * {@code java -cp pylock4j.jar org.pylock4j.cli.Daemon SOCKET KEY}: started by the launcher in
   * the background (stdin /dev/null, stdout and stderr to the log, its own session).
   */
  public static void main(String[] args) {
    PrintStream log = LOG;
    try {
      Path socket = Path.of(args[0]);
      String key = new String(Base64.getDecoder().decode(args[1]), StandardCharsets.UTF_8);
      Duration idle = IDLE;
      String seconds = System.getenv("PYLOCK4J_DAEMON_IDLE");
      if (seconds != null && seconds.matches("[0-9]{1,9}")) {
        idle = Duration.ofSeconds(Math.max(1, Long.parseLong(seconds)));
      }
      Path jar = jarOf();
      Daemon daemon = open(socket, key, System.getProperty("user.dir"), MAIN, idle, jar);
      if (daemon == null) {
        log("another background JVM serves " + socket + "; exiting");
        System.exit(0);
      }
      System.setOut(new PrintStream(new Routed(System.out, 0), true));
      System.setErr(new PrintStream(new Routed(log, 1), true));
      log("serving " + System.getProperty("user.dir") + " on " + socket + " (pid "
          + ProcessHandle.current().pid() + ", idle " + idle.toSeconds() + " s)");
      daemon.warmUp(() -> warmUpLocks(jar));
      daemon.serve();
    } catch (Throwable e) {
      log.println(Instant.now() + " failed: " + e);
      e.printStackTrace(log);
    }
    System.exit(0);
  }

  private static Path jarOf() {
    try {
      return Path.of(Daemon.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      return null;
    }
  }

  /** The repository a {@code resolver-cli/target/pylock4j.jar} was built in, or null. */
  static Path repositoryOf(Path jar) {
    Path target = jar == null ? null : jar.toAbsolutePath().getParent();
    Path module = target == null ? null : target.getParent();
    return module == null ? null : module.getParent();
  }

  /**
   * Compiles the lock path once before the first client comes: the launcher's training run
   * (a lock over the example index of the repository the jar was built in, no network), twice;
   * stops when interrupted (a run came, see {@link #warmUp(Runnable)}).
   */
  private static void warmUpLocks(Path jar) {
    Path root = repositoryOf(jar);
    if (root == null || !Files.isDirectory(root.resolve("examples/index"))) {
      log("no warm-up: no examples/index in the repository of " + jar);
      return;
    }
    Path cache = null;
    try {
      cache = Files.createTempDirectory("pylock4j-warm-up");
      PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
      for (int i = 0; i < 2 && !Thread.currentThread().isInterrupted(); i++) {
        MAIN.run(new CliContext(sink, sink, Map.of(), false, TargetDetector.NONE),
            "lock", "-r", root.resolve("examples/webapp/requirements.in").toString(),
            "--index-url", root.resolve("examples/index").toString(), "--allow-unhashed",
            "--python-version", "3.12", "--python-platform", "linux",
            "--cache-dir", cache.resolve("c" + i).toString(), "--format", "requirements",
            "-o", "-", "-q");
        if (!Thread.currentThread().isInterrupted()) {
          log("warmed up (" + (i + 1) + " of 2 locks)");
        }
      }
    } catch (Throwable e) {
      log("warm-up failed: " + e);
    } finally {
      if (cache != null) {
        try (Stream<Path> files = Files.walk(cache)) {
          List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
          for (Path p : all) {
            Files.deleteIfExists(p);
          }
        } catch (IOException e) {
          log("cleaning the warm-up cache: " + e);
        }
      }
    }
  }
}
