package org.pylock4j.lock;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/**
 * A requirements file of pins in pip-compile's shape, as {@link LockFiles#readRequirementsTxt}
 * reads it: one {@link Pin} per {@code name==version} line with its {@code --hash} options and
 * {@code # via} comments.
 *
 * @param pins the pins, in file order
 * @param sources the lines that say where packages come from ({@code --index-url URL}, {@code
 *     --extra-index-url URL}, {@code --find-links URL}; {@code -i} and {@code -f} spelled out), in
 *     file order
 */
public record RequirementsTxt(List<Pin> pins, List<String> sources) implements LockFile {

  /**
   * Copies the lists.
   *
   * @param pins the pins, in file order
   * @param sources the index and find-links lines, in file order
   */
  public RequirementsTxt {
    pins = List.copyOf(pins);
    sources = List.copyOf(sources);
  }

  /**
   * A lock of {@code pins} without index lines.
   *
   * @param pins the pins, in file order
   */
  public RequirementsTxt(List<Pin> pins) {
    this(pins, List.of());
  }

  /** Returns {@link LockFormat#REQUIREMENTS}. */
  @Override
  public LockFormat format() {
    return LockFormat.REQUIREMENTS;
  }

  /**
   * The pin of {@code name}, if any.
   *
   * @param name the project, must not be null
   * @return the pin, empty when nothing by that name is pinned
   */
  public Optional<Pin> find(ProjectName name) {
    return pins.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * One pinned requirement.
   *
   * @param name the project
   * @param extras the extras, sorted
   * @param version the pinned version, or null for a direct URL
   * @param url the direct URL, or null
   * @param hashes the {@code --hash} values as {@code algorithm:hexdigest}, sorted
   * @param via who required it, as the {@code # via} comments say: {@code -r FILE} for a root,
   *     else a project name
   */
  public record Pin(
      ProjectName name,
      Set<String> extras,
      Version version,
      String url,
      List<String> hashes,
      List<String> via) {

    /**
     * Copies and sorts the collections.
     *
     * @param name the project
     * @param extras the extras, sorted
     * @param version the pinned version, or null for a direct URL
     * @param url the direct URL, or null
     * @param hashes the {@code --hash} values as {@code algorithm:hexdigest}, sorted
     * @param via who required it, as the {@code # via} comments say: {@code -r FILE} for a root,
     *     else a project name
     */
    public Pin {
      Objects.requireNonNull(name, "name");
      extras = Set.copyOf(new TreeSet<>(extras));
      hashes = List.copyOf(new TreeSet<>(hashes));
      via = List.copyOf(via);
    }
  }
}
