package org.pylock4j.trust;

import java.util.Objects;
import org.pylock4j.requirement.ProjectName;

/**
 * A requested name that looks like the name of a much more popular project.
 *
 * @param name the requested project
 * @param popular the popular project it looks like
 * @param popularRank the download rank of {@code popular} (1 is the most downloaded)
 * @param kind how the two names differ
 * @param detail the difference in words, e.g. {@code two adjacent characters swapped}
 */
public record TyposquatWarning(
    ProjectName name, ProjectName popular, int popularRank, Kind kind, String detail) {

  /** How a name differs from the popular one. */
  public enum Kind {
    /** Only in separators ({@code -}, {@code _}, {@code .} or none): {@code python-dateutil} / {@code pythondateutil}. */
    SEPARATOR,
    /** In look-alike characters ({@code 0}/{@code o}, {@code 1}/{@code l}/{@code i}, {@code rn}/{@code m}, {@code vv}/{@code w}). */
    HOMOGLYPH,
    /** One character inserted, deleted or changed, or two adjacent characters swapped (Damerau–Levenshtein distance 1). */
    EDIT,
    /** A {@code python}/{@code py} prefix or suffix added or removed: {@code python-requests}, {@code yaml} / {@code pyyaml}. */
    AFFIX
  }

  /**
   * Checks the fields.
   *
   * @param name the requested project
   * @param popular the popular project it looks like
   * @param popularRank the download rank of {@code popular} (1 is the most downloaded)
   * @param kind how the two names differ
   * @param detail the difference in words, e.g. {@code two adjacent characters swapped}
   */
  public TyposquatWarning {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(popular, "popular");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * The warning for a person, e.g. {@code "reqeusts" looks like "requests" (download rank 6): two
   * adjacent characters swapped}.
   *
   * @return the sentence, never null
   */
  public String message() {
    return "\"" + name + "\" looks like \"" + popular + "\" (download rank " + popularRank + "): "
        + detail;
  }
}
