package org.pylock4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pylock4j.testing.SimpleIndexServer;

/**
 * pylock4j against pip, side by side, on the same loopback index in the same run. See
 * bench/README.md for the data and the meaning of each column.
 *
 * <pre>{@code
 * python3 bench/make_indexes.py --snapshot /work/shared/pypi-snapshot --out /tmp/pylock4j-bench
 * java -cp bench/target/benchmarks.jar org.pylock4j.bench.Compare --data /tmp/pylock4j-bench \
 *     --snapshot /work/shared/pypi-snapshot [--case NAME]... [--reps 5] [--out results.md]
 * }</pre>
 *
 * <p>Per root set, each repetition runs, interleaved: pip with no cache, pip with a warm cache,
 * {@code pylock4j lock} in a fresh JVM with a new (cold) cache directory, the same with a warm
 * cache directory, and both again through the launcher script with {@code PYLOCK4J_DAEMON=1}
 * (the warm background JVM, after one untimed call that starts it; "n/a" when the launcher has
 * none, see {@link Daemons}). Then one child JVM ({@link LibraryRun}) measures the library warm,
 * the re-lock after a one-line change, and checks pip's answer against pylock4j's objective.
 */
public final class Compare {

  /** One line of cases.tsv. */
  record Case(String name, Path roots, String index, String relock) {}

  private final Options o;
  private final Path work;
  private final int reps;
  private final int timeout;
  private final String python;
  private final Path env;
  private final Map<String, SimpleIndexServer> servers = new HashMap<>();
  private final Report report;
  private final Daemons daemons;

  private Compare(Options o) throws IOException {
    this.o = o;
    this.work = Files.createTempDirectory("pylock4j-compare-");
    this.reps = o.getInt("--reps", 5);
    this.timeout = o.getInt("--timeout", 300);
    this.python = o.get("--python", "python3");
    this.env = work.resolve("environment.json");
    this.report = new Report(reps);
    this.daemons = o.has("--no-daemon") ? null
        : new Daemons(Path.of(o.get("--launcher", "pylock4j")), work);
  }

  /** Runs the comparison; see the class comment. */
  public static void main(String[] args) throws IOException {
    Options o = Options.parse(args);
    Compare c = new Compare(o);
    try {
      c.run();
    } finally {
      c.servers.values().forEach(SimpleIndexServer::close);
      if (c.daemons != null) {
        c.daemons.stop();
      }
    }
  }

  private void run() throws IOException {
    Path snapshot = Path.of(o.get("--snapshot", "/work/shared/pypi-snapshot"));
    Path data = Path.of(o.get("--data", "/tmp/pylock4j-bench"));
    List<Case> cases = readCases(Path.of(o.get("--cases", "bench/cases.tsv")), snapshot);
    ChildProcess.Outcome envRun = ChildProcess.run(List.of(python, "-c",
        "import json,sys\nfrom pip._vendor.packaging.markers import default_environment\n"
            + "json.dump(default_environment(), sys.stdout)"), Map.of(), work, 60);
    Files.writeString(env, envRun.stdout());
    String pipVersion = ChildProcess.run(List.of(python, "-m", "pip", "--version"), Map.of(), work,
        60).stdout().strip();
    report.header(List.of(
        "date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS),
        "machine: " + Runtime.getRuntime().availableProcessors() + " cores; load average at start: "
            + loadAverage(),
        "java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        "pip: " + pipVersion,
        "target: " + envRun.stdout().strip(),
        "CLI JVM options: " + o.get("--cli-opts", DEFAULT_CLI_OPTS),
        "library JVM options: " + o.get("--lib-opts", "(defaults)"),
        "background JVM: " + (daemons == null ? "not measured (--no-daemon)"
            : "PYLOCK4J_DAEMON=1 " + daemons.launcher() + " (its own JVM options)"),
        "repetitions: " + reps));
    for (Case c : cases) {
      if (!o.all("--case").isEmpty() && !o.all("--case").contains(c.name())) {
        continue;
      }
      if (c.index().equals(MIRROR)) {
        List<String> urls = mirrors();
        if (urls.isEmpty()) {
          System.err.println("== " + c.name() + ": skipped, pip has no global.extra-index-url");
          continue;
        }
        System.err.println("== " + c.name() + " on " + urls + " (load " + loadAverage() + ")");
        report.add(measure(c, null, urls));
        continue;
      }
      Path index = data.resolve(c.index());
      SimpleIndexServer server =
          servers.computeIfAbsent(c.index(), k -> SimpleIndexServer.start(index));
      System.err.println("== " + c.name() + " on " + server.indexUrl() + " (load " + loadAverage() + ")");
      report.add(measure(c, server, List.of(server.indexUrl())));
    }
    if (o.has("--startup")) {
      report.startup(startup());
    }
    report.footer("load average at the end: " + loadAverage());
    String markdown = report.markdown();
    System.out.println(markdown);
    if (o.has("--out")) {
      Files.writeString(Path.of(o.get("--out", null)), markdown);
    }
  }

