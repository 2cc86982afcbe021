package org.pylock4j.requirement;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pylock4j.error.InvalidRequirementException;
import org.pylock4j.error.InvalidSpecifierException;
import org.pylock4j.version.SpecifierSet;

/**
 * A PEP 508 requirement: a name, optional extras, a version specifier or a direct URL, and an
 * optional environment marker. Accepts what {@code packaging} 26 accepts, including the legacy
 * parenthesised form {@code name (>=1.0)}.
 *
 * <p>{@link #toString()} prints it as {@code packaging} does: the name as written, the extras as
 * written (sorted, without spaces), the specifier set in normal form, {@code " @ "} and the URL,
 * {@code "; "} and the marker (after a space when there is a URL):
 *
 * <pre>{@code
 * Requirement.parse("Foo.Bar [Socks , b] (>=1.0 , <2) ; python_version<'3.12'").toString()
 *     // Foo.Bar[Socks,b]<2,>=1.0; python_version < "3.12"
 * Requirement.parse("pip @ https://example.org/pip.whl ;os_name=='nt'").toString()
 *     // pip @ https://example.org/pip.whl ; os_name == "nt"
 * }</pre>
 *
 * <p>Two requirements are equal when their normalised names, extras, specifiers and URLs are
 * equal and their markers print the same (as {@code packaging}'s {@code __eq__}, except that extras
 * are compared normalised).
 *
 * @param name the project name as written (compare with {@link #projectName()})
 * @param extras the extras, normalised, sorted
 * @param specifier the version specifier, empty when there is none or when there is a URL
 * @param url the direct URL, or null
 * @param marker the marker, or null when there is none
 */
public record Requirement(
    String name, Set<String> extras, SpecifierSet specifier, String url, Marker marker) {

  /**
   * The longest requirement text {@link #parse} accepts, in characters: 65,536 (64 Ki). Its marker
   * is also bound by {@link Marker#MAX_NESTING} and {@link Marker#MAX_COMPARISONS}.
   */
  public static final int MAX_LENGTH = 65_536;

  /**
   * Copies {@code extras}; checks the name, the extras and the URL.
   *
   * @throws InvalidRequirementException when the name or an extra is not a PEP 508 identifier,
   *     when the URL is empty or holds a space or tab, or when there are both a URL and a version
   *     specifier
   * @param name the project name as written (compare with {@link #projectName()})
   * @param extras the extras, normalised, sorted
   * @param specifier the version specifier, empty when there is none or when there is a URL
   * @param url the direct URL, or null
   * @param marker the marker, or null when there is none
   */
  public Requirement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(extras, "extras");
    Objects.requireNonNull(specifier, "specifier");
    if (!Tokenizer.isIdentifier(name)) {
      throw new InvalidRequirementException("invalid project name", name);
    }
    for (String extra : extras) {
      if (!Tokenizer.isIdentifier(Objects.requireNonNull(extra, "extra"))) {
        throw new InvalidRequirementException("invalid extra name", extra);
      }
    }
    extras = ExtrasSet.of(extras);
    if (url != null) {
      if (url.isEmpty() || url.indexOf(' ') >= 0 || url.indexOf('\t') >= 0) {
        throw new InvalidRequirementException("a URL must be non-empty, without spaces", url);
      }
      if (!specifier.isEmpty()) {
        throw new InvalidRequirementException(
            "a requirement has a version specifier or a URL, not both", name + specifier + " @ " + url);
      }
    }
  }

  /**
   * Parses a PEP 508 requirement.
   *
   * @param text the requirement, must not be null
   * @return the requirement, never null
   * @throws InvalidRequirementException naming the text and the column of the problem; its {@link
   *     InvalidRequirementException#reason() reason} is what {@code str(InvalidRequirement)} prints:
   *     the message, the text, and a caret under the problem; also when the text is longer than
   *     {@link #MAX_LENGTH} or its marker beyond {@link Marker}'s limits
   */
  public static Requirement parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_LENGTH) {
      throw new InvalidRequirementException(
          "requirement of " + text.length() + " characters is longer than the limit of "
              + MAX_LENGTH + " (Requirement.MAX_LENGTH): '" + text.substring(0, 80) + "...'",
          text);
    }
    Parser.Parsed parsed;
    try {
      parsed = Parser.parseRequirement(text);
    } catch (Tokenizer.SyntaxError e) {
      throw new InvalidRequirementException(e.render(), text, null, 0, e.column());
    }
    SpecifierSet specifier;
    try {
      specifier =
          parsed.specifier().isEmpty() ? SpecifierSet.any() : SpecifierSet.parse(parsed.specifier());
    } catch (InvalidSpecifierException e) {
      InvalidRequirementException wrapped = new InvalidRequirementException(e.reason(), text);
      wrapped.initCause(e);
      throw wrapped;
    }
    return new Requirement(
        parsed.name(),
        ExtrasSet.of(parsed.extras()),
        specifier,
        parsed.url().isEmpty() ? null : parsed.url(),
        parsed.marker());
  }

  /**
   * The normalised project name.
   *
   * @return the name, never null
   *
   * @throws InvalidRequirementException when the name ends in {@code _} or {@code .}, which
   *     {@code packaging} parses but PEP 508 does not allow in a name
   */
  public ProjectName projectName() {
    return ProjectName.of(name);
  }

  /** {@return the direct URL, if any} */
  public Optional<String> directUrl() {
    return Optional.ofNullable(url);
  }

  /** {@return the marker, if any} */
  public Optional<Marker> markerIfAny() {
    return Optional.ofNullable(marker);
  }

  /**
   * Whether this requirement applies in {@code environment}: it has no marker, or its marker
   * holds there.
   *
   * @param environment the target environment, must not be null
   * @return whether the requirement applies
   *
   * @throws org.pylock4j.error.InvalidMarkerException when the marker cannot be evaluated (see
   *     {@link Marker#evaluate})
   */
  public boolean appliesTo(MarkerEnvironment environment) {
    return marker == null || marker.evaluate(environment);
  }

  /** As {@code str(packaging.requirements.Requirement)}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(name);
    if (!extras.isEmpty()) {
      out.append('[').append(((ExtrasSet) extras).written()).append(']');
    }
    if (!specifier.isEmpty()) {
      out.append(specifier);
    }
    if (url != null) {
      out.append(" @ ").append(url);
      if (marker != null) {
        out.append(' ');
      }
    }
    if (marker != null) {
      out.append("; ").append(marker);
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Requirement other
        && ProjectName.normalize(name).equals(ProjectName.normalize(other.name))
        && extras.equals(other.extras)
        && specifier.equals(other.specifier)
        && Objects.equals(url, other.url)
        && Objects.equals(markerText(), other.markerText());
  }

  @Override
  public int hashCode() {
    return Objects.hash(ProjectName.normalize(name), extras, specifier, url, markerText());
  }

  private String markerText() {
    return marker == null ? null : marker.toString();
  }
}
