package org.pylock4j.locker;

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

/**
 * Everything read from the inputs of one request.
 *
 * @param roots the root requirements, in input order
 * @param constraints the constraints
 * @param overrides the overrides
 * @param hints index options found in requirements files
 * @param settings the [tool.pylock4j] settings of the project
 * @param pyproject the project file read, or null
 */
record Inputs(
    List<DeclaredRequirement> roots,
    List<DeclaredRequirement> constraints,
    List<Requirement> overrides,
    Inputs.IndexHints hints,
    ToolSettings settings,
    PyprojectToml pyproject) {

  Inputs {
    roots = List.copyOf(roots);
    constraints = List.copyOf(constraints);
    overrides = List.copyOf(overrides);
  }

  /** Index options of requirements files (--index-url, --extra-index-url, --pre, …). */
  static final class IndexHints {
    String indexUrl;
    final List<String> extraIndexUrls = new ArrayList<>();
    boolean noIndex;
    boolean prereleases;
    boolean onlyBinary;

    void add(RequirementsFile file) {
      file.indexUrl().ifPresent(url -> indexUrl = url);
      for (String url : file.extraIndexUrls()) {
        if (!extraIndexUrls.contains(url)) {
          extraIndexUrls.add(url);
        }
      }
      noIndex |= file.noIndex();
      prereleases |= file.prereleases();
      onlyBinary |= file.onlyBinary();
    }
  }

  /** Whether {@code request} names no input at all. */
  static boolean isEmpty(LockRequest request) {
    return request.requirements().isEmpty()
        && request.requirementsFiles().isEmpty()
        && request.constraintsFiles().isEmpty()
        && request.project().isEmpty();
  }

  /**
   * Reads every input, in the order: requirement strings, requirements files, the project; then
   * constraints files and strings, then overrides.
   */
  static Inputs read(LockRequest request, Map<String, String> environment) {
    Path project = request.project().orElse(null);
    if (project == null && !(request.extras().isEmpty() && request.groups().isEmpty())) {
      throw new InvalidInputException(
          "--extra and --group select parts of --project; give --project pyproject.toml",
          !request.extras().isEmpty()
              ? "--extra " + request.extras().iterator().next()
              : "--group " + request.groups().iterator().next());
    }
    List<DeclaredRequirement> roots = new ArrayList<>();
    List<DeclaredRequirement> constraints = new ArrayList<>();
    IndexHints hints = new IndexHints();
    List<String> requirements = request.requirements();
    for (int i = 0; i < requirements.size(); i++) {
      roots.add(argument(requirements.get(i), "<argument " + (i + 1) + ">"));
    }
    for (Path file : request.requirementsFiles()) {
      RequirementsFile parsed =
          RequirementsFile.read(file, environment, request.maxInputBytes());
      roots.addAll(parsed.requirements());
      constraints.addAll(parsed.constraints());
      hints.add(parsed);
    }
    for (Path file : request.constraintsFiles()) {
      RequirementsFile parsed =
          RequirementsFile.readConstraints(file, environment, request.maxInputBytes());
      constraints.addAll(parsed.constraints());
      hints.add(parsed);
    }
    ToolSettings settings = ToolSettings.NONE;
    PyprojectToml pyproject = null;
    if (project != null) {
      pyproject = PyprojectToml.read(project, request.maxInputBytes());
      roots.addAll(pyproject.requirements(
          new ArrayList<>(request.extras()), new ArrayList<>(request.groups())));
      settings = pyproject.settings();
      constraints.addAll(settings.constraints());
    }
    List<String> constraintStrings = request.constraints();
    for (int i = 0; i < constraintStrings.size(); i++) {
      constraints.add(argument(constraintStrings.get(i), "<constraint " + (i + 1) + ">"));
    }
    List<Requirement> overrides = new ArrayList<>();
    List<String> overrideStrings = request.overrides();
    for (int i = 0; i < overrideStrings.size(); i++) {
      overrides.add(argument(overrideStrings.get(i), "<override " + (i + 1) + ">").requirement());
    }
    return new Inputs(roots, constraints, overrides, hints, settings, pyproject);
  }

  private static DeclaredRequirement argument(String text, String where) {
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
