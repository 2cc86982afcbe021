package org.pylock4j.input;

import java.util.List;
import java.util.Objects;
import org.pylock4j.requirement.Requirement;

/**
 * A requirement together with where it was declared, so that messages (and an IDE) can point at
 * it.
 *
 * @param requirement the parsed requirement
 * @param file the file it was read from as the user named it (e.g. {@code requirements.in}), or a
 *     description such as {@code <argument 2>} when it did not come from a file
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column of the requirement's first character, or 0 when unknown
 * @param hashes the {@code --hash} values given with it in a requirements file ({@code
 *     sha256:…}), empty when none
 */
public record DeclaredRequirement(
    Requirement requirement, String file, int line, int column, List<String> hashes) {

  /**
   * Copies {@code hashes}; checks the arguments.
   *
   * @param requirement the parsed requirement
   * @param file the file it was read from as the user named it (e.g. {@code requirements.in}), or a
   *     description such as {@code <argument 2>} when it did not come from a file
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column of the requirement's first character, or 0 when unknown
   * @param hashes the {@code --hash} values given with it in a requirements file ({@code
   *     sha256:…}), empty when none
   */
  public DeclaredRequirement {
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(file, "file");
    hashes = List.copyOf(hashes);
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative");
    }
  }

  /**
   * A requirement with a location and no hashes.
   *
   * @param requirement the requirement, must not be null
   * @param file the file it was read from, or null
   * @param line its 1-based line, or 0 when unknown
   * @param column its 1-based column, or 0 when unknown
   * @return the requirement with its location, never null
   */
  public static DeclaredRequirement of(Requirement requirement, String file, int line, int column) {
    return new DeclaredRequirement(requirement, file, line, column, List.of());
  }

  /** {@return {@code file:line} (or just the file when the line is unknown), for messages} */
  public String location() {
    return line > 0 ? file + ":" + line : file;
  }

  /**
   * The reason of an error in requirement {@code text}: {@code invalid requirement 'TEXT':
   * REASON}, with only the first line of a reason that draws its own caret.
   */
  static String invalid(String text, String reason) {
    int newline = reason.indexOf('\n');
    String first = newline < 0 ? reason : reason.substring(0, newline);
    String shown = text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length()
        + " characters)";
    return "invalid requirement '" + shown + "': " + first;
  }
}
