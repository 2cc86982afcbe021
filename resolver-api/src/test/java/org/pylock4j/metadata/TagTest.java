package org.pylock4j.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pylock4j.error.InvalidMetadataException;
import org.pylock4j.internal.PyStrings;

class TagTest {

  @Test
  void parsesOneTagInLowerCase() {
    Tag tag = Tag.parse("CP312-Abi3-Win_AMD64");
    assertEquals(new Tag("cp312", "abi3", "win_amd64"), tag);
    assertEquals("cp312-abi3-win_amd64", tag.toString());
  }

  @Test
  void parseAllExpandsCompressedSetsInOrder() {
    assertEquals(
        List.of("py2-none-any", "py2-none-linux", "py3-none-any", "py3-none-linux"),
        Tag.parseAll("py2.py3-none-any.linux").stream().map(Tag::toString).toList());
    assertEquals(List.of("-none-any"),
        Tag.parseAll("-none-any").stream().map(Tag::toString).toList());
  }

  @Test
  void aCompressedSetIsNotOneTag() {
    InvalidMetadataException e =
        assertThrows(InvalidMetadataException.class, () -> Tag.parse("py2.py3-none-any"));
    assertEquals("a compressed tag set, not one tag (use Tag.parseAll): 'py2.py3-none-any'",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "py3", "py3-none", "py3-none-any-x", "py3--any", "py 3-none-any",
      "py3-none-any\n"})
  void rejectsWhatIsNotATag(String text) {
    InvalidMetadataException e =
        assertThrows(InvalidMetadataException.class, () -> Tag.parse(text));
    assertEquals("not a wheel tag (interpreter-abi-platform): " + PyStrings.repr(text),
        e.getMessage());
  }

  @Test
  void parseAllNeedsThreeParts() {
    InvalidMetadataException e =
        assertThrows(InvalidMetadataException.class, () -> Tag.parseAll("py3-none"));
    assertEquals("not a wheel tag (interpreter-abi-platform): 'py3-none'", e.getMessage());
  }
}
