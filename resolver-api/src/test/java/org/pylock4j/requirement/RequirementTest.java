package org.pylock4j.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.InvalidRequirementException;
import org.pylock4j.version.SpecifierSet;

class RequirementTest {

  @Test
  void legacyParenthesisedSpecifier() {
    Requirement r = Requirement.parse("six (>=1.9.0) ; python_version < '3'");
    assertEquals("six", r.name());
    assertEquals(">=1.9.0", r.specifier().toString());
    assertEquals("six>=1.9.0; python_version < \"3\"", r.toString());
    assertEquals(Optional.empty(), r.directUrl());
  }

  @Test
  void extrasAreNormalisedButPrintedAsWritten() {
    Requirement r = Requirement.parse("Foo.Bar [Socks_Proxy , b, B] (>=1.0 , <2)");
    assertEquals(List.of("b", "socks-proxy"), List.copyOf(r.extras()));
    assertTrue(r.extras().contains("socks-proxy"));
    assertEquals("Foo.Bar[B,Socks_Proxy,b]<2,>=1.0", r.toString());
    assertEquals(ProjectName.of("foo-bar"), r.projectName());
  }

  @Test
  void directUrlWithMarker() {
    Requirement r = Requirement.parse("pip @ https://example.org/pip.whl ;os_name=='nt'");
    assertEquals(Optional.of("https://example.org/pip.whl"), r.directUrl());
    assertTrue(r.specifier().isEmpty());
    assertEquals("os_name == \"nt\"", r.markerIfAny().orElseThrow().toString());
    assertEquals("pip @ https://example.org/pip.whl ; os_name == \"nt\"", r.toString());
  }

  @Test
  void aSemicolonRightAfterTheUrlBelongsToTheUrl() {
    Requirement r = Requirement.parse("pip @ https://example.org/pip.whl;os_name=='nt'");
    assertEquals(Optional.of("https://example.org/pip.whl;os_name=='nt'"), r.directUrl());
    assertEquals(Optional.empty(), r.markerIfAny());
  }

  @Test
  void malformedSpecifierNamesTheTextAndColumn() {
    InvalidRequirementException e =
        assertThrows(InvalidRequirementException.class, () -> Requirement.parse("setuptools (>=18.5decorator)"));
    assertEquals(
        "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier\n"
            + "    setuptools (>=18.5decorator)\n"
            + "               ~~~~~~~^",
        e.reason());
    assertEquals("setuptools (>=18.5decorator)", e.input());
    assertEquals(19, e.column());
    assertEquals("column 19: " + e.reason(), e.getMessage());
    assertEquals("requirements.txt:3:19: " + e.reason(), e.at("requirements.txt", 3).getMessage());
  }

  @Test
  void markerErrorsInsideARequirementAreRequirementErrors() {
    InvalidRequirementException e =
        assertThrows(InvalidRequirementException.class, () -> Requirement.parse("foo; os_name notin 'nt'"));
    assertEquals(
        "Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in\n"
            + "    foo; os_name notin 'nt'\n"
            + "                 ^",
        e.reason());
    assertEquals(14, e.column());
  }

  @Test
  void textAfterAUrlNeedsASemicolon() {
    InvalidRequirementException e =
        assertThrows(
            InvalidRequirementException.class,
            () -> Requirement.parse("name @ https://x.org/a.whl python_version>'3'"));
    assertEquals(
        "Expected semicolon (after URL and whitespace) or end\n"
            + "    name @ https://x.org/a.whl python_version>'3'\n"
            + "           ~~~~~~~~~~~~~~~~~~~~^",
        e.reason());
    assertEquals(28, e.column());
  }

  @Test
  void extrasNeedCommas() {
    InvalidRequirementException e =
        assertThrows(InvalidRequirementException.class, () -> Requirement.parse("foo[bar baz]"));
    assertEquals("Expected comma between extra names\n    foo[bar baz]\n            ^", e.reason());
    assertEquals(9, e.column());
  }

  @Test
  void specifierTheSetRejectsIsARequirementError() {
    InvalidRequirementException e =
        assertThrows(InvalidRequirementException.class, () -> Requirement.parse("foo===a,b"));
    assertEquals("foo===a,b", e.input());
  }

  @Test
  void constructorChecksItsParts() {
    SpecifierSet any = SpecifierSet.any();
    assertEquals("foo[bar]", new Requirement("foo", Set.of("bar"), any, null, null).toString());
    assertThrows(InvalidRequirementException.class, () -> new Requirement("foo bar", Set.of(), any, null, null));
    assertThrows(InvalidRequirementException.class, () -> new Requirement("foo", Set.of("a b"), any, null, null));
    assertThrows(InvalidRequirementException.class, () -> new Requirement("foo", Set.of(), any, "", null));
    assertThrows(
        InvalidRequirementException.class,
        () -> new Requirement("foo", Set.of(), SpecifierSet.parse(">=1"), "https://x.org/a.whl", null));
  }

  @Test
  void equalityUsesTheNormalisedName() {
    assertEquals(Requirement.parse("Foo_Bar[X]>=1"), Requirement.parse("foo-bar [x] (>=1)"));
    assertEquals(Requirement.parse("Foo_Bar[X]>=1").hashCode(), Requirement.parse("foo-bar [x] (>=1)").hashCode());
    assertNotEquals(Requirement.parse("foo>=1"), Requirement.parse("foo>=1; os_name == 'nt'"));
  }

  @Test
  void appliesWhereItsMarkerHolds() {
    MarkerEnvironment linux = MarkerEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64);
    assertTrue(Requirement.parse("foo").appliesTo(linux));
    assertTrue(Requirement.parse("foo; sys_platform == 'linux'").appliesTo(linux));
    assertEquals(false, Requirement.parse("foo; extra == 'Test'").appliesTo(linux));
    assertTrue(Requirement.parse("foo; extra == 'Test'").appliesTo(linux.withExtra("test")));
  }

  @Test
  void namesPackagingAcceptsButPep508DoesNot() {
    Requirement r = Requirement.parse("foo_");
    assertEquals("foo_", r.toString());
    assertThrows(InvalidRequirementException.class, r::projectName);
  }
}
