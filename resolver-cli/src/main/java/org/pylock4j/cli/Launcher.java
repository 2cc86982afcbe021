package org.pylock4j.cli;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The launcher: a tiny JVM (JDK classes only, in {@code pylock4j-launcher.jar}) that the {@code
 * pylock4j} script starts first. It answers {@code --version} and the top-level {@code --help}
 * itself, and with {@code -Dpylock4j.daemon=1} hands the command to the warm background JVM of
 * this user, working directory, jar, java and JVM options ({@link Daemon}), starting one when
 * there is none. Whenever it cannot or should not, it exits with {@link #DIRECT}: the script then
 * runs the command in a JVM of its own, as it does without the launcher.
 *
 * <p>The same code answers {@code --version}/{@code --help} in {@link Main}: one implementation.
 */
final class Launcher {

  /** Exit code: "run the command directly" (documented in the {@code pylock4j} script). */
  static final int DIRECT = 125;

  /** At most this many background JVMs per user: the launcher starts no more. */
  static final int MAX_DAEMONS = 4;

  /**
   * The background JVM's options: the serial collector, CDS, JVM warnings to its log, and C1
   * only: C2's compilations cost more CPU than they save over the few runs of a session
   * (measured: a warm lock of {@code requests} 0.2-0.34 s of CPU with C2, 0.06-0.1 s without).
   */
  static final List<String> DAEMON_OPTIONS =
      List.of("-XX:+UseSerialGC", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
          "-Xlog:disable", "-Xlog:all=warning:stderr");

  /** Environment variables a JVM reads when it starts (locale, time zone, options): in the key. */
  static final List<String> JVM_VARIABLES =
      List.of("LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LC_NUMERIC", "LC_TIME",
          "LC_COLLATE", "TZ", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  private Launcher() {}

  /**
   * Answers, runs through the background JVM, or exits with {@link #DIRECT}. System properties
   * (set by the script): {@code pylock4j.daemon=1} to use the background JVM, {@code
   * pylock4j.jar} the command's jar, {@code pylock4j.umask} the shell's umask.
   */
  public static void main(String[] args) {
    System.exit(launch(System.getenv(), args));
  }

  static int launch(Map<String, String> environment, String... args) {
    String answer = quickAnswer(environment, args);
    if (answer != null) {
      OutputStream out = new FileOutputStream(FileDescriptor.out);
      try {
        out.write(answer.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        // as a direct run: stdout closed is not a failure of --version
      }
      return 0;
    }
    if (!"1".equals(System.getProperty("pylock4j.daemon"))) {
      return DIRECT;
    }
    boolean verbose = Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose");
    try {
      return new Client(environment).run(args);
    } catch (Fallback | IOException | RuntimeException e) {
      if (verbose) {
        System.err.println("pylock4j: running without the background JVM: " + e.getMessage());
        System.err.flush();
      }
      return DIRECT;
    }
  }

  // ---- --version and --help without picocli -------------------------------------------------

  /** The version line's version (the jar's Implementation-Version when it has one). */
  static String version() {
    String v = Launcher.class.getPackage().getImplementationVersion();
    return "pylock4j " + (v == null ? "0.1.0-SNAPSHOT" : v);
  }

  /** The top-level help as picocli renders it, without and with ANSI styles (see StartupTest). */
  static final String HELP = "help.txt";
  static final String HELP_ANSI = "help-ansi.txt";

  /**
   * The output of {@code --version} and of the top-level {@code --help} without picocli, whose
   * model building costs ~0.3 s of CPU in a fresh JVM: the version line, or the stored help
   * (written from picocli's rendering and compared with it by a test), styled when picocli would
   * style it ({@link #styled}). Null for anything else, or when a picocli setting could change the
   * rendering.
   */
  static String quickAnswer(Map<String, String> environment, String... args) {
    if (args.length != 1 || System.getProperty("picocli.usage.width") != null) {
      return null;
    }
    if (args[0].equals("--version") || args[0].equals("-V")) {
      return version() + System.lineSeparator();
    }
    if ((args[0].equals("--help") || args[0].equals("-h")) && System.lineSeparator().equals("\n")
        && !windows()) {
      String name = styled(tty(), environment) ? HELP_ANSI : HELP;
      try (InputStream in = Launcher.class.getResourceAsStream(name)) {
        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * Whether picocli 4.7's {@code Help.Ansi.AUTO} styles help in a JVM with this console state
   * and environment (its {@code enabled()}, step by step, for Linux and macOS; on Windows the
   * launcher defers to picocli). Shared by the launcher, {@link Main} and the background JVM,
   * which decides for its client's terminal and environment rather than its own.
   *
   * @param tty picocli's {@code isTTY()}: see {@link #tty()}
   */
  static boolean styled(boolean tty, Map<String, String> env) {
    String property = System.getProperty("picocli.ansi");
    boolean auto = property == null || "AUTO".equalsIgnoreCase(property);
    if (!auto) {
      return ("TTY".equalsIgnoreCase(property) && (tty || pseudoTty(env)))
          || "true".equalsIgnoreCase(property);
    }
    if (env.get("NO_COLOR") != null) {
      return false;
    }
    String force = env.get("CLICOLOR_FORCE");
    if (force != null && !force.equals("0")) {
      return true;
    }
    if ("0".equals(env.get("CLICOLOR")) || "OFF".equals(env.get("ConEmuANSI"))) {
      return false;
    }
    if (!tty && !pseudoTty(env)) {
      return false;
    }
    boolean hinted = env.get("ANSICON") != null || "1".equals(env.get("CLICOLOR"))
        || "ON".equals(env.get("ConEmuANSI"));
    return hinted || !windows() || xterm(env) || cygwin(env) || env.get("OSTYPE") != null;
  }

  /** picocli's {@code isTTY()}: a console, and on JDK 22+ one that is a terminal. */
  static boolean tty() {
    try {
      Object console = System.console();
      if (console == null) {
        return false;
      }
      if (Runtime.version().feature() < 22) {
        return true; // no isTerminal(): picocli's reflective call fails the same way
      }
      try {
        Method isTerminal = java.io.Console.class.getDeclaredMethod("isTerminal");
        return (Boolean) isTerminal.invoke(console);
      } catch (NoSuchMethodException e) {
        return true;
      }
    } catch (Throwable e) {
      return true;
    }
  }

  private static boolean pseudoTty(Map<String, String> env) {
    return windows() && (xterm(env) || cygwin(env) || env.get("OSTYPE") != null);
  }

  private static boolean xterm(Map<String, String> env) {
    String term = env.get("TERM");
    return term != null && term.startsWith("xterm");
  }

  private static boolean cygwin(Map<String, String> env) {
    String term = env.get("TERM");
    return term != null && term.toLowerCase(Locale.ENGLISH).contains("cygwin");
  }

  private static boolean windows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
  }

  // ---- where background JVMs live --------------------------------------------------------

  /** The platform's user cache directory for pylock4j. */
  static Path cacheDir(Map<String, String> environment) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String home = System.getProperty("user.home", ".");
    if (os.startsWith("windows")) {
      String local = environment.get("LOCALAPPDATA");
      return Path.of(local != null ? local : home, "pylock4j", "Cache");
    }
    if (os.startsWith("mac")) {
      return Path.of(home, "Library", "Caches", "pylock4j");
    }
    String xdg = environment.get("XDG_CACHE_HOME");
    return xdg != null && !xdg.isEmpty()
        ? Path.of(xdg, "pylock4j")
        : Path.of(home, ".cache", "pylock4j");
  }

  /**
   * The private directory of this user's background JVMs (sockets, locks, logs): {@code
   * $XDG_RUNTIME_DIR/pylock4j}, else {@code daemon} in the user cache directory.
   */
  static Path daemonDirectory(Map<String, String> environment) {
    String runtime = environment.get("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isEmpty() && Files.isDirectory(Path.of(runtime))) {
      return Path.of(runtime, "pylock4j");
    }
    return cacheDir(environment).resolve("daemon");
  }

  /** Creates {@code dir} (0700) when missing; fails unless it is ours and private. */
  static void makePrivate(Path dir) throws IOException {
    Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir.getParent());
      try {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(owner));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // made concurrently: checked below
      }
    }
    var attributes = Files.readAttributes(dir, java.nio.file.attribute.PosixFileAttributes.class,
        java.nio.file.LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isDirectory()
        || !attributes.owner().getName().equals(System.getProperty("user.name"))
        || !owner.containsAll(attributes.permissions())) {
      throw new IOException(dir + " is not a private directory of this user");
    }
  }

  /**
   * Everything a background JVM must share with a direct run for the run to be the same: the
   * protocol, user, working directory (the JVM's cannot change, and relative paths are resolved
   * against it everywhere), the jar (path, time, size), the java binary and its options, the
   * variables a JVM reads when it starts, and the umask (files the run writes get it).
   */
  static String keyOf(Path jar, String java, String directory, String umask,
      Map<String, String> environment) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
    StringBuilder key = new StringBuilder()
        .append("protocol ").append(LauncherProtocol.VERSION)
        .append("\nuser ").append(System.getProperty("user.name"))
        .append("\ndirectory ").append(directory)
        .append("\njar ").append(jar.toRealPath()).append(' ')
        .append(attributes.lastModifiedTime().toMillis()).append(' ').append(attributes.size())
        .append("\njava ").append(java)
        .append("\noptions ").append(String.join(" ", DAEMON_OPTIONS))
        .append("\numask ").append(umask);
    for (String name : JVM_VARIABLES) {
      key.append('\n').append(name).append(environment.containsKey(name) ? "=" + environment.get(name) : "");
    }
    return key.toString();
  }

  /**
   * The file name (without extension) of the background JVM of {@code key}: two 64-bit FNV-1a
   * hashes. Not a cryptographic hash (a JVM initialises its security providers for one, ~30 ms):
   * a daemon compares the whole key of every request with its own and refuses another.
   */
  static String nameOf(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    long a = 0xcbf29ce484222325L;
    long b = 0x84222325cbf29ce4L;
    for (int i = 0; i < bytes.length; i++) {
      a = (a ^ (bytes[i] & 0xff)) * 0x100000001b3L;
      b = (b ^ (bytes[bytes.length - 1 - i] & 0xff)) * 0x100000001b3L;
    }
    return HexFormat.of().toHexDigits(a) + HexFormat.of().toHexDigits(b);
  }

  static Path lockOf(Path socket) {
    return sibling(socket, ".lock");
  }

  static Path logOf(Path socket) {
    return sibling(socket, ".log");
  }

  private static Path sibling(Path socket, String extension) {
    String name = socket.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return socket.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
  }

  /**
   * Whether a process holds the lock of {@code lock} (a background JVM is running or starting).
   * Takes and drops the lock when free: a daemon starting at that instant retries (see Daemon).
   */
  static boolean held(Path lock) {
    if (!Files.isRegularFile(lock)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
      FileLock l = channel.tryLock();
      if (l == null) {
        return true;
      }
      l.release();
      return false;
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Sends {@code request} and copies the run's output to {@code out} and {@code err} as it comes.
   *
   * @return the run's exit code; 4 (after saying so on {@code err}) when the background JVM
   *     stopped during the run
   * @throws Fallback when the background JVM did not take the run (it is not run then)
   */
  static int talk(SocketChannel channel, LauncherProtocol.Request request, OutputStream out,
      OutputStream err, Path log) throws Fallback, IOException {
    LauncherProtocol.write(request, Channels.newOutputStream(channel));
    InputStream in = LauncherProtocol.input(channel);
    LauncherProtocol.Frame first;
    try {
      first = LauncherProtocol.next(in);
    } catch (IOException e) {
      throw new Fallback("the background JVM did not answer: " + e.getMessage());
    }
    if (first == null) {
      throw new Fallback("the background JVM closed the connection");
    }
    if (first.type() == LauncherProtocol.REFUSE) {
      throw new Fallback("the background JVM refused: "
          + new String(first.data(), StandardCharsets.UTF_8));
    }
    if (first.type() != LauncherProtocol.ACCEPT) {
      throw new Fallback("the background JVM answered frame " + first.type());
    }
    boolean outOpen = true;
    boolean errOpen = true;
    while (true) {
      LauncherProtocol.Frame frame;
      try {
        frame = LauncherProtocol.next(in);
      } catch (IOException e) {
        frame = null;
      }
      if (frame == null || frame.type() == LauncherProtocol.ACCEPT
          || frame.type() == LauncherProtocol.REFUSE) {
        Client.copy(("pylock4j: the background JVM stopped (log: " + log
            + "); run again with PYLOCK4J_DAEMON=0" + System.lineSeparator())
            .getBytes(StandardCharsets.UTF_8), err);
        return 4; // never run again directly: the run may have written files
      }
      switch (frame.type()) {
        case LauncherProtocol.OUT -> outOpen = outOpen && Client.copy(frame.data(), out);
        case LauncherProtocol.ERR -> errOpen = errOpen && Client.copy(frame.data(), err);
        default -> {
          return frame.code(); // EXIT
        }
      }
    }
  }

  /** Why the launcher does not use the background JVM this time. */
  static final class Fallback extends Exception {
    Fallback(String message) {
      super(message, null, false, false);
    }
  }

  /** The launcher's side of a run in the background JVM. */
  static final class Client {
    private final Map<String, String> environment;

    Client(Map<String, String> environment) {
      this.environment = environment;
    }

    int run(String... args) throws Fallback, IOException {
      for (int i = 0; i < args.length; i++) {
        boolean output = i > 0 && (args[i - 1].equals("-o") || args[i - 1].equals("--output"));
        if (args[i].equals("-") && !output) {
          throw new Fallback("'-' reads the standard input");
        }
      }
      String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
      if (!os.startsWith("linux") && !os.startsWith("mac")) {
        throw new Fallback("not on Linux or macOS");
      }
      String jarName = System.getProperty("pylock4j.jar");
      if (jarName == null) {
        throw new Fallback("no pylock4j.jar given");
      }
      Path jar = Path.of(jarName);
      Path dir = daemonDirectory(environment);
      makePrivate(dir);
      // this JVM's java: the script starts the launcher with the java it runs the command with
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String directory = System.getProperty("user.dir");
      String key = keyOf(jar, java, directory, System.getProperty("pylock4j.umask", "?"), environment);
      Path socket = dir.resolve(nameOf(key) + ".sock");
      if (socket.toString().getBytes(StandardCharsets.UTF_8).length > 100) {
        throw new Fallback("the socket path " + socket + " is too long");
      }
      SocketChannel channel;
      try {
        channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
      } catch (IOException e) {
        throw new Fallback(start(dir, socket, java, jar, key));
      }
      try (channel) {
        return talk(channel, socket, key, directory, args);
      }
    }

    private int talk(SocketChannel channel, Path socket, String key, String directory,
        String... args) throws Fallback, IOException {
      LauncherProtocol.Request request = new LauncherProtocol.Request(key, directory,
          System.console() != null, styled(tty(), environment), environment, List.of(args));
      return Launcher.talk(channel, request, new FileOutputStream(FileDescriptor.out),
          new FileOutputStream(FileDescriptor.err), logOf(socket));
    }

    /** Writes {@code data}; false once the stream is closed (as a direct run: output is lost). */
    static boolean copy(byte[] data, OutputStream to) {
      try {
        to.write(data);
        to.flush();
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    /**
     * Starts the background JVM of {@code socket} for the next command, unless one is running or
     * starting, one was started moments ago, or {@link #MAX_DAEMONS} run already; returns what
     * it did, for the --verbose note.
     */
    private String start(Path dir, Path socket, String java, Path jar, String key) throws IOException {
      Path log = logOf(socket);
      if (held(lockOf(socket))) {
        return "the background JVM is starting";
      }
      if (Files.exists(log) && System.currentTimeMillis()
          - Files.getLastModifiedTime(log).toMillis() < TimeUnit.SECONDS.toMillis(10)) {
        return "a background JVM was started or stopped moments ago (log: " + log + ")";
      }
      int live = 0;
      try (DirectoryStream<Path> locks = Files.newDirectoryStream(dir, "*.lock")) {
        for (Path lock : locks) {
          live += held(lock) ? 1 : 0;
        }
      }
      if (live >= MAX_DAEMONS) {
        return live + " background JVMs run already (at most " + MAX_DAEMONS + ")";
      }
      List<String> command = new ArrayList<>();
      for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
        if (Files.isExecutable(Path.of(setsid))) {
          command.add(setsid); // its own session: no terminal signals, no controlling terminal
          break;
        }
      }
      // ignore Ctrl-C, Ctrl-Z and hang-up when there is no setsid; the JVM keeps them ignored
      command.addAll(List.of("/bin/sh", "-c", "trap '' INT HUP TSTP; exec \"$@\"", "pylock4j", java));
      command.addAll(DAEMON_OPTIONS);
      command.addAll(List.of("-cp", jar.toString(), "org.pylock4j.cli.Daemon", socket.toString(),
          Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8))));
      new ProcessBuilder(command)
          .redirectInput(new File("/dev/null"))
          .redirectOutput(log.toFile())
          .redirectErrorStream(true)
          .start();
      return "started a background JVM for the next command (log: " + log + ")";
    }
  }
}
