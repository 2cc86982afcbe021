package org.pylock4j.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pylock4j.requirement.MarkerEnvironment.Platform.LINUX_X86_64;
import static org.pylock4j.requirement.MarkerEnvironment.Platform.MACOS_ARM64;
import static org.pylock4j.requirement.MarkerEnvironment.Platform.WINDOWS_AMD64;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.InvalidInputException;

class MarkerEnvironmentTest {

  @Test
  void cpythonOnWindows() {
    assertEquals(
        Map.ofEntries(
            Map.entry("implementation_name", "cpython"),
            Map.entry("implementation_version", "3.12.0"),
            Map.entry("os_name", "nt"),
            Map.entry("platform_machine", "AMD64"),
            Map.entry("platform_release", "10"),
            Map.entry("platform_system", "Windows"),
            Map.entry("platform_version", "10.0.19045"),
            Map.entry("python_full_version", "3.12.0"),
            Map.entry("platform_python_implementation", "CPython"),
            Map.entry("python_version", "3.12"),
            Map.entry("sys_platform", "win32")),
        MarkerEnvironment.cpython("3.12", WINDOWS_AMD64).values());
  }

  @Test
  void cpythonKeepsAPatchLevelOrPrerelease() {
    MarkerEnvironment env = MarkerEnvironment.cpython("3.12.4", MACOS_ARM64);
    assertEquals(Optional.of("3.12"), env.get("python_version"));
    assertEquals(Optional.of("3.12.4"), env.get("python_full_version"));
    assertEquals(Optional.of("3.12.4"), env.get("implementation_version"));
    assertEquals(Optional.of("arm64"), env.get("platform_machine"));
    assertEquals(
        Optional.of("3.14.0rc1"),
        MarkerEnvironment.cpython("3.14.0rc1", LINUX_X86_64).get("python_full_version"));
    assertEquals(Optional.empty(), env.get("extra"));
  }

  @Test
  void cpythonRejectsOtherVersionForms() {
    for (String bad : new String[] {"3", "3.12.x", "py3.12", "3.12.0.1", " 3.12", ""}) {
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> MarkerEnvironment.cpython(bad, LINUX_X86_64));
      assertEquals("not a CPython version (expected X.Y or X.Y.Z, e.g. 3.12 or 3.12.4)", e.getMessage());
      assertEquals(bad, e.input());
    }
  }

  @Test
  void missingVariablesAreNamed() {
    Map<String, String> values = new HashMap<>(MarkerEnvironment.cpython("3.12", LINUX_X86_64).values());
    values.remove("sys_platform");
    values.remove("os_name");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> MarkerEnvironment.of(values));
    assertEquals("marker environment lacks os_name, sys_platform", e.getMessage());
  }

  @Test
  void unknownVariablesAndNullValuesAreNamed() {
    Map<String, String> values = new HashMap<>(MarkerEnvironment.cpython("3.12", LINUX_X86_64).values());
    values.put("python_versoin", "3.12");
    values.put("extra", null);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> MarkerEnvironment.of(values));
    assertEquals(
        "marker environment has unknown variables python_versoin and has no value for extra",
        e.getMessage());
  }

  @Test
  void valuesAreCopied() {
    Map<String, String> values = new HashMap<>(MarkerEnvironment.cpython("3.12", LINUX_X86_64).values());
    MarkerEnvironment env = MarkerEnvironment.of(values);
    values.put("os_name", "nt");
    assertEquals(Optional.of("posix"), env.get("os_name"));
    assertThrows(UnsupportedOperationException.class, () -> env.values().put("os_name", "nt"));
  }

  @Test
  void withExtraNormalises() {
    MarkerEnvironment env = MarkerEnvironment.cpython("3.12", LINUX_X86_64);
    assertEquals(Optional.of("foo-bar"), env.withExtra("Foo__Bar").get("extra"));
    assertEquals(Optional.of(""), env.withExtra("").get("extra"));
    assertEquals(Optional.empty(), env.get("extra"));
  }

  @Test
  void withRejectsUnknownVariables() {
    MarkerEnvironment env = MarkerEnvironment.cpython("3.12", LINUX_X86_64);
    assertEquals(Optional.of("nt"), env.with("os_name", "nt").get("os_name"));
    assertThrows(InvalidInputException.class, () -> env.with("os", "nt"));
  }
}
