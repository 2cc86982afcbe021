package org.pylock4j.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pylock4j.requirement.MarkerEnvironment.Platform.LINUX_X86_64;
import static org.pylock4j.requirement.MarkerEnvironment.Platform.WINDOWS_AMD64;

import org.junit.jupiter.api.Test;
import org.pylock4j.error.InvalidMarkerException;
import org.pylock4j.requirement.Marker.And;
import org.pylock4j.requirement.Marker.Comparison;
import org.pylock4j.requirement.Marker.Group;
import org.pylock4j.requirement.Marker.Literal;
import org.pylock4j.requirement.Marker.Or;
import org.pylock4j.requirement.Marker.Variable;

class MarkerTest {

  private static final MarkerEnvironment LINUX = MarkerEnvironment.cpython("3.12", LINUX_X86_64);

  private static Comparison cmp(String variable, String op, String literal) {
    return new Comparison(new Variable(variable), op, new Literal(literal));
  }

  @Test
  void andBindsTighterThanOr() {
    Marker m = Marker.parse("os_name == 'a' or os_name == 'b' and os_name == 'c' or os_name == 'd'");
    assertEquals(
        new Or(
            new Or(cmp("os_name", "==", "a"), new And(cmp("os_name", "==", "b"), cmp("os_name", "==", "c"))),
            cmp("os_name", "==", "d")),
        m);
  }

  @Test
  void parenthesesAreKeptAsGroups() {
    assertEquals(
        new And(new Group(new Or(cmp("os_name", "==", "a"), cmp("os_name", "==", "b"))), cmp("os_name", "==", "c")),
        Marker.parse("(os_name == 'a' or os_name == 'b') and os_name == 'c'"));
  }

  @Test
  void legacyVariableNamesAreCanonicalised() {
    assertEquals(
        new Comparison(new Literal("CPython"), "==", new Variable("platform_python_implementation")),
        Marker.parse("'CPython' == python_implementation"));
    assertEquals("os_name == \"nt\" and sys_platform == \"win32\"", Marker.parse("os.name=='nt' and sys.platform=='win32'").toString());
  }

  @Test
  void extraComparedValueIsNormalisedOutsideParenthesesOnly() {
    assertEquals(cmp("extra", "==", "foo-bar"), Marker.parse("extra == 'Foo_Bar'"));
    assertEquals(new Group(cmp("extra", "==", "Foo_Bar")), Marker.parse("(extra == 'Foo_Bar')"));
    assertTrue(Marker.parse("extra == 'Foo_Bar'").evaluate(LINUX.withExtra("foo.bar")));
    assertFalse(Marker.parse("(extra == 'Foo_Bar')").evaluate(LINUX.withExtra("foo.bar")));
  }

  @Test
  void absentExtraEvaluatesAsEmpty() {
    assertTrue(Marker.parse("extra == ''").evaluate(LINUX));
    assertFalse(Marker.parse("extra == 'test'").evaluate(LINUX));
    assertTrue(Marker.parse("extra == 'test'").evaluate(LINUX.withExtra("Test")));
    assertTrue(Marker.parse("extra == 'test'").evaluate(LINUX.with("extra", "TEST")));
  }

  @Test
  void stringsCompareByEqualityOnly() {
    assertTrue(Marker.parse("sys_platform <= 'linux'").evaluate(LINUX));
    assertFalse(Marker.parse("sys_platform < 'z'").evaluate(LINUX));
    assertFalse(Marker.parse("sys_platform > 'a'").evaluate(LINUX));
    assertTrue(Marker.parse("'linux' in sys_platform").evaluate(LINUX));
    assertTrue(Marker.parse("sys_platform not in 'win32 cygwin'").evaluate(LINUX));
  }

  @Test
  void formatFollowsPackagingIncludingItsDoubleParenthesesQuirk() {
    assertEquals("os_name == \"a\"", Marker.parse("((os_name=='a'))").toString());
    assertEquals(
        "os_name == \"a\" or os_name == \"b\" and os_name == \"c\"",
        Marker.parse("((os_name=='a' or os_name=='b')) and os_name=='c'").toString());
    assertEquals(
        "(os_name == \"a\" or os_name == \"b\") and os_name == \"c\"",
        Marker.parse("(os_name=='a' or os_name=='b') and os_name=='c'").toString());
    assertEquals("os_name == \"it's\"", Marker.parse("os_name == \"it's\"").toString());
  }

