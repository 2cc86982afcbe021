package org.pylock4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.pylock4j.sat.SatResolver;

/** Runs the command in-process, capturing its output; never exits the JVM. */
final class Cli {

  /** What one run did. */
  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Cli() {}

  static Result run(String... args) {
    return run(TargetDetector.NONE, Map.of(), args);
  }

  static Result run(TargetDetector detector, Map<String, String> environment, String... args) {
    return run(false, detector, environment, args);
  }

  static Result run(
      boolean terminal, TargetDetector detector, Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    CliContext context = new CliContext(outStream, errStream, environment, terminal, detector);
    int code = new Main(context, SatResolver::create).run(args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
