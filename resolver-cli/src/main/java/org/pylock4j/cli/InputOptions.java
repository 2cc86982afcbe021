package org.pylock4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pylock4j.locker.LockRequest;
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

  /** Adds the inputs to {@code request}. */
  void applyTo(LockRequest.Builder request) {
    request.requirements(requirements);
    requirementFiles.forEach(request::requirementsFile);
    constraintFiles.forEach(request::constraintsFile);
    request.project(project);
    extras.forEach(request::extra);
    groups.forEach(request::group);
  }
}
