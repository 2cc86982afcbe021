package org.pylock4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one command under {@code /usr/bin/time}: wall time, peak RSS, exit code, output. */
final class ChildProcess {

  /** The outcome of one run; {@code exit} is -1 on a timeout. */
  record Outcome(double millis, long rssKb, int exit, String stdout, String stderr) {
    boolean ok() {
      return exit == 0;
    }

    /** The last non-blank stderr line, for failure notes. */
    String lastError() {
      String[] lines = stderr.strip().split("\n");
      return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
  }

  private static final Path TIME = Path.of("/usr/bin/time");
  private static int counter;

  private ChildProcess() {}

  static Outcome run(List<String> command, Map<String, String> env, Path work, int timeoutSeconds) {
    try {
      int n = ++counter;
      Path rss = work.resolve("rss-" + n + ".txt");
      Path out = work.resolve("out-" + n + ".txt");
      Path err = work.resolve("err-" + n + ".txt");
      List<String> full = new ArrayList<>();
      boolean timed = Files.isExecutable(TIME);
      if (timed) {
        full.addAll(List.of(TIME.toString(), "-f", "%M", "-o", rss.toString()));
      }
      full.addAll(command);
      ProcessBuilder pb = new ProcessBuilder(full).redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env);
      long t0 = System.nanoTime();
      Process p = pb.start();
      boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      double ms = (System.nanoTime() - t0) / 1e6;
      if (!done) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
      }
      long kb = -1;
      if (timed && Files.exists(rss)) {
        List<String> lines = Files.readAllLines(rss);
        for (int i = lines.size() - 1; i >= 0; i--) {
          if (lines.get(i).strip().matches("\\d+")) {
            kb = Long.parseLong(lines.get(i).strip());
            break;
          }
        }
      }
      return new Outcome(ms, kb, done ? p.exitValue() : -1, Files.readString(out),
          Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
