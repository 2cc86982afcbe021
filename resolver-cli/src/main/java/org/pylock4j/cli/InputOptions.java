package org.pylock4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.DeclaredRequirement;
import org.pylock4j.input.PyprojectToml;
import org.pylock4j.input.RequirementsFile;
import org.pylock4j.input.ToolSettings;
import org.pylock4j.requirement.Requirement;
import picocli.CommandLine.Option;

/** What to lock: requirement arguments, requirements files, constraints, a pyproject.toml. */
final class InputOptions {

  /** The requirement arguments; each command declares its own positional parameters. */
  List<String> requirements = new ArrayList<>();

  @Option(
      names = {"-r", "--requirement"},
      paramLabel = "FILE",
      description = "A requirements file (pip syntax: comments, continuations, -r/-c, $${VAR}).")
  List<Path> requirementFiles = new ArrayList<>();

  @Option(
      names = {"-c", "--constraint"},
      paramLabel = "FILE",
      description = "A constraints file: limits versions without adding requirements.")
  List<Path> constraintFiles = new ArrayList<>();

  @Option(
      names = "--project",
      paramLabel = "PYPROJECT",
      description = "A pyproject.toml: [project] dependencies, extras, dependency groups.")
  Path project;

  @Option(
      names = "--extra",
      paramLabel = "NAME",
      description = "Include this extra of --project ([project.optional-dependencies]).")
  List<String> extras = new ArrayList<>();

  @Option(
      names = "--group",
      paramLabel = "NAME",
      description = "Include this dependency group of --project (PEP 735 [dependency-groups]).")
  List<String> groups = new ArrayList<>();

  /** True when no input at all was given. */
  boolean isEmpty() {
    return requirements.isEmpty()
        && requirementFiles.isEmpty()
        && constraintFiles.isEmpty()
        && project == null;
  }

  /** Reads every input, in the order: arguments, -r files, the project; then constraints. */
  Inputs read(Map<String, String> environment, long maxBytes) {
    if (project == null && !(extras.isEmpty() && groups.isEmpty())) {
      throw new InvalidInputException(
          "--extra and --group select parts of --project; give --project pyproject.toml",
          !extras.isEmpty() ? "--extra " + extras.get(0) : "--group " + groups.get(0));
    }
    List<DeclaredRequirement> roots = new ArrayList<>();
    List<DeclaredRequirement> constraints = new ArrayList<>();
    Inputs.IndexHints hints = new Inputs.IndexHints();
    for (int i = 0; i < requirements.size(); i++) {
      roots.add(argument(requirements.get(i), i + 1));
    }
    for (Path file : requirementFiles) {
      RequirementsFile parsed = RequirementsFile.read(file, environment, maxBytes);
      roots.addAll(parsed.requirements());
      constraints.addAll(parsed.constraints());
      hints.add(parsed);
    }
    for (Path file : constraintFiles) {
      RequirementsFile parsed = RequirementsFile.readConstraints(file, environment, maxBytes);
      constraints.addAll(parsed.constraints());
      hints.add(parsed);
    }
    ToolSettings settings = ToolSettings.NONE;
    if (project != null) {
      PyprojectToml pyproject = PyprojectToml.read(project, maxBytes);
      roots.addAll(pyproject.requirements(extras, groups));
      settings = pyproject.settings();
      constraints.addAll(settings.constraints());
    }
    return new Inputs(roots, constraints, hints, settings);
  }

  private static DeclaredRequirement argument(String text, int position) {
    String where = "<argument " + position + ">";
    try {
      return DeclaredRequirement.of(Requirement.parse(text.strip()), where, 0, 0);
    } catch (InvalidInputException e) {
      String reason = e.reason();
      int newline = reason.indexOf('\n');
      throw new InvalidInputException(
          "invalid requirement '" + text + "': "
              + (newline < 0 ? reason : reason.substring(0, newline))
              + (e.column() > 0 ? " (at column " + e.column() + ")" : ""),
          text,
          where,
          0,
          0);
    }
  }
}
