package org.pylock4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CLI through the launcher script with {@code PYLOCK4J_DAEMON=1}: the warm background JVM
 * when the launcher has one, else (a launcher without it ignores the variable) a direct run,
 * which {@link #find} tells apart.
 *
 * <p>The runs get a private {@code XDG_RUNTIME_DIR} (the directory the launcher keeps its
 * background JVMs' sockets in), so that they neither use nor disturb the user's own background
 * JVMs, and so that the background JVMs this bench started are known: the live processes whose
 * environment names that directory and whose command line names the CLI jar. {@link #stop} ends
 * exactly those, by process id.
 */
final class Daemons {

  private final Path launcher;
  private final Path runtimeDir;

  Daemons(Path launcher, Path work) throws IOException {
    this.launcher = launcher.toAbsolutePath();
    this.runtimeDir = work.resolve("xdg-runtime");
    Files.createDirectories(runtimeDir);
    try {
      Files.setPosixFilePermissions(runtimeDir, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the launcher decides whether it can use the directory
    }
  }

  /** The launcher script. */
  Path launcher() {
    return launcher;
  }

  /** The environment of a run through the background JVM. */
  Map<String, String> environment() {
    return Map.of("PYLOCK4J_DAEMON", "1", "XDG_RUNTIME_DIR", runtimeDir.toString());
  }

  /** The command: the launcher script and {@code args}. */
  List<String> command(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(args);
    return cmd;
  }

  /** The background JVMs this bench's runs started and that still run (process ids). */
  List<Long> find() {
    String marker = "XDG_RUNTIME_DIR=" + runtimeDir;
    String jar = launcher.getParent().resolve("resolver-cli/target").toString();
    List<Long> pids = new ArrayList<>();
    ProcessHandle self = ProcessHandle.current();
    ProcessHandle.allProcesses().forEach(p -> {
      if (p.pid() == self.pid() || !p.isAlive()) {
        return;
      }
      String cmdline = read(p.pid(), "cmdline");
      if (cmdline == null || !cmdline.contains(jar) || !cmdline.contains("java")) {
        return;
      }
      String environ = read(p.pid(), "environ");
      if (environ != null && List.of(environ.split("\0")).contains(marker)) {
        pids.add(p.pid());
      }
    });
    return pids;
  }

  /** {@code VmHWM} (peak) and {@code VmRSS} of {@code pid} in kB, or null when it is gone. */
  static long[] memory(long pid) {
    String status = read(pid, "status");
    if (status == null) {
      return null;
    }
    long hwm = -1;
    long rss = -1;
    for (String line : status.split("\n")) {
      if (line.startsWith("VmHWM:")) {
        hwm = kb(line);
      } else if (line.startsWith("VmRSS:")) {
        rss = kb(line);
      }
    }
    return new long[] {hwm, rss};
  }

  /**
   * Ends the background JVMs this bench started (see {@link #find}), by process id: asked to stop
   * (SIGTERM), then, when one still runs after 10 s, killed.
   */
  void stop() {
    for (long pid : find()) {
      ProcessHandle.of(pid).ifPresent(p -> {
        p.destroy();
        try {
          p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
          p.destroyForcibly();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          p.destroyForcibly();
        }
      });
    }
  }

  private static long kb(String statusLine) {
    String digits = statusLine.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? -1 : Long.parseLong(digits);
  }

  private static String read(long pid, String file) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), file)),
          StandardCharsets.UTF_8);
    } catch (IOException | SecurityException e) {
      return null; // gone, or not ours
    }
  }
}
