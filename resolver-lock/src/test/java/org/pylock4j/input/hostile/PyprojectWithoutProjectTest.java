package org.pylock4j.input.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.PyprojectToml;

/** Finding 12: a pyproject.toml without [project] is bad input, not a lock of nothing. */
class PyprojectWithoutProjectTest {

  @Test
  void noProjectTableIsBadInput() {
    PyprojectToml file = PyprojectToml.parse("[tool.black]\nline-length = 100\n", Path.of("pyproject.toml"));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> file.requirements(List.of(), List.of()));
    assertEquals("pyproject.toml: no [project] table, so nothing to lock", e.getMessage());
  }

  @Test
  void dependencyGroupsAloneNeedAGroupSelected() {
    PyprojectToml file = PyprojectToml.parse("[dependency-groups]\ntest = [\"six\"]\n", Path.of("pyproject.toml"));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> file.requirements(List.of(), List.of()));
    assertEquals("pyproject.toml: no [project] table, so nothing to lock; select a group of "
        + "[dependency-groups] with --group", e.getMessage());
    assertEquals("six", file.requirements(List.of(), List.of("test")).get(0).requirement().toString());
  }
}
