package org.pylock4j.metadata;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pylock4j.error.InvalidMetadataException;
import org.pylock4j.error.InvalidVersionException;
import org.pylock4j.internal.PyStrings;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/**
 * A parsed PEP 427 wheel filename: {@code name-version(-build)?-pyTags-abiTags-platTags.whl} with
 * compressed tag sets expanded.
 *
 * <pre>{@code
 * WheelFilename w = WheelFilename.parse("Foo_Bar-1.0-1-py2.py3-none-any.whl");
 * w.name();      // foo-bar
 * w.build();     // "1"
 * w.tags();      // [py2-none-any, py3-none-any]
 * }</pre>
 *
 * @param name the project name
 * @param version the version
 * @param build the build tag as written, or null
 * @param tags the expanded tags, in expansion order (iteration order is stable)
 */
public record WheelFilename(ProjectName name, Version version, String build, Set<Tag> tags) {

  /**
   * Copies {@code tags}, keeping their order.
   *
   * @param name the project name
   * @param version the version
   * @param build the build tag as written, or null
   * @param tags the expanded tags, in expansion order (iteration order is stable)
   */
  public WheelFilename {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
  }

  /**
   * Parses a wheel filename as {@code packaging.utils.parse_wheel_filename} does, with the same
   * checks in the same order and the same messages. One difference: a name {@code packaging}
   * lets through that is not a PEP 508 name (empty, non-ASCII, or starting or ending with
   * {@code .} or {@code _}) is rejected with {@code packaging}'s message for a bad name, since no
   * {@link ProjectName} can stand for it.
   *
   * @param filename the file name, without any directory, must not be null
   * @return the parsed filename, never null
   * @throws InvalidMetadataException when it is not a valid wheel filename
   */
  public static WheelFilename parse(String filename) {
    Objects.requireNonNull(filename, "filename");
    if (!filename.endsWith(".whl")) {
      throw invalid("Invalid wheel filename (extension must be '.whl'): ", filename, filename);
    }
    String stem = filename.substring(0, filename.length() - 4);
    int dashes = count(stem, '-');
    if (dashes != 4 && dashes != 5) {
      throw invalid("Invalid wheel filename (wrong number of parts): ", stem, filename);
    }
    int nameEnd = stem.indexOf('-');
    int versionEnd = stem.indexOf('-', nameEnd + 1);
    String namePart = stem.substring(0, nameEnd);
    if (namePart.contains("__") || !isWheelNamePart(namePart)) {
      throw invalid("Invalid project name: ", stem, filename);
    }
    Version version;
    try {
      version = Version.parse(stem.substring(nameEnd + 1, versionEnd));
    } catch (InvalidVersionException e) {
      throw invalid("Invalid wheel filename (invalid version): ", stem, filename);
    }
    String build = null;
    int tagsStart = versionEnd + 1;
    if (dashes == 5) {
      int buildEnd = stem.indexOf('-', tagsStart);
      build = stem.substring(tagsStart, buildEnd);
      if (build.isEmpty() || !isAsciiDigit(build.charAt(0))) {
        throw new InvalidMetadataException(
            "Invalid build number: " + build + " in " + PyStrings.repr(stem), filename);
      }
      tagsStart = buildEnd + 1;
    }
    Set<Tag> tags = Tag.parseAll(stem.substring(tagsStart));
    if (!ProjectName.isValid(namePart)) {
      throw invalid("Invalid project name: ", stem, filename);
    }
    return new WheelFilename(ProjectName.of(namePart), version, build, tags);
  }

  /** {@return the build tag, if any} */
  public Optional<String> buildTag() {
    return Optional.ofNullable(build);
  }

  /**
   * The build tag split as {@code packaging} does for sorting: its leading digits as a number and
   * the rest. Wheels of one version that differ only in build tag prefer the greater one.
   *
   * @return the parsed build tag, empty when the filename has none
   */
  public Optional<BuildTag> parsedBuildTag() {
    return buildTag().map(BuildTag::of);
  }

  /**
   * A build tag as {@code packaging} orders it: {@code (int(leading digits), rest)}.
   *
   * @param number the leading ASCII digits
   * @param suffix the rest, up to any line break (as {@code packaging}'s {@code (\d+)(.*)})
   */
  public record BuildTag(BigInteger number, String suffix) implements Comparable<BuildTag> {

    /**
     * Checks the parts.
     *
     * @param number the leading ASCII digits
     * @param suffix the rest, up to any line break (as {@code packaging}'s {@code (\d+)(.*)})
     */
    public BuildTag {
      Objects.requireNonNull(number, "number");
      Objects.requireNonNull(suffix, "suffix");
    }

    static BuildTag of(String build) {
      int digits = 0;
      while (digits < build.length() && isAsciiDigit(build.charAt(digits))) {
        digits++;
      }
      int newline = build.indexOf('\n', digits);
      String suffix = build.substring(digits, newline < 0 ? build.length() : newline);
      return new BuildTag(new BigInteger(build.substring(0, digits)), suffix);
    }

    @Override
    public int compareTo(BuildTag other) {
      int byNumber = number.compareTo(other.number);
      if (byNumber != 0) {
        return byNumber;
      }
      return compareCodePoints(suffix, other.suffix);
    }

    private static int compareCodePoints(String a, String b) {
      int i = 0;
      int j = 0;
      while (i < a.length() && j < b.length()) {
        int ca = a.codePointAt(i);
        int cb = b.codePointAt(j);
        if (ca != cb) {
          return Integer.compare(ca, cb);
        }
        i += Character.charCount(ca);
        j += Character.charCount(cb);
      }
      return Boolean.compare(i < a.length(), j < b.length());
    }
  }

  private static InvalidMetadataException invalid(String reason, String shown, String filename) {
    return new InvalidMetadataException(reason + PyStrings.repr(shown), filename);
  }

  /** {@code re.match(r"^[\w\d._]*$", part)}: {@code $} also matches before a final newline. */
  private static boolean isWheelNamePart(String part) {
    int end = part.endsWith("\n") ? part.length() - 1 : part.length();
    for (int i = 0; i < end; ) {
      int cp = part.codePointAt(i);
      if (cp != '.' && !PyStrings.isWordChar(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
