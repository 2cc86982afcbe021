package org.pylock4j.resolve;

import java.util.List;
import org.pylock4j.requirement.ProjectName;

/**
 * What an index says of one project: its files. A project the index does not have is a page with
 * no files.
 *
 * @param name the project
 * @param index the URL of the index the page came from, without credentials
 * @param files the files, in the index's order
 */
public record ProjectPage(ProjectName name, String index, List<DistributionFile> files) {

  /**
   * Copies {@code files}.
   *
   * @param name the project
   * @param index the URL of the index the page came from, without credentials
   * @param files the files, in the index's order
   */
  public ProjectPage {
    files = List.copyOf(files);
  }

  /**
   * A page for a project the index does not have.
   *
   * @param name the project, must not be null
   * @param index the index URL that was asked, must not be null
   * @return an empty page, never null
   */
  public static ProjectPage missing(ProjectName name, String index) {
    return new ProjectPage(name, index, List.of());
  }
}
