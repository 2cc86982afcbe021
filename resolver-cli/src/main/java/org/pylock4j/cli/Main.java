package org.pylock4j.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.pylock4j.resolve.Resolver;
import org.pylock4j.sat.SatResolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pylock4j} command: {@code lock}, {@code verify}, {@code why}.
 *
 * <p>{@link #main} runs it for the process and exits with its code; {@link #run} runs it for a
 * caller (tests, an embedding tool) and returns the code without exiting.
 */
public final class Main {

  private final CliContext context;
  private final Supplier<Resolver> resolvers;

  Main(CliContext context, Supplier<Resolver> resolvers) {
    this.context = context;
    this.resolvers = resolvers;
  }

  /**
   * Runs the command and exits the JVM with its exit code.
   *
   * @param args the command line, as the JVM passed it
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    CliContext context =
        new CliContext(out, err, System.getenv(), System.console() != null, detector());
    int code = new Main(context, SatResolver::create).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command with the process's streams and environment, without exiting.
   *
   * @param out where results go (a lock with {@code -o -}), must not be null
   * @param err where errors, warnings and progress go, must not be null
   * @param args the arguments, must not be null
   * @return the exit code: 0 ok, 1 unsatisfiable or drift, 2 bad input, 3 index failure, 4 other
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    CliContext context = new CliContext(out, err, System.getenv(), false, detector());
    return new Main(context, SatResolver::create).run(args);
  }

  /**
   * Target detection: {@code python3}, or the interpreter {@code PYLOCK4J_PYTHON} names; none
   * when that variable is set but empty.
   */
  static TargetDetector detector() {
    String python = System.getenv("PYLOCK4J_PYTHON");
    if (python == null) {
      return TargetDetector.python("python3");
    }
    return python.isBlank() ? TargetDetector.NONE : TargetDetector.python(python);
  }

  /** The top-level command: only subcommands. */
  @Command(
      name = "pylock4j",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = "Resolves Python dependencies with a SAT solver and writes reproducible, "
          + "hash-annotated locks. No package code is ever run.",
      footer = "%nExit codes: 0 ok; 1 unsatisfiable, or verify found drift; 2 bad input; 3 index "
          + "or network failure; 4 other failure (run with --verbose).")
  static final class Top implements Runnable {
    private final CliContext context;

    Top(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "a command is needed: lock, verify, why, audit or diff");
    }
  }

  /** The version picocli prints for --version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"pylock4j " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }

  int run(String... args) {
    List<String> arguments = Arrays.asList(args);
    CommandLine line = new CommandLine(new Top(context));
    line.addSubcommand("lock", new LockCommand(context, resolvers));
    line.addSubcommand("verify", new VerifyCommand(context, resolvers));
    line.addSubcommand("why", new WhyCommand(context));
    line.addSubcommand("audit", new AuditCommand(context));
    line.addSubcommand("diff", new DiffCommand(context));
    line.setOut(new java.io.PrintWriter(context.out(), true));
    line.setErr(new java.io.PrintWriter(context.err(), true));
    line.setCaseInsensitiveEnumValuesAllowed(true);
    line.setParameterExceptionHandler(
        (e, ignored) -> {
          CommandLine command = e.getCommandLine();
          String message = e.getMessage();
          if (e instanceof CommandLine.UnmatchedArgumentException unmatched
              && !unmatched.getSuggestions().isEmpty()) {
            message += "; did you mean " + unmatched.getSuggestions().get(0) + "?";
          }
          context.err().println("error: " + org.pylock4j.internal.Redaction.redact(message));
          String name = command.getCommandSpec().qualifiedName();
          context.err().println("Run '" + name + " --help' for the options.");
          context.err().flush();
          return Exit.BAD_INPUT;
        });
    line.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          // commands report their own failures; this is a failure of picocli's plumbing
          return new Reporter(context.err(), false, false, true).failure(e);
        });
    return line.execute(args);
  }
}
