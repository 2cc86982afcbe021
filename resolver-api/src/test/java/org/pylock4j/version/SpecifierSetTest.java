package org.pylock4j.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.InvalidSpecifierException;

class SpecifierSetTest {

  private static List<Version> versions(String... texts) {
    return Stream.of(texts).map(Version::parse).collect(Collectors.toList());
  }

  private static String filter(String set, String... texts) {
    return SpecifierSet.parse(set).filter(versions(texts)).stream()
        .map(Version::toString)
        .collect(Collectors.joining(" "));
  }

  @Test
  void emptySetAdmitsEverything() {
    for (String text : new String[] {"", " ", " , ,"}) {
      SpecifierSet s = SpecifierSet.parse(text);
      assertTrue(s.isEmpty());
      assertEquals("", s.toString());
      assertEquals(SpecifierSet.any(), s);
      assertTrue(s.contains(Version.parse("1.0a1")));
      assertFalse(s.contains(Version.parse("1.0a1"), false));
      assertTrue(s.contains(Version.parse("1.0"), false));
    }
  }

  @Test
  void printsClausesSortedWithoutDuplicates() {
    assertEquals("!=1.3.*,<2,>=1.0", SpecifierSet.parse(" >=1.0 , <2, != 1.3.*").toString());
    assertEquals("==1.0", SpecifierSet.parse("==1.0.0,==1.0").toString());
    assertEquals(
        List.of(Specifier.parse("<2"), Specifier.parse(">=1.0")),
        SpecifierSet.parse(">=1.0,<2,>=1.0").specifiers());
  }

  @Test
  void containsAdmitsAMatchingPrereleaseByDefault() {
    SpecifierSet s = SpecifierSet.parse(">=1.0,!=1.0.1");
    assertTrue(s.contains(Version.parse("1.3.0a1")));
    assertFalse(s.contains(Version.parse("1.3.0a1"), false));
    assertFalse(s.contains(Version.parse("1.0.1")));
    assertTrue(s.contains(Version.parse("1.2.3"), false));
  }

  @Test
  void filterAdmitsPrereleasesOnlyWhenNothingElseMatches() {
    assertEquals("1.3", filter(">=1.2.3", "1.2", "1.3", "1.5a1"));
    assertEquals("1.5a1", filter(">=1.2.3", "1.2", "1.5a1"));
    assertEquals("1.3", filter("", "1.3", "1.5a1"));
    assertEquals("1.5a1", filter("", "1.5a1"));
    assertEquals("", filter(">=2", "1.0", "1.5a1"));
  }

  @Test
  void filterAdmitsPrereleasesWhenAClauseNamesOne() {
    assertEquals("1.3 1.5a1", filter(">=1.0a1", "1.3", "1.5a1"));
    assertEquals("1.3", filter("!=1.4a1", "1.3", "1.5a1"));
  }

  @Test
  void filterWithExplicitPrereleaseChoice() {
    SpecifierSet s = SpecifierSet.parse(">=1.2.3");
    List<Version> vs = versions("1.2", "1.3", "1.5a1");
    assertEquals(versions("1.3", "1.5a1"), s.filter(vs, true));
    assertEquals(versions("1.3"), s.filter(vs, false));
    assertEquals(versions(), s.filter(versions("1.5a1"), false));
  }

  @Test
  void filterByKeyKeepsTheItems() {
    record Candidate(String file, Version version) {}
    List<Candidate> cs =
        List.of(
            new Candidate("a-1.0.whl", Version.parse("1.0")),
            new Candidate("a-2.0b1.whl", Version.parse("2.0b1")),
            new Candidate("a-1.5.whl", Version.parse("1.5")));
    assertEquals(
        List.of(cs.get(2)), SpecifierSet.parse(">1.0").filter(cs, Candidate::version));
    assertEquals(
        List.of(cs.get(1)), SpecifierSet.parse(">1.5").filter(cs, Candidate::version));
  }

