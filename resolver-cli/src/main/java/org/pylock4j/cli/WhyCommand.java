package org.pylock4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.Pylock;
import org.pylock4j.lock.PylockPackage;
import org.pylock4j.lock.RequirementsTxt;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
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

  /** The lock as a graph: versions, who requires whom, and the roots. */
  private record Graph(
      Map<ProjectName, String> versions,
      Map<ProjectName, TreeSet<ProjectName>> parents,
      Map<ProjectName, List<String>> roots) {}

  @Override
  int run() {
    if (!ProjectName.isValid(name)) {
      throw new InvalidInputException("'" + name + "' is not a project name", name);
    }
    ProjectName wanted = ProjectName.of(name);
    if (!Files.isRegularFile(lock)) {
      throw new InvalidInputException("no such file: " + lock, lock.toString());
    }
    Graph graph =
        lock.getFileName().toString().endsWith(".toml")
            ? fromPylock(LockFiles.readPylock(lock, maxInput()))
            : fromRequirements(LockFiles.readRequirementsTxt(lock, maxInput()));
    if (!graph.versions().containsKey(wanted)) {
      context.err().println("error: " + wanted + " is not in " + lock);
      return Exit.NO;
    }
    List<List<ProjectName>> chains = new ArrayList<>();
    walk(graph, wanted, new ArrayList<>(List.of(wanted)), chains);
    chains.sort((a, b) -> Integer.compare(a.size(), b.size()));
    context.out().println(label(graph, wanted) + " is required by:");
    if (chains.isEmpty()) {
      context.out().println("  (nothing in the lock: it is not reachable from a root)");
    }
    int shown = 0;
    for (List<ProjectName> chain : chains) {
      if (shown++ == MAX_CHAINS) {
        context.out().println("  … and " + (chains.size() - MAX_CHAINS) + " more chains");
        break;
      }
      ProjectName root = chain.get(chain.size() - 1);
      StringBuilder line = new StringBuilder("  ");
      line.append(String.join(", ", graph.roots().get(root)));
      for (int i = chain.size() - 1; i >= 0; i--) {
        line.append(" -> ").append(label(graph, chain.get(i)));
      }
      context.out().println(line);
    }
    return Exit.OK;
  }

  /** Collects every path from {@code node} up to a root, without cycles, shortest first. */
  private static void walk(
      Graph graph, ProjectName node, List<ProjectName> path, List<List<ProjectName>> out) {
    if (out.size() > MAX_CHAINS * 4) {
      return;
    }
    if (graph.roots().containsKey(node)) {
      out.add(List.copyOf(path));
    }
    for (ProjectName parent : graph.parents().getOrDefault(node, new TreeSet<>())) {
      if (!path.contains(parent)) {
        path.add(parent);
        walk(graph, parent, path, out);
        path.remove(path.size() - 1);
      }
    }
  }

  private static String label(Graph graph, ProjectName name) {
    String version = graph.versions().get(name);
    return version == null ? name.toString() : name + " " + version;
  }

  private static Graph fromPylock(Pylock lock) {
    Map<ProjectName, String> versions = new TreeMap<>();
    Map<ProjectName, TreeSet<ProjectName>> parents = new TreeMap<>();
    for (PylockPackage p : lock.packages()) {
      versions.put(p.name(), p.version() == null ? null : p.version().toString());
      for (PylockPackage.Dependency d : p.dependencies()) {
        parents.computeIfAbsent(d.name(), k -> new TreeSet<>()).add(p.name());
      }
    }
    Map<ProjectName, List<String>> roots = new LinkedHashMap<>();
    for (String text : lock.pylock4jRequirements()) {
      Requirement r = Requirement.parse(text);
      roots.computeIfAbsent(r.projectName(), k -> new ArrayList<>()).add(text + " (requested)");
    }
    if (roots.isEmpty()) {
      // no recorded roots: every package nothing depends on is one
      for (ProjectName p : versions.keySet()) {
        if (!parents.containsKey(p)) {
          roots.put(p, List.of(p + " (requested)"));
        }
      }
    }
    return new Graph(versions, parents, roots);
  }

  private static Graph fromRequirements(RequirementsTxt lock) {
    Map<ProjectName, String> versions = new TreeMap<>();
    Map<ProjectName, TreeSet<ProjectName>> parents = new TreeMap<>();
    Map<ProjectName, List<String>> roots = new LinkedHashMap<>();
    for (RequirementsTxt.Pin p : lock.pins()) {
      versions.put(p.name(), p.version() == null ? p.url() : p.version().toString());
      for (String via : p.via()) {
        if (via.startsWith("-r ") || via.startsWith("-c ") || !ProjectName.isValid(via)) {
          roots.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(via);
        } else {
          parents.computeIfAbsent(p.name(), k -> new TreeSet<>()).add(ProjectName.of(via));
        }
      }
    }
    return new Graph(versions, parents, roots);
  }
}
