package org.pylock4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.PyprojectToml;
import org.pylock4j.requirement.Marker;
import org.pylock4j.resolve.UniversalTarget;
import org.pylock4j.version.SpecifierSet;
import picocli.CommandLine.Option;

/**
 * A universal lock: one lock for every OS, architecture, implementation and Python the project
 * allows (PEP 751 {@code environments}, per-package {@code marker}s).
 *
 * <p>Its {@code requires-python} is {@code --requires-python}, else the project's ({@code
 * --project}), else {@code >=X.Y} from {@code --python-version X.Y}, else {@value
 * #DEFAULT_REQUIRES_PYTHON}.
 */
final class UniversalOptions {

  static final String DEFAULT_REQUIRES_PYTHON = ">=3.8";

  @Option(
      names = "--universal",
      description = "Lock for every environment (OS, architecture, implementation, Python version "
          + "the project's requires-python allows, else >=X.Y of --python-version, else "
          + DEFAULT_REQUIRES_PYTHON + "): packages carry markers saying where they install.")
  boolean universal;

  @Option(
      names = "--requires-python",
      paramLabel = "SPEC",
      description = "The Pythons a universal lock covers, e.g. '>=3.9' (default: the project's "
          + "requires-python, else >=X.Y of --python-version, else " + DEFAULT_REQUIRES_PYTHON
          + "). Implies --universal.")
  String requiresPython;

  @Option(
      names = "--environment-marker",
      paramLabel = "MARKER",
      description = "With a universal lock, cover only environments matching one of these "
          + "markers (repeatable; PEP 751 environments), e.g. \"sys_platform == 'linux'\". "
          + "Implies --universal.")
  List<String> environmentMarkers = new ArrayList<>();

  @Option(
      names = "--required-environment",
      paramLabel = "MARKER",
      description = "With a universal lock, every package installed in an environment matching "
          + "this marker must have a file it can install there (repeatable); otherwise other "
          + "versions are chosen, or the lock fails naming the package and the environment. "
          + "Implies --universal.")
  List<String> requiredEnvironments = new ArrayList<>();

  /** Whether a universal lock was asked for. */
  boolean enabled() {
    return universal || requiresPython != null || !environmentMarkers.isEmpty()
        || !requiredEnvironments.isEmpty();
  }

  /**
   * The universal target, or null for a lock of one environment.
   *
   * @param project the --project file, or null
   * @param pythonVersion the --python-version value, or null
   */
  UniversalTarget target(Path project, String pythonVersion) {
    if (!enabled()) {
      return null;
    }
    String requiresPython = this.requiresPython;
    String from = "--requires-python";
    if (requiresPython == null && project != null) {
      requiresPython = PyprojectToml.read(project).requiresPython().orElse(null);
      from = project + " [project] requires-python";
    }
    if (requiresPython == null && pythonVersion != null) {
      String[] parts = pythonVersion.split("\\.");
      requiresPython = ">=" + parts[0] + "." + (parts.length > 1 ? parts[1] : "0");
      from = "--python-version";
    }
    if (requiresPython == null) {
      requiresPython = DEFAULT_REQUIRES_PYTHON;
    }
    SpecifierSet python;
    try {
      python = SpecifierSet.parse(requiresPython);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("invalid requires-python '" + requiresPython + "' (from "
          + from + "): " + e.getMessage(), requiresPython);
    }
    return UniversalTarget.of(python)
        .withEnvironments(markers("--environment-marker", environmentMarkers))
        .withRequiredEnvironments(markers("--required-environment", requiredEnvironments));
  }

  private static List<Marker> markers(String option, List<String> texts) {
    List<Marker> out = new ArrayList<>();
    for (String t : texts) {
      try {
        out.add(Marker.parse(t));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(
            "invalid marker for " + option + " '" + t + "': " + e.reason(), t, option, 0,
            e.column());
      }
    }
    return out;
  }
}
