package org.pylock4j.requirement;

import java.util.Locale;
import java.util.regex.Pattern;
import org.pylock4j.error.InvalidRequirementException;

/**
 * A project name, compared in its PEP 503 normal form ({@code Foo_Bar}, {@code foo.bar} and
 * {@code foo-bar} are equal).
 *
 * @param normalized the PEP 503 normal form: lower case, runs of {@code -_.} replaced by {@code -}
 */
public record ProjectName(String normalized) implements Comparable<ProjectName> {

  private static final Pattern VALID =
      Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

  /**
   * Validates that {@code normalized} is already in normal form.
   *
   * @param normalized the PEP 503 normal form: lower case, runs of {@code -_.} replaced by {@code
   *     -}
   */
  public ProjectName {
    if (!VALID.matcher(normalized).matches() || !normalize(normalized).equals(normalized)) {
      throw new InvalidRequirementException(
          "not a normalized project name (use ProjectName.of)", normalized);
    }
  }

  /**
   * Returns the name {@code text} stands for.
   *
   * @param text a project name in any spelling, must not be null
   * @return the normalized name, never null
   * @throws InvalidRequirementException when {@code text} is not a valid project name
   */
  public static ProjectName of(String text) {
    if (!VALID.matcher(text).matches()) {
      throw new InvalidRequirementException("invalid project name", text);
    }
    return new ProjectName(normalize(text));
  }

  /**
   * Whether {@code text} is a valid project name (PEP 508 {@code identifier}).
   *
   * @param text any text, must not be null
   * @return true when it is a valid project name
   */
  public static boolean isValid(String text) {
    return VALID.matcher(text).matches();
  }

  /**
   * The PEP 503 normal form of {@code text}, without validating it.
   *
   * @param text a project name in any spelling, must not be null
   * @return the normal form: lower case, runs of {@code -_.} replaced by one {@code -}; never null
   */
  public static String normalize(String text) {
    return SEPARATORS.matcher(text).replaceAll("-").toLowerCase(Locale.ROOT);
  }

  @Override
  public int compareTo(ProjectName other) {
    return normalized.compareTo(other.normalized);
  }

  /** The normal form. */
  @Override
  public String toString() {
    return normalized;
  }

  // equals and hashCode written out, computing what the generated ones compute (the hash is
  // 31 * h + each component's hash, in component order, so no hash order changes): the generated
  // ones are bootstrapped through method handles on first use, which spins classes a fresh CLI
  // JVM pays for (bench/README.md section 4), and this record is hashed from the first page on.
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof ProjectName p && normalized.equals(p.normalized);
  }

  @Override
  public int hashCode() {
    return normalized.hashCode();
  }
}