  static final String DEFAULT_CLI_OPTS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto";

  /** The index column of cases.tsv that means "the mirrors pip is configured with". */
  static final String MIRROR = "mirror";

  private List<String> mirrors;

  /** The machine's local mirrors: {@code pip config get global.extra-index-url}, in order. */
  private List<String> mirrors() {
    if (mirrors == null) {
      ChildProcess.Outcome r = ChildProcess.run(List.of(python, "-m", "pip", "config", "get",
          "global.extra-index-url"), Map.of(), work, 60);
      mirrors = split(r.stdout());
    }
    return mirrors;
  }

  /**
   * {@code --version} and {@code --help} of the CLI: wall time of a fresh JVM with the CLI
   * options, median (min–max) of the repetitions.
   */
  private List<Report.Measured[]> startup() {
    List<Report.Measured[]> rows = new ArrayList<>();
    for (String arg : List.of("--version", "--help")) {
      Report.Measured m = new Report.Measured();
      Report.Measured launcher = new Report.Measured();
      List<String> cmd = new ArrayList<>(List.of(javaBinary()));
      cmd.addAll(split(o.get("--cli-opts", DEFAULT_CLI_OPTS)));
      cmd.addAll(List.of("-jar", o.get("--jar", "resolver-cli/target/pylock4j.jar"), arg));
      ChildProcess.run(cmd, Map.of(), work, timeout); // warm the page cache
      List<String> viaLauncher = daemons == null ? null : daemons.command(List.of(arg));
      if (viaLauncher != null) {
        ChildProcess.run(viaLauncher, daemons.environment(), work, timeout);
      }
      for (int i = 0; i < Math.max(reps, 5); i++) {
        m.add(ChildProcess.run(cmd, Map.of(), work, timeout), "");
        if (viaLauncher != null) {
          launcher.add(ChildProcess.run(viaLauncher, daemons.environment(), work, timeout), "");
        }
      }
      m.label = arg;
      launcher.label = arg;
      rows.add(new Report.Measured[] {m, launcher});
    }
    return rows;
  }

