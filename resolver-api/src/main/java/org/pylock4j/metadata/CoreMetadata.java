package org.pylock4j.metadata;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.pylock4j.error.InvalidMetadataException;
import org.pylock4j.error.InvalidRequirementException;
import org.pylock4j.internal.PyStrings;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;

/**
 * The fields of a distribution's core metadata (METADATA / PKG-INFO, versions 1.0 to 2.4) that
 * resolution needs. Requires-Dist lines are kept as written, so a version whose metadata has a
 * malformed line can be skipped with a warning instead of failing the whole parse.
 *
 * <pre>{@code
 * CoreMetadata m = CoreMetadata.parse(Files.readString(path));
 * m.requirements();            // Requires-Dist as PEP 508 requirements
 * m.dependenciesAreStatic();   // PEP 643: may an sdist's PKG-INFO be trusted?
 * }</pre>
 *
 * <p>Values read by {@link #parse(String)} are stripped of surrounding whitespace (a value
 * continued on further lines keeps its inner line breaks).
 *
 * @param metadataVersion the Metadata-Version field, e.g. {@code "2.1"}
 * @param name the Name field as written
 * @param version the Version field as written
 * @param requiresDist the Requires-Dist lines as written, in order
 * @param requiresPython the Requires-Python field, or null when absent or empty
 * @param providesExtra the Provides-Extra lines as written, in order (see {@link #extras()})
 * @param dynamic the Dynamic lines (Metadata 2.2+), lower case
 */
