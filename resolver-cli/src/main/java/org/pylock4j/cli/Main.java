package org.pylock4j.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    String answer = quickAnswer(args);
    if (answer != null) {
      out.print(answer);
      out.flush();
      System.exit(0);
    }
    CliContext context = new CliContext(
        out, err, System.getenv(), System.console() != null, detector(System.getenv()));
    int code = new Main(context, SatResolver::create).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** The top-level help as picocli renders it, without and with ANSI styles (see StartupTest). */
  static final String HELP = Launcher.HELP;
  static final String HELP_ANSI = Launcher.HELP_ANSI;

  /**
   * The output of {@code --version} and of the top-level {@code --help} without picocli (see
   * {@link Launcher#quickAnswer}, which the launcher jar answers with), or null.
   */
  static String quickAnswer(String... args) {
    return Launcher.quickAnswer(System.getenv(), args);
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
    CliContext context =
        new CliContext(out, err, System.getenv(), false, detector(System.getenv()));
    return new Main(context, SatResolver::create).run(args);
  }

  /**
   * Target detection: {@code python3}, or the interpreter {@code PYLOCK4J_PYTHON} names; none
   * when that variable is set but empty. The answer of an interpreter binary is remembered in the
   * user cache directory (see TargetDetector.python).
   */
  static TargetDetector detector(Map<String, String> environment) {
    String python = environment.get("PYLOCK4J_PYTHON");
    if (python != null && python.isBlank()) {
      return TargetDetector.NONE;
    }
    return TargetDetector.python(python == null ? "python3" : python,
        IndexOptions.defaultCacheDir(environment), environment);
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
      return new String[] {Launcher.version()};
    }
  }

  /** The subcommands in help order, and their classes (whose annotations describe them). */
  private static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> commands = new LinkedHashMap<>();
    commands.put("lock", LockCommand.class);
    commands.put("verify", VerifyCommand.class);
    commands.put("why", WhyCommand.class);
    commands.put("audit", AuditCommand.class);
    commands.put("diff", DiffCommand.class);
    return Collections.unmodifiableMap(commands);
  }

  int run(String... args) {
    return commandLine(invoked(args), args).execute(args);
  }

  /**
   * The subcommand {@code args} run: the first argument that is not an option (the top level has
   * only {@code --help} and {@code --version}), or null.
   */
  static String invoked(String... args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return COMMANDS.containsKey(arg) ? arg : null;
      }
    }
    return null;
  }

  /**
   * The command line with the full model (options, mixins: built by reflection, the bulk of
   * start-up) of the commands in {@code full} only; every other command is a stub with the name,
   * header and description its {@code @Command} annotation gives, which is all the top-level help
   * shows. {@code full} null builds every command.
   */
  CommandLine commandLine(String full, String... args) {
    CommandLine line = new CommandLine(new Top(context));
    for (Map.Entry<String, Class<?>> command : COMMANDS.entrySet()) {
      String name = command.getKey();
      if (full != null && !full.equals(name)) {
        line.addSubcommand(name, stub(name, command.getValue()));
        continue;
      }
      line.addSubcommand(name, switch (name) {
        case "lock" -> new LockCommand(context, resolvers);
        case "verify" -> new VerifyCommand(context, resolvers);
        case "why" -> new WhyCommand(context);
        case "audit" -> new AuditCommand(context);
        case "diff" -> new DiffCommand(context);
        default -> throw new IllegalStateException("no command " + name);
      });
    }
    line.setOut(new java.io.PrintWriter(context.out(), true));
    line.setErr(new java.io.PrintWriter(context.err(), true));
    line.setCaseInsensitiveEnumValuesAllowed(true);
    if (context.styled() != null) { // a background JVM: its client's terminal decides
      line.setColorScheme(CommandLine.Help.defaultColorScheme(
          context.styled() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    }
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
    return line;
  }

  /** A command that only names and describes {@code type}'s command, for the top-level help. */
  private static CommandLine.Model.CommandSpec stub(String name, Class<?> type) {
    Command annotation = type.getAnnotation(Command.class);
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(name);
    spec.usageMessage().header(annotation.header()).description(annotation.description());
    return spec;
  }
}
