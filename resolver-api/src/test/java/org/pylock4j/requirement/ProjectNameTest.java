package org.pylock4j.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pylock4j.error.InvalidRequirementException;

class ProjectNameTest {

  /** {@code project-names.tsv}: snapshot display names and spellings, by canonicalize_name. */
  static Stream<Arguments> names() {
    return Tables.read("project-names.tsv").stream()
        .map(row -> Arguments.of(row[0], row[1], Boolean.parseBoolean(row[2])));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("names")
  void normalisesAndValidatesAsPackagingDoes(String name, String canonical, boolean valid) {
    assertEquals(valid, ProjectName.isValid(name));
    assertEquals(canonical, ProjectName.normalize(name));
    if (valid) {
      assertEquals(canonical, ProjectName.of(name).normalized());
      assertEquals(canonical, ProjectName.of(name).toString());
    } else {
      InvalidRequirementException e =
          assertThrows(InvalidRequirementException.class, () -> ProjectName.of(name));
      assertEquals("invalid project name", e.reason());
      assertEquals(name, e.input());
    }
  }

  @Test
  void spellingsOfOneNameAreEqual() {
    assertEquals(ProjectName.of("Foo_Bar"), ProjectName.of("foo.bar"));
    assertEquals(ProjectName.of("FOO--BAR"), ProjectName.of("foo-bar"));
    assertEquals(ProjectName.of("Foo_Bar").hashCode(), ProjectName.of("foo-bar").hashCode());
  }

  @Test
  void constructorTakesOnlyTheNormalForm() {
    assertEquals("zope-interface", new ProjectName("zope-interface").normalized());
    for (String notNormal : List.of("Zope-Interface", "zope.interface", "zope--interface", "-a", "")) {
      InvalidRequirementException e =
          assertThrows(InvalidRequirementException.class, () -> new ProjectName(notNormal));
      assertEquals("not a normalized project name (use ProjectName.of)", e.reason());
      assertEquals(notNormal, e.input());
    }
  }

  @Test
  void ordersByNormalForm() {
    List<ProjectName> names = new ArrayList<>();
    for (String s : List.of("Zope", "a_b", "A-a", "a.c", "10")) {
      names.add(ProjectName.of(s));
    }
    Collections.sort(names);
    assertEquals("[10, a-a, a-b, a-c, zope]", names.toString());
  }

  @Test
  void trailingNewlineIsNotAValidName() {
    assertFalse(ProjectName.isValid("foo\n"));
    assertTrue(ProjectName.isValid("f"));
  }
}
