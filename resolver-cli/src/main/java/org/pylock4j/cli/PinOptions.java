package org.pylock4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.IndexPin;
import org.pylock4j.input.PyprojectToml;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.PackageSource;
import org.pylock4j.trust.PinnedIndexes;
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

  /** The sources of one run: the default index, wrapped when projects are pinned. */
  static final class Sources implements AutoCloseable {
    private final PackageSource source;
    private final List<PypiIndex> opened;

    private Sources(PackageSource source, List<PypiIndex> opened) {
      this.source = source;
      this.opened = opened;
    }

    /** Where to read projects from. */
    PackageSource source() {
      return source;
    }

    @Override
    public void close() {
      opened.forEach(PypiIndex::close);
    }
  }

  /** Project to index URL, from the options, then {@code project}'s tables. */
  Map<ProjectName, String> pinned(Path project) {
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
      String url = IndexOptions.location(pin.substring(eq + 1).strip(), "--index");
      String previous = pinned.putIfAbsent(ProjectName.of(name), url);
      if (previous != null && !previous.equals(url)) {
        throw new InvalidInputException(
            "--index pins " + ProjectName.of(name) + " to two indexes: " + previous + " and " + url,
            pin);
      }
    }
    if (project != null) {
      for (IndexPin index : PyprojectToml.read(project).indexes()) {
        for (ProjectName name : index.projects()) {
          pinned.putIfAbsent(name, index.url());
        }
      }
    }
    return pinned;
  }

  /**
   * The source for a run: {@code defaultSource} itself when nothing is pinned, else {@link
   * PinnedIndexes} over one index per pinned URL (same cache, offline mode and limits).
   */
  Sources open(Base command, IndexSettings settings, Path project, PackageSource defaultSource) {
    Map<ProjectName, String> pinned = pinned(project);
    if (pinned.isEmpty()) {
      return new Sources(defaultSource, List.of());
    }
    Map<String, PypiIndex> byUrl = new LinkedHashMap<>();
    PinnedIndexes.Builder builder = PinnedIndexes.builder(defaultSource);
    try {
      pinned.forEach(
          (name, url) -> {
            PypiIndex index =
                byUrl.computeIfAbsent(
                    url,
                    u ->
                        command.index(
                            new IndexSettings(
                                List.of(u), false, settings.offline(), settings.cacheDir(),
                                settings.excludeNewer(), settings.threads(), settings.limits())));
            builder.pin(name, index);
          });
    } catch (RuntimeException e) {
      byUrl.values().forEach(PypiIndex::close);
      throw e;
    }
    return new Sources(builder.build(), new ArrayList<>(byUrl.values()));
  }
}