public record CoreMetadata(
    String metadataVersion,
    String name,
    String version,
    List<String> requiresDist,
    String requiresPython,
    List<String> providesExtra,
    List<String> dynamic) {

  /**
   * Copies the lists; checks that nothing is null but {@code requiresPython}.
   *
   * @param metadataVersion the Metadata-Version field, must not be null
   * @param name the Name field, must not be null
   * @param version the Version field, must not be null
   * @param requiresDist the Requires-Dist lines, must not be null nor hold null
   * @param requiresPython the Requires-Python field, or null when absent
   * @param providesExtra the Provides-Extra lines, must not be null nor hold null
   * @param dynamic the Dynamic lines, lower case, must not be null nor hold null
   */
  public CoreMetadata {
    Objects.requireNonNull(metadataVersion, "metadataVersion");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    requiresDist = List.copyOf(requiresDist);
    providesExtra = List.copyOf(providesExtra);
    dynamic = List.copyOf(dynamic);
  }

  /**
   * Parses RFC 822-style core metadata (continuation lines, repeated fields, a body after the
   * first blank line), reading the header block exactly as {@code packaging.metadata.parse_email}
   * does (see its rules in the package's {@code HeaderParser}). Field names are case-insensitive.
   * Values are stripped of surrounding whitespace; empty Requires-Dist, Provides-Extra and Dynamic
   * lines are dropped, an empty Requires-Python counts as absent; Dynamic values are lower-cased.
   * The legacy {@code Requires} field (Metadata 1.1) is not Requires-Dist and is ignored, as is
   * the body (the description), which is never scanned.
   *
   * <p>Content is not validated beyond this: a Name, Version or Requires-Dist that does not parse
   * is reported by whoever parses it, so one bad line does not hide the rest. Any
   * Metadata-Version number is accepted (real wheels say {@code 2.0}, which {@code packaging}'s
   * validating parser rejects).
   *
   * @param text the METADATA or PKG-INFO text, must not be null
   * @return the metadata, never null
   * @throws InvalidMetadataException when the text has no header fields, lacks Metadata-Version,
   *     Name or Version, repeats one of them or Requires-Python, leaves one of them empty, or has
   *     a Metadata-Version that is not a dotted number; the message names the field and the line
   */
  public static CoreMetadata parse(String text) {
    Objects.requireNonNull(text, "text");
    HeaderParser headers = HeaderParser.parse(text);
    requireIdentity(headers, text);
    requireSingle(headers, "Requires-Python", text);
    String metadataVersion = required(headers, "Metadata-Version", text);
    String name = required(headers, "Name", text);
    String version = required(headers, "Version", text);
    if (!isDottedNumber(metadataVersion)) {
      HeaderParser.Field field = headers.get("metadata-version").get(0);
      throw new InvalidMetadataException(
          "core metadata field Metadata-Version is not a version number: "
              + PyStrings.repr(metadataVersion),
          metadataVersion, null, field.line(), 0);
    }
    List<HeaderParser.Field> python = headers.get("requires-python");
    String requiresPython = python.isEmpty() || python.get(0).value().isEmpty()
        ? null
        : python.get(0).value();
    return new CoreMetadata(metadataVersion, name, version, values(headers, "requires-dist", false),
        requiresPython, values(headers, "provides-extra", false), values(headers, "dynamic", true));
  }

  /**
   * Parses core metadata from UTF-8 bytes, as read from a wheel or a PEP 658 file. A leading
   * byte order mark is skipped; malformed UTF-8 becomes U+FFFD (it matters only in values, which
   * then fail where they are parsed).
   *
   * @param utf8 the METADATA or PKG-INFO bytes, must not be null
   * @return the metadata, never null
   * @throws InvalidMetadataException as {@link #parse(String)}
   */
  public static CoreMetadata parse(byte[] utf8) {
    String text = new String(utf8, StandardCharsets.UTF_8);
    return parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  /**
   * The Requires-Dist lines parsed as PEP 508 requirements.
   *
   * @return the requirements in order, never null
   * @throws InvalidRequirementException naming the first line that does not parse
   */
  public List<Requirement> requirements() {
    return requiresDist.stream().map(Requirement::parse).toList();
  }

  /**
   * The Provides-Extra names normalised as PEP 685 compares extras (lower case, runs of {@code
   * -_.} as one {@code -}), without duplicates, in order.
   *
   * @return the normalised extras, never null
   */
  public List<String> extras() {
    return providesExtra.stream().map(ProjectName::normalize).distinct().toList();
  }

  /**
   * The Requires-Python field, if present.
   *
   * @return the field, or empty when absent or empty
   */
  public Optional<String> requiresPythonIfAny() {
    return Optional.ofNullable(requiresPython);
  }

  /**
   * Whether the dependency fields are static per PEP 643: Metadata-Version 2.2 or later and
   * neither Requires-Dist nor Requires-Python is Dynamic. Only such sdist metadata may be trusted
   * without a build.
   *
   * @return whether Requires-Dist and Requires-Python can be trusted as they are
   */
  public boolean dependenciesAreStatic() {
    return isAtLeast22(metadataVersion)
        && !dynamic.contains("requires-dist")
        && !dynamic.contains("requires-python");
  }

  /** Metadata-Version, Name and Version each appear once; duplicates are reported first. */
  private static void requireIdentity(HeaderParser headers, String text) {
    for (String field : List.of("Metadata-Version", "Name", "Version")) {
      requireSingle(headers, field, text);
    }
    List<String> missing = new ArrayList<>(3);
    for (String field : List.of("Metadata-Version", "Name", "Version")) {
      if (headers.get(field.toLowerCase(Locale.ROOT)).isEmpty()) {
        missing.add(field);
      }
    }
    if (headers.fieldCount() == 0) {
      throw new InvalidMetadataException("not core metadata: no header fields", excerpt(text));
    }
    if (!missing.isEmpty()) {
      throw new InvalidMetadataException(
          "core metadata lacks required field" + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing),
          excerpt(text));
    }
  }

  private static void requireSingle(HeaderParser headers, String field, String text) {
    List<HeaderParser.Field> found = headers.get(field.toLowerCase(Locale.ROOT));
    if (found.size() > 1) {
      HeaderParser.Field second = found.get(1);
      throw new InvalidMetadataException(
          "core metadata field " + field + " appears more than once", second.value(), null,
          second.line(), 0);
    }
  }

  private static String required(HeaderParser headers, String field, String text) {
    HeaderParser.Field found = headers.get(field.toLowerCase(Locale.ROOT)).get(0);
    if (found.value().isEmpty()) {
      throw new InvalidMetadataException(
          "core metadata field " + field + " is empty", excerpt(text), null, found.line(), 0);
    }
    return found.value();
  }

  private static List<String> values(HeaderParser headers, String field, boolean lowerCase) {
    List<HeaderParser.Field> found = headers.get(field);
    List<String> out = new ArrayList<>(found.size());
    for (HeaderParser.Field f : found) {
      if (!f.value().isEmpty()) {
        out.add(lowerCase ? f.value().toLowerCase(Locale.ROOT) : f.value());
      }
    }
    return out;
  }

  private static boolean isDottedNumber(String text) {
    boolean digit = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '.' && digit) {
        digit = false;
      } else {
        return false;
      }
    }
    return digit;
  }

  /** Metadata-Version 2.2 or later, compared number by number. */
  private static boolean isAtLeast22(String metadataVersion) {
    if (!isDottedNumber(metadataVersion)) {
      return false;
    }
    String[] parts = metadataVersion.split("\\.");
    BigInteger major = new BigInteger(parts[0]);
    BigInteger minor = parts.length > 1 ? new BigInteger(parts[1]) : BigInteger.ZERO;
    int byMajor = major.compareTo(BigInteger.TWO);
    return byMajor > 0 || (byMajor == 0 && minor.compareTo(BigInteger.TWO) >= 0);
  }

  /** At most the first 200 characters, for exceptions about a whole text. */
  private static String excerpt(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