  @Test
  void andIsTheConjunction() {
    SpecifierSet s =
        SpecifierSet.parse(">=1.0.0,!=1.0.1").and(SpecifierSet.parse("<=2.0.0,!=2.0.1"));
    assertEquals("!=1.0.1,!=2.0.1,<=2.0.0,>=1.0.0", s.toString());
    assertFalse(s.contains(Version.parse("2.0.1")));
    assertTrue(s.contains(Version.parse("1.5")));
    SpecifierSet a = SpecifierSet.parse(">=1");
    assertSame(a, a.and(SpecifierSet.any()));
    assertSame(a, SpecifierSet.any().and(a));
    assertTrue(SpecifierSet.parse("<1").and(SpecifierSet.parse(">=1.0a1")).prereleases());
  }

  @Test
  void ofBuildsFromClauses() {
    assertEquals(SpecifierSet.parse(">=1,<2"),
        SpecifierSet.of(Specifier.parse("<2"), Specifier.parse(">=1")));
    assertSame(SpecifierSet.any(), SpecifierSet.of());
  }

  @Test
  void invalidClauseIsNamedWithItsColumn() {
    InvalidSpecifierException e =
        assertThrows(InvalidSpecifierException.class, () -> SpecifierSet.parse(">=1.0,  ~=1"));
    assertEquals(
        "column 9: invalid specifier: '~=1' in '>=1.0,  ~=1' (~= needs a release of at least two"
            + " components, such as ~=1.0)",
        e.getMessage());
    assertEquals(">=1.0,  ~=1", e.input());
    assertEquals(9, e.column());
  }

  @Test
  void invalidSingleClauseIsNamedAlone() {
    InvalidSpecifierException e =
        assertThrows(InvalidSpecifierException.class, () -> SpecifierSet.parse(" >=1.0.* "));
    assertEquals(
        "invalid specifier: '>=1.0.*' (a .* wildcard is only allowed with == and !=)",
        e.getMessage());
    assertEquals(0, e.column());
  }

  @Test
  void everyClauseCountsEvenWhenThePrintedFormDropsAnEqualOne() {
    // packaging calls ~=2.2-c1 and ~=2.2.pre1 equal (both >=2.2rc1) but derives their prefixes
    // from the text (2.* and 2.2.*); it prints one, and a fresh packaging set applies both.
    SpecifierSet s = SpecifierSet.parse("~=2.2-c1,~=2.2.pre1");
    assertEquals("~=2.2-c1", s.toString());
    assertFalse(s.contains(Version.parse("2.3")));
    assertTrue(s.contains(Version.parse("2.2.3")));
    assertTrue(SpecifierSet.parse("~=2.2-c1").contains(Version.parse("2.3")));
  }

  @Test
  void unsatisfiableWhenNoVersionCanMatchEveryClause() {
    assertTrue(SpecifierSet.parse(">=2.0,<1.0").isUnsatisfiable());
    assertTrue(SpecifierSet.parse("==1.0,!=1.0").isUnsatisfiable());
    assertTrue(SpecifierSet.parse(">1.0,<1.0.post1").isUnsatisfiable()); // >1.0 skips posts
    assertTrue(SpecifierSet.parse("===1.0,===2.0").isUnsatisfiable());
    assertTrue(SpecifierSet.parse("<0").isUnsatisfiable());
    assertFalse(SpecifierSet.parse(">=1.0,<=1.0").isUnsatisfiable());
    assertFalse(SpecifierSet.parse("<=1.0,==1.0+local").isUnsatisfiable());
    assertFalse(SpecifierSet.parse(">1.0,<1.0.0.1").isUnsatisfiable());
    assertFalse(SpecifierSet.any().isUnsatisfiable());
  }

  @Test
  void semicolonIsNotASeparator() {
    assertThrows(InvalidSpecifierException.class, () -> SpecifierSet.parse(">=1.0;<2"));
  }
}
