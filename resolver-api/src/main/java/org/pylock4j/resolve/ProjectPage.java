package org.pylock4j.resolve;

import java.util.List;
import java.util.Map;
import org.pylock4j.requirement.ProjectName;

/**
 * What an index says of one project: its files. A project the index does not have is a page with
 * no files.
 *
 * @param name the project
 * @param index the URL of the index the page came from, without credentials (for a page merged
 *     from several indexes, the first that has the project)
 * @param files the files, in the index's order
 * @param fileIndexes for a page merged from several indexes, the index of each file by its URL
 *     where it is not {@code index}; empty otherwise
 */
public record ProjectPage(ProjectName name, String index, List<DistributionFile> files,
    Map<String, String> fileIndexes) {

  /**
   * Copies {@code files} and {@code fileIndexes}.
   *
   * @param name the project
   * @param index the URL of the index the page came from, without credentials
   * @param files the files, in the index's order
   * @param fileIndexes the index of each file whose index is not {@code index}, by file URL; must
   *     not be null
   */
  public ProjectPage {
    files = List.copyOf(files);
    fileIndexes = Map.copyOf(fileIndexes);
  }

  /**
   * A page whose files all come from {@code index}.
   *
   * @param name the project
   * @param index the URL of the index the page came from, without credentials
   * @param files the files, in the index's order
   */
  public ProjectPage(ProjectName name, String index, List<DistributionFile> files) {
    this(name, index, files, Map.of());
  }

  /**
   * The index that served {@code file}: what a lock records as the file's {@code index}.
   *
   * @param file a file of this page, must not be null
   * @return the index URL, never null
   */
  public String indexOf(DistributionFile file) {
    return fileIndexes.getOrDefault(file.url(), index);
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
