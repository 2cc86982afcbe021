package org.pylock4j.metadata;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.pylock4j.error.InvalidMetadataException;
import org.pylock4j.internal.PyStrings;

/**
 * One PEP 425 compatibility tag, e.g. {@code cp312-cp312-manylinux_2_17_x86_64}. Lower case: the
 * constructor lower-cases its parts, as {@code packaging.tags.Tag} does.
 *
 * @param interpreter e.g. {@code cp312}, {@code py3}
 * @param abi e.g. {@code cp312}, {@code abi3}, {@code none}
 * @param platform e.g. {@code manylinux_2_17_x86_64}, {@code any}
 */
public record Tag(String interpreter, String abi, String platform) {

  /**
   * Lower-cases the parts.
   *
   * @throws NullPointerException when a part is null
   * @param interpreter e.g. {@code cp312}, {@code py3}
   * @param abi e.g. {@code cp312}, {@code abi3}, {@code none}
   * @param platform e.g. {@code manylinux_2_17_x86_64}, {@code any}
   */
  public Tag {
    interpreter = interpreter.toLowerCase(Locale.ROOT);
    abi = abi.toLowerCase(Locale.ROOT);
    platform = platform.toLowerCase(Locale.ROOT);
  }

  /**
   * Parses one tag {@code interpreter-abi-platform}; each part is one or more ASCII letters,
   * digits or underscores. A compressed tag set such as {@code py2.py3-none-any} is not one tag:
   * use {@link #parseAll(String)}.
   *
   * @param text the tag, must not be null
   * @return the tag, lower case, never null
   * @throws InvalidMetadataException when {@code text} is not one tag
   */
  public static Tag parse(String text) {
    Objects.requireNonNull(text, "text");
    String[] parts = text.split("-", -1);
    if (parts.length == 3 && text.indexOf('.') >= 0) {
      throw new InvalidMetadataException(
          "a compressed tag set, not one tag (use Tag.parseAll): " + PyStrings.repr(text), text);
    }
    if (parts.length != 3 || !isTagPart(parts[0]) || !isTagPart(parts[1])
        || !isTagPart(parts[2])) {
      throw new InvalidMetadataException(
          "not a wheel tag (interpreter-abi-platform): " + PyStrings.repr(text), text);
    }
    return new Tag(parts[0], parts[1], parts[2]);
  }

  /**
   * Parses a tag or a compressed tag set ({@code py2.py3-none-any}) into its tags, as {@code
   * packaging.tags.parse_tag} does: every interpreter × ABI × platform combination, lower case.
   * Like {@code packaging}, the parts are not validated beyond splitting.
   *
   * @param text the tag set, must not be null
   * @return the tags in expansion order (interpreters, then ABIs, then platforms), never empty
   * @throws InvalidMetadataException when {@code text} does not have exactly three {@code
   *     -}-separated parts
   */
  public static Set<Tag> parseAll(String text) {
    Objects.requireNonNull(text, "text");
    String[] parts = text.split("-", -1);
    if (parts.length != 3) {
      throw new InvalidMetadataException(
          "not a wheel tag (interpreter-abi-platform): " + PyStrings.repr(text), text);
    }
    Set<Tag> tags = new LinkedHashSet<>();
    for (String interpreter : parts[0].split("\\.", -1)) {
      for (String abi : parts[1].split("\\.", -1)) {
        for (String platform : parts[2].split("\\.", -1)) {
          tags.add(new Tag(interpreter, abi, platform));
        }
      }
    }
    return Collections.unmodifiableSet(tags);
  }

  private static boolean isTagPart(String part) {
    if (part.isEmpty()) {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return interpreter + "-" + abi + "-" + platform;
  }

  // equals and hashCode written out, computing what the generated ones compute (the hash is
  // 31 * h + each component's hash, in component order, so no hash order changes): the generated
  // ones are bootstrapped through method handles on first use, which spins classes a fresh CLI
  // JVM pays for (bench/README.md section 4), and this record is hashed from the first page on.
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Tag t && interpreter.equals(t.interpreter)
        && abi.equals(t.abi) && platform.equals(t.platform);
  }

  @Override
  public int hashCode() {
    return (interpreter.hashCode() * 31 + abi.hashCode()) * 31 + platform.hashCode();
  }
}
