package org.pylock4j.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * What a run of the command talks to: its output streams, the environment variables requirements
 * files expand, whether stderr is a terminal, and how the target environment is detected. Tests
 * build their own; {@link Main#main} uses the process's.
 *
 * @param out standard output (the lock when {@code -o -}, the answers of {@code why})
 * @param err standard error (progress, warnings, errors)
 * @param environment environment variables for {@code ${VAR}} in requirements files
 * @param terminal whether {@code err} is a terminal (progress lines are shown only then)
 * @param detector finds the marker environment of the local Python
 * @param styled whether help is styled (ANSI); null: as picocli decides for this JVM (a background
 *     JVM decides for its client's terminal and environment instead, see Launcher.styled)
 */
record CliContext(
    PrintStream out,
    PrintStream err,
    Map<String, String> environment,
    boolean terminal,
    TargetDetector detector,
    Boolean styled) {

  CliContext {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(detector, "detector");
  }

  CliContext(PrintStream out, PrintStream err, Map<String, String> environment, boolean terminal,
      TargetDetector detector) {
    this(out, err, environment, terminal, detector, null);
  }
}
