package org.pylock4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.locker.LockRequest;
import org.pylock4j.requirement.ProjectName;
import picocli.CommandLine.Option;

/**
 * Per-project index pinning, the dependency-confusion defence: {@code --index NAME=URL} and
 * {@code [[tool.pylock4j.index]]} in the {@code --project} file. A pinned project is read from its
 * index only, never from the others.
 */
final class PinOptions {

  @Option(
      names = "--index",
      paramLabel = "NAME=URL",
      description =
          "Read project NAME from the index at URL only, never from the others (against"
              + " dependency confusion). Repeatable; [[tool.pylock4j.index]] tables in the"
              + " --project file add more.")
  List<String> pins = new ArrayList<>();

  /** Adds the pins to {@code request}; [[tool.pylock4j.index]] tables of the project add more. */
  void applyTo(LockRequest.Builder request) {
    Map<ProjectName, String> pinned = new LinkedHashMap<>();
    for (String pin : pins) {
      int eq = pin.indexOf('=');
      String name = eq < 0 ? "" : pin.substring(0, eq).strip();
      if (eq < 0 || !ProjectName.isValid(name) || pin.substring(eq + 1).isBlank()) {
        throw new InvalidInputException(
            "--index must be NAME=URL (a project name and the index it is read from), not '"
                + pin + "'",
            pin);
      }
      // as given: the locker makes a directory a file: URL and refuses a missing one, as for
      // every other index location (IndexSettings.location)
      String url = pin.substring(eq + 1).strip();
      String previous = pinned.putIfAbsent(ProjectName.of(name), url);
      if (previous != null && !previous.equals(url)) {
        throw new InvalidInputException(
            "--index pins " + ProjectName.of(name) + " to two indexes: " + previous + " and " + url,
            pin);
      }
    }
    pinned.forEach(request::indexPin);
  }
}
