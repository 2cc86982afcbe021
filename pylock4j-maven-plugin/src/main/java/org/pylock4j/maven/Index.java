package org.pylock4j.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <index>} of the plugin's {@code <indexes>}: a Simple index with a name, its URL and,
 * optionally, the projects read from it alone.
 *
 * <pre>{@code
 * <indexes>
 *   <index>
 *     <name>corp</name>                      <!-- a settings.xml <server> with this id logs in -->
 *     <url>https://pypi.corp.example/simple/</url>
 *     <projects>                             <!-- read only from this index (pins) -->
 *       <project>corp-utils</project>
 *     </projects>
 *   </index>
 * </indexes>
 * }</pre>
 *
 * <p>An index without {@code <projects>} is searched like an {@code <extraIndexUrls>} entry (the
 * primary index when {@code <indexUrl>} is not set); one with projects serves those projects and
 * nothing else: they are never taken from another index, the dependency-confusion defence.
 */
public class Index {

  /** The index's name; a settings.xml {@code <server>} with this {@code <id>} gives its login. */
  private String name;

  /** The Simple API root ({@code https://…/simple/}), a {@code file:} URL or a directory. */
  private String url;

  /** The projects read from this index only. */
  private List<String> projects = new ArrayList<>();

  /** For Maven's configurator. */
  public Index() {}

  Index(String name, String url, List<String> projects) {
    this.name = name;
    this.url = url;
    this.projects = new ArrayList<>(projects);
  }

  String name() {
    return name;
  }

  String url() {
    return url;
  }

  List<String> projects() {
    return projects == null ? List.of() : projects;
  }
}
