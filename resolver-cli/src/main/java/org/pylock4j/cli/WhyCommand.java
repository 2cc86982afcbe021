package org.pylock4j.cli;

import java.nio.file.Path;
import java.util.List;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.locker.LockGraph;
import org.pylock4j.requirement.ProjectName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pylock4j why}: the chains of requirements that pull a package into a lock. */
@Command(
    name = "why",
    mixinStandardHelpOptions = true,
    header = "Show the chains of requirements that pull a package into a lock.",
    description = "Prints the chains of requirements that pull NAME into LOCK.",
    footer = "%nExit codes: 0 answered; 1 NAME is not in the lock; 2 bad input.")
final class WhyCommand extends Base {

  /** At most this many chains are printed. */
  static final int MAX_CHAINS = 50;

  @Parameters(index = "0", paramLabel = "NAME", description = "The package.")
  String name;

  @Parameters(index = "1", paramLabel = "LOCK", description = "The lock: pylock.toml or a .txt.")
  Path lock;

  WhyCommand(CliContext context) {
    super(context);
  }

  @Override
  int run() {
    if (!ProjectName.isValid(name)) {
      throw new InvalidInputException("'" + name + "' is not a project name", name);
    }
    ProjectName wanted = ProjectName.of(name);
    LockGraph graph = LockGraph.of(LockFiles.read(lock, maxInput()));
    if (!graph.contains(wanted)) {
      context.err().println("error: " + wanted + " is not in " + lock);
      return Exit.NO;
    }
    List<LockGraph.Chain> chains = graph.why(wanted, MAX_CHAINS * 4);
    context.out().println(label(graph, wanted) + " is required by:");
    if (chains.isEmpty()) {
      context.out().println("  (nothing in the lock: it is not reachable from a root)");
    }
    int shown = 0;
    for (LockGraph.Chain chain : chains) {
      if (shown++ == MAX_CHAINS) {
        context.out().println("  … and " + (chains.size() - MAX_CHAINS) + " more chains");
        break;
      }
      StringBuilder line = new StringBuilder("  ");
      line.append(String.join(", ", chain.requestedAs()));
      for (ProjectName p : chain.path()) {
        line.append(" -> ").append(label(graph, p));
      }
      context.out().println(line);
    }
    return Exit.OK;
  }

  private static String label(LockGraph graph, ProjectName name) {
    return graph.version(name).map(v -> name + " " + v).orElse(name.toString());
  }
}