  private Report.Row measure(Case c, SimpleIndexServer server, List<String> urls) throws IOException {
    Report.Row row = new Report.Row(c);
    String url = String.join(" ", urls);
    Path dir = Files.createDirectories(work.resolve(c.name()));
    boolean pip = !o.has("--no-pip");
    // priming runs for the warm-cache columns (not measured)
    if (pip) {
      run(server, pipCommand(url, c, dir.resolve("prime.json"), dir.resolve("pip-cache")),
          row.pipPrime);
      pip = !row.pipPrime.timedOut();
      if (!pip) {
        row.pip.failures.addAll(row.pipPrime.failures);
        row.pipWarm.failures.addAll(row.pipPrime.failures);
      }
    }
    run(server, cliCommand(url, c, dir.resolve("prime.txt"), dir.resolve("cli-cache")), null);
    // the background JVM: one untimed call starts it (and primes its warm cache directory)
    boolean daemon = daemons != null;
    if (daemon) {
      ChildProcess.Outcome first = run(server, daemonCommand(url, c, dir.resolve("daemon-prime.txt"),
          dir.resolve("daemon-cache")), null, daemons.environment());
      row.daemonPids = daemons.find();
      if (row.daemonPids.isEmpty()) {
        daemon = false;
        row.daemonNote = "n/a: no background JVM (the launcher ran the command directly"
            + (first.ok() ? "" : "; exit " + first.exit() + ": " + first.lastError()) + ")";
      }
    } else {
      row.daemonNote = "not measured (--no-daemon)";
    }
    for (int i = 0; i < reps; i++) {
      // pip can take unbounded time on an unsatisfiable set: one timeout is enough to report
      pip &= !row.pip.timedOut() && !row.pipWarm.timedOut();
      if (pip) {
        Path json = dir.resolve("pip-" + i + ".json");
        run(server, pipCommand(url, c, json, null), row.pip);
        if (Files.exists(json)) {
          row.pipPins = Pins.fromPipReport(json);
          row.pipReport = json;
        }
        run(server, pipCommand(url, c, dir.resolve("pipw-" + i + ".json"), dir.resolve("pip-cache")),
            row.pipWarm);
      }
      Path cold = dir.resolve("cold-" + i + ".txt");
      run(server, cliCommand(url, c, cold, dir.resolve("cold-cache-" + i)), row.cliCold);
      if (Files.exists(cold)) {
        row.cliPins = Pins.fromRequirementsLock(cold);
      }
      run(server, cliCommand(url, c, dir.resolve("warm-" + i + ".txt"), dir.resolve("cli-cache")),
          row.cliWarm);
      if (daemon) {
        Path daemonCold = dir.resolve("daemon-cold-" + i + ".txt");
        run(server, daemonCommand(url, c, daemonCold, dir.resolve("daemon-cold-cache-" + i)),
            row.daemonCold, daemons.environment());
        if (Files.exists(daemonCold) && row.cliPins != null
            && !Pins.fromRequirementsLock(daemonCold).equals(row.cliPins)) {
          row.daemonCold.failures.add("a lock other than the direct run's");
        }
        run(server, daemonCommand(url, c, dir.resolve("daemon-warm-" + i + ".txt"),
            dir.resolve("daemon-cache")), row.daemonWarm, daemons.environment());
      }
    }
    if (daemon) {
      row.daemonMemoryKb = Daemons.memory(row.daemonPids.get(0));
    }
    List<String> lib = new ArrayList<>(List.of(javaBinary()));
    lib.addAll(split(o.get("--lib-opts", "")));
    lib.addAll(List.of("-cp", System.getProperty("java.class.path"), LibraryRun.class.getName()));
    for (String u : urls) {
      lib.addAll(List.of("--index-url", u));
    }
    lib.addAll(List.of("--roots", c.roots().toString(), "--environment", env.toString(),
        "--reps", Integer.toString(reps), "--warmup-seconds", o.get("--warmup-seconds", "5")));
    if (!c.relock().isEmpty()) {
      lib.addAll(List.of("--relock", c.relock()));
    }
    if (row.pipReport != null) {
      lib.addAll(List.of("--pip-report", row.pipReport.toString()));
    }
    ChildProcess.Outcome libRun = ChildProcess.run(lib, Map.of(), work, timeout * 4);
    row.library(parse(libRun.stdout()), libRun);
    return row;
  }

  private void run(SimpleIndexServer server, List<String> command, Report.Measured into) {
    run(server, command, into, Map.of());
  }