  @Test
  void programmaticTreesPrintWhatTheyMean() {
    Marker a = cmp("os_name", "==", "a");
    Marker b = cmp("os_name", "==", "b");
    Marker c = cmp("os_name", "==", "c");
    assertEquals("(os_name == \"a\" or os_name == \"b\") and os_name == \"c\"", new And(new Or(a, b), c).toString());
    assertEquals("os_name == \"a\" or os_name == \"b\" and os_name == \"c\"", new Or(a, new And(b, c)).toString());
  }

  @Test
  void andOrCombineLikePackagingOperators() {
    Marker chain = Marker.parse("os_name == 'a' or os_name == 'b'");
    Marker single = Marker.parse("os_name == 'c'");
    assertEquals("(os_name == \"a\" or os_name == \"b\") and os_name == \"c\"", chain.and(single).toString());
    assertEquals("os_name == \"c\" or (os_name == \"a\" or os_name == \"b\")", single.or(chain).toString());
    assertFalse(chain.and(single).evaluate(LINUX.with("os_name", "a")));
    assertTrue(single.or(chain).evaluate(LINUX.with("os_name", "a")));
  }

  @Test
  void undefinedComparisonNamesOperatorAndValues() {
    InvalidMarkerException e =
        assertThrows(InvalidMarkerException.class, () -> Marker.parse("os_name ~= \"it's\"").evaluate(LINUX));
    assertEquals("Undefined <Op('~=')> on 'posix' and \"it's\".", e.getMessage());
    assertEquals("os_name ~= \"it's\"", e.input());
    e = assertThrows(InvalidMarkerException.class, () -> Marker.parse("sys_platform === 'linux'").evaluate(LINUX));
    assertEquals("Undefined <Op('===')> on 'linux' and 'linux'.", e.getMessage());
  }

  @Test
  void everyComparisonIsEvaluatedAsInPackaging() {
    Marker m = Marker.parse("os_name == 'posix' or os_name ~= 'nt'");
    assertThrows(InvalidMarkerException.class, () -> m.evaluate(LINUX));
  }

  @Test
  void variablesTheEnvironmentLacksAreAnError() {
    InvalidMarkerException e =
        assertThrows(InvalidMarkerException.class, () -> Marker.parse("'dev' in dependency_groups").evaluate(LINUX));
    assertEquals("the marker environment has no value for 'dependency_groups'", e.getMessage());
    assertTrue(Marker.parse("'Dev_Tools' in dependency_groups").evaluate(LINUX.with("dependency_groups", "dev-tools")));
  }

  @Test
  void parseErrorsCarryPackagingsMessageAndColumn() {
    InvalidMarkerException e =
        assertThrows(InvalidMarkerException.class, () -> Marker.parse("(os_name == \"nt\""));
    assertEquals(
        "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression\n"
            + "    (os_name == \"nt\"\n"
            + "    ~~~~~~~~~~~~~~~~^",
        e.reason());
    assertEquals(17, e.column());
    assertEquals("(os_name == \"nt\"", e.input());
    assertEquals("column 17: " + e.reason(), e.getMessage());

    e = assertThrows(InvalidMarkerException.class, () -> Marker.parse("os_name == \"nt\" and"));
    assertEquals(
        "Expected a marker variable or quoted string\n    os_name == \"nt\" and\n                       ^",
        e.reason());
    assertEquals(20, e.column());
  }

  @Test
  void invalidStringLiteralsAreParseErrors() {
    InvalidMarkerException e =
        assertThrows(InvalidMarkerException.class, () -> Marker.parse("os_name == '\\x4'"));
    assertEquals(
        "Invalid string literal (truncated \\xXX escape)\n    os_name == '\\x4'\n               ~~~~~^",
        e.reason());
  }

  @Test
  void stringEscapesAreResolved() {
    assertEquals(new Literal("A\tB\u00e9\\d"), ((Comparison) Marker.parse("os_name == '\\101\\tB\\N{LATIN SMALL LETTER E WITH ACUTE}\\d'")).right());
  }

  @Test
  void constructorsRejectUnknownOperatorsAndVariables() {
    assertThrows(IllegalArgumentException.class, () -> cmp("os_name", "=", "x"));
    assertThrows(IllegalArgumentException.class, () -> new Variable("os.name"));
    assertThrows(NullPointerException.class, () -> new And(null, cmp("os_name", "==", "x")));
  }

  @Test
  void windowsMarkers() {
    MarkerEnvironment windows = MarkerEnvironment.cpython("3.12", WINDOWS_AMD64);
    assertTrue(Marker.parse("sys_platform == 'win32' and platform_machine == 'AMD64'").evaluate(windows));
    assertFalse(Marker.parse("os_name == 'posix'").evaluate(windows));
  }
}
