package org.pylock4j.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pylock4j.version.SpecifierSet;

class MarkerTreeTest {

  private static MarkerTree m(String marker) {
    return MarkerTree.parse(marker);
  }

  @Test
  void pythonVersionAndFullVersionAreOneVariable() {
    assertEquals(m("python_version < '3.10'"), m("python_full_version < '3.10'"));
    assertEquals(m("python_version == '3.9'"), m("python_full_version == '3.9.*'"));
    assertTrue(m("python_version < '3.10'").isDisjoint(m("python_full_version >= '3.10.0'")));
    assertTrue(m("python_version >= '3.8'").or(m("python_version < '3.8'")).isAlwaysTrue());
  }

  @Test
  void stringVariablesAreSetsOfValues() {
    assertTrue(m("sys_platform == 'linux'").isDisjoint(m("sys_platform == 'win32'")));
    assertFalse(m("sys_platform == 'linux'").isDisjoint(m("sys_platform != 'win32'")));
    assertTrue(m("sys_platform < 'linux'").isAlwaysFalse(), "< on strings is always false");
    assertEquals(m("sys_platform == 'linux'"), m("'linux' >= sys_platform"));
  }

  @Test
  void printsShortMarkers() {
    assertEquals("python_version >= \"3.10\" and sys_platform == \"linux\"",
        m("sys_platform == 'linux'").and(m("python_version < '3.10'").not()).toString());
    assertEquals("", m("python_version >= '3.8' or python_full_version < '3.9.2'").toString());
    assertEquals("python_version < \"0\"", m("os_name == 'nt' and os_name == 'posix'").toString());
    assertEquals("python_version >= \"3.8\" and python_version != \"3.10\"",
        m("python_version >= '3.8' and python_version != '3.10'").toString());
    assertEquals("sys_platform == \"darwin\" or sys_platform == \"linux\"",
        m("sys_platform == 'linux' or sys_platform == 'darwin'").toString());
  }

  @Test
  void printsWithinAContextWithoutWhatTheContextSays() {
    MarkerTree requires = MarkerTree.requiresPython(SpecifierSet.parse(">=3.8"));
    MarkerTree linux = m("sys_platform == 'linux'");
    assertEquals("sys_platform == \"linux\"", linux.and(requires).toString(requires));
    assertEquals("", requires.toString(requires));
    assertEquals("python_version < \"3.10\"",
        m("python_version >= '3.8' and python_version < '3.10'").toString(requires));
  }

  @Test
  void requiresPythonIsCheckedAgainstTheFullVersion() {
    MarkerTree rp = MarkerTree.requiresPython(SpecifierSet.parse(">=3.8.1,!=3.9.*"));
    assertEquals(
        "python_full_version >= \"3.8.1\" and python_version != \"3.9\"", rp.toString());
    assertTrue(rp.evaluate(MarkerEnvironment.cpython("3.10", MarkerEnvironment.Platform.LINUX_X86_64)));
    assertFalse(rp.evaluate(MarkerEnvironment.cpython("3.8.0", MarkerEnvironment.Platform.LINUX_X86_64)));
  }

  @Test
  void fixingTheExtraRemovesIt() {
    MarkerTree t = m("extra == 'Socks' and sys_platform == 'win32' or python_version < '3.9'");
    assertEquals("python_version < \"3.9\"", t.withExtra("").toString());
    assertEquals("python_version < \"3.9\" or sys_platform == \"win32\"",
        t.withExtra("socks").toString());
  }

  @Test
  void substringTestsOnPythonVersionsAreSetsOfReleases() {
    assertEquals(
        "python_version == \"3.1\" or python_version == \"3.8\" or python_version == \"3.10\"",
        m("python_version in '3.8 3.10'").toString());
  }

  @Test
  void uninterpretedComparisonsAreIndependentPropositions() {
    MarkerTree arm = m("'arm' in platform_machine");
    assertEquals("\"arm\" not in platform_machine", arm.not().toString());
    assertEquals(arm.not(), m("'arm' not in platform_machine"));
    assertFalse(m("platform_release >= '20'").isDisjoint(m("platform_release < '20'")));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> m("platform_release >= '20'").not().toString());
    assertEquals("no PEP 508 marker says: not (platform_release >= \"20\")", e.getMessage());
  }

  @Test
  void implicationAndEquality() {
    assertTrue(m("python_version >= '3.10'").implies(m("python_version >= '3.8'")));
    assertFalse(m("python_version >= '3.8'").implies(m("python_version >= '3.10'")));
    assertEquals(m("sys_platform == 'linux' and python_version < '3.9'"),
        m("python_version < '3.9'").and(m("sys_platform == 'linux'")));
  }
}