  private ChildProcess.Outcome run(SimpleIndexServer server, List<String> command,
      Report.Measured into, Map<String, String> extraEnv) {
    Map<String, Long> before = server == null ? Map.of() : server.requestCounts();
    Map<String, String> env = new HashMap<>(Map.of("PIP_CONFIG_FILE", "/dev/null",
        "PIP_DISABLE_PIP_VERSION_CHECK", "1", "PIP_NO_INPUT", "1"));
    env.putAll(extraEnv);
    ChildProcess.Outcome r = ChildProcess.run(command, env, work, timeout);
    if (into != null) {
      into.add(r, server == null ? "" : requests(before, server.requestCounts()));
    }
    return r;
  }

  /** "pages+metadata" (+ "+files" when whole files were fetched) between two count snapshots. */
  static String requests(Map<String, Long> before, Map<String, Long> after) {
    long pages = 0;
    long metadata = 0;
    long files = 0;
    for (Map.Entry<String, Long> e : after.entrySet()) {
      long n = e.getValue() - before.getOrDefault(e.getKey(), 0L);
      if (e.getKey().endsWith("/")) {
        pages += n;
      } else if (e.getKey().endsWith(".metadata")) {
        metadata += n;
      } else {
        files += n;
      }
    }
    return pages + "+" + metadata + (files > 0 ? "+" + files : "");
  }

  private List<String> pipCommand(String url, Case c, Path report, Path cacheDir) {
    List<String> urls = split(url);
    List<String> cmd = new ArrayList<>(List.of(python, "-m", "pip", "install", "--dry-run",
        "--ignore-installed", "--report", report.toString(), "--index-url", urls.get(0),
        "--isolated", "--only-binary", ":all:", "--disable-pip-version-check", "--quiet"));
    for (String extra : urls.subList(1, urls.size())) {
      cmd.addAll(List.of("--extra-index-url", extra));
    }
    if (cacheDir == null) {
      cmd.add("--no-cache-dir");
    } else {
      cmd.addAll(List.of("--cache-dir", cacheDir.toString()));
    }
    cmd.addAll(List.of("-r", c.roots().toString()));
    return cmd;
  }

  private List<String> cliCommand(String url, Case c, Path out, Path cacheDir) {
    List<String> cmd = new ArrayList<>(List.of(javaBinary()));
    cmd.addAll(split(o.get("--cli-opts", DEFAULT_CLI_OPTS)));
    cmd.addAll(List.of("-jar", o.get("--jar", "resolver-cli/target/pylock4j.jar")));
    cmd.addAll(lockArguments(url, c, out, cacheDir));
    return cmd;
  }

  /** The same lock through the launcher script, for the background JVM. */
  private List<String> daemonCommand(String url, Case c, Path out, Path cacheDir) {
    return daemons.command(lockArguments(url, c, out, cacheDir));
  }

  private List<String> lockArguments(String url, Case c, Path out, Path cacheDir) {
    List<String> cmd = new ArrayList<>();
    List<String> urls = split(url);
    cmd.addAll(List.of("lock", "-q",
        "-r", c.roots().toString(), "--index-url", urls.get(0)));
    for (String extra : urls.subList(1, urls.size())) {
      cmd.addAll(List.of("--extra-index-url", extra));
    }
    cmd.addAll(List.of("--environment", env.toString(),
        "--format", "requirements", "--allow-unhashed", "-o", out.toString(), "--cache-dir",
        cacheDir.toString()));
    return cmd;
  }

  private static List<String> split(String opts) {
    return Arrays.stream(opts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Map<String, String> parse(String keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : keyValues.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        m.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    return m;
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static List<Case> readCases(Path file, Path snapshot) throws IOException {
    List<Case> cases = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length < 3) {
        throw new IllegalArgumentException(file + ": expected name, roots, index[, relock]: " + line);
      }
      Path roots = Path.of(f[1].replace("$SNAPSHOT", snapshot.toString()));
      cases.add(new Case(f[0], roots, f[2], f.length > 3 && !f[3].equals("-") ? f[3] : ""));
    }
    return cases;
  }
}
