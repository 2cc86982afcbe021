package org.pylock4j.input;

import java.util.List;
import java.util.Objects;
import org.pylock4j.requirement.ProjectName;

/**
 * One {@code [[tool.pylock4j.index]]} table of a {@code pyproject.toml}: a named index and the
 * projects pinned to it, which are read from that index only (never from the default ones).
 *
 * <pre>{@code
 * [[tool.pylock4j.index]]
 * name = "acme"                               # for messages
 * url = "https://pypi.acme.example/simple/"   # or a directory, relative to pyproject.toml
 * projects = ["acme-core", "acme-utils"]
 * }</pre>
 *
 * <p>The spelling follows uv's {@code [[tool.uv.index]]} ({@code name}, {@code url}), with the
 * pinned projects listed in the table itself instead of in {@code [tool.uv.sources]}.
 *
 * @param name the index's name, never blank
 * @param url the index URL (a relative directory made absolute as a file: URI)
 * @param projects the projects read from this index only, in file order
 */
public record IndexPin(String name, String url, List<ProjectName> projects) {

  /**
   * Checks the fields and copies the list.
   *
   * @param name the index's name, never blank
   * @param url the index URL (a relative directory made absolute as a file: URI)
   * @param projects the projects read from this index only, in file order
   */
  public IndexPin {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    projects = List.copyOf(projects);
  }
}
