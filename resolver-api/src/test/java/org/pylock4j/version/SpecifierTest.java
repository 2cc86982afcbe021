package org.pylock4j.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pylock4j.error.InvalidSpecifierException;

class SpecifierTest {

  private static boolean in(String spec, String version) {
    return Specifier.parse(spec).contains(Version.parse(version));
  }

  @Test
  void greaterThanExcludesPostAndLocalReleasesOfTheSameVersion() {
    assertFalse(in(">1.7", "1.7.post1"));
    assertFalse(in(">1.7", "1.7+local"));
    assertTrue(in(">1.7", "1.7.1"));
    assertTrue(in(">1.7.post1", "1.7.post2"));
    assertTrue(in(">1.7a1", "1.7a2+local"));
  }

  @Test
  void lessThanExcludesPrereleasesOfTheSameVersionUnlessItNamesOne() {
    assertFalse(in("<1.7", "1.7rc1"));
    assertFalse(in("<1.7", "1.7.dev0"));
    assertTrue(in("<1.7", "1.6rc1"));
    assertTrue(in("<1.7rc1", "1.7b1"));
  }

  @Test
  void localVersionsMatchAPublicClause() {
    assertTrue(in("==1.0", "1.0+ubuntu.1"));
    assertTrue(in("<=1.0", "1.0+ubuntu.1"));
    assertTrue(in(">=1.0", "1.0+ubuntu.1"));
    assertTrue(in("==1.0+ubuntu.1", "1.0+ubuntu-1"));
    assertFalse(in("==1.0+ubuntu.1", "1.0"));
    assertFalse(in("!=1.0", "1.0+ubuntu.1"));
  }

  @Test
  void wildcardsMatchByReleasePrefix() {
    assertTrue(in("==1.0.*", "1"));
    assertTrue(in("==1.0.*", "1.0.5"));
    assertTrue(in("==1.0.*", "1.0a1"));
    assertTrue(in("==1.0.*", "1.0.post1+local"));
    assertFalse(in("==1.0.*", "1.1"));
    assertFalse(in("==1.0.*", "1!1.0"));
    assertTrue(in("!=1.0.*", "1.1"));
    assertFalse(in("!=1.0.*", "1.0.0.1"));
  }

  @Test
  void compatibleReleaseIsAtLeastAndSamePrefix() {
    assertTrue(in("~=2.2", "2.9"));
    assertFalse(in("~=2.2", "3.0"));
    assertFalse(in("~=2.2", "2.1"));
    assertTrue(in("~=1.4.5", "1.4.9"));
    assertFalse(in("~=1.4.5", "1.5"));
    assertTrue(in("~=2.2.post3", "2.3"));
  }

  @Test
  void arbitraryEqualityComparesTheNormalFormIgnoringCase() {
    assertTrue(in("===1.0", "1.0"));
    assertFalse(in("===1.0", "1.0.0"));
    assertTrue(in("===1.0+LOCAL", "1.0+local"));
    assertTrue(in("===foobar", "1.0") == false);
  }

  @Test
  void containsAdmitsMatchingPrereleasesUnlessTold() {
    Specifier s = Specifier.parse(">=1.0");
    Version pre = Version.parse("2.0b1");
    assertTrue(s.contains(pre));
    assertTrue(s.contains(pre, true));
    assertFalse(s.contains(pre, false));
    assertTrue(s.contains(Version.parse("2.0"), false));
  }

  @Test
  void prereleasesWhenTheClauseNamesOne() {
    assertTrue(Specifier.parse(">=1.0a1").prereleases());
    assertTrue(Specifier.parse("==1.0.dev1").prereleases());
    assertTrue(Specifier.parse("===1.0rc1").prereleases());
    assertFalse(Specifier.parse("!=1.0a1").prereleases());
    assertFalse(Specifier.parse("==1.0.*").prereleases());
    assertFalse(Specifier.parse("===foo").prereleases());
    assertFalse(Specifier.parse(">=1.0").prereleases());
  }

  @Test
  void keepsTheVersionAsWrittenAndComparesByNormalForm() {
    Specifier s = Specifier.parse("  >=  v1.0.0 ");
    assertEquals(">=", s.operator());
    assertEquals("v1.0.0", s.version());
    assertEquals(">=v1.0.0", s.toString());
    assertEquals(Specifier.parse(">=1"), s);
    assertEquals(Specifier.parse(">=1").hashCode(), s.hashCode());
    assertNotEquals(Specifier.parse("~=1.0"), Specifier.parse("~=1.0.0"));
    assertEquals("1.0", Specifier.parse("==1.0.*").parsedVersion().orElseThrow().toString());
    assertTrue(Specifier.parse("==1.0.*").isWildcard());
    assertTrue(Specifier.parse("===foo").parsedVersion().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "~=1|invalid specifier: '~=1' (~= needs a release of at least two components, such as"
            + " ~=1.0)",
        ">=1.0.*|invalid specifier: '>=1.0.*' (a .* wildcard is only allowed with == and !=)",
        "==1.0.*+local|invalid specifier: '==1.0.*+local' ('1.0.*+local' is not a PEP 440"
            + " version)",
        "==1.0a1.*|invalid specifier: '==1.0a1.*' (a .* wildcard may only follow a release such"
            + " as 1.2, without pre-, post-, dev- or local segment)",
        ">=1.0+local|invalid specifier: '>=1.0+local' (a local version label (+...) is only"
            + " allowed with == and !=)",
        "~=1.0+local|invalid specifier: '~=1.0+local' (a local version label (+...) is only"
            + " allowed with == and !=)",
        "foo|invalid specifier: 'foo' (expected one of the operators ~= == != <= >= < > ==="
            + " before the version)",
        "1.0|invalid specifier: '1.0' (expected one of the operators ~= == != <= >= < > ==="
            + " before the version)",
        ">=|invalid specifier: '>=' (no version after >=)",
        ">=1.0 2|invalid specifier: '>=1.0 2' (whitespace inside the version)",
        ">=1.0x|invalid specifier: '>=1.0x' ('1.0x' is not a PEP 440 version)",
        "===a;b|invalid specifier: '===a;b' (=== takes one word without whitespace, ';' or ')')",
      })
  void invalidClauseSaysWhy(String input, String message) {
    InvalidSpecifierException e =
        assertThrows(InvalidSpecifierException.class, () -> Specifier.parse(input));
    assertEquals(message, e.getMessage());
    assertEquals(input, e.input());
    assertTrue(Specifier.tryParse(input).isEmpty());
  }

  @Test
  void clausePackagingCannotEvaluateIsRejected() {
    // packaging accepts "~=1.0poſt1" (its regex folds ſ to s) and then fails with AssertionError
    assertThrows(InvalidSpecifierException.class, () -> Specifier.parse("~=1.0po\u017ft1"));
  }
}
