package org.pylock4j.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.error.InvalidInputException;

class PyprojectTomlTest {

  @TempDir Path dir;

  private static final String WEBAPP =
      """
      [project]
      name = "webapp"
      version = "0.1.0"
      requires-python = ">=3.8"
      dependencies = [
          "flask>=1.1,<2",
          'requests[socks]>=2.24; python_version >= "3.8"',
      ]

      [project.optional-dependencies]
      Postgres = ["psycopg2>=2.8"]
      all = ["webapp[postgres,docs] ; sys_platform == 'linux'"]
      docs = ["sphinx"]

      [dependency-groups]
      test = ["pytest>=6", "pytest-cov"]
      dev = [{include-group = "test"}, "black"]
      """;

  private Path write(String content) throws IOException {
    Path file = dir.resolve("pyproject.toml");
    Files.writeString(file, content);
    return file;
  }

  private static List<String> texts(List<DeclaredRequirement> requirements) {
    return requirements.stream().map(r -> r.requirement().toString()).toList();
  }

  @Test
  void readsDependenciesExtrasAndGroups() throws IOException {
    PyprojectToml project = PyprojectToml.read(write(WEBAPP));
    assertEquals("webapp", project.name().orElseThrow());
    assertEquals(">=3.8", project.requiresPython().orElseThrow());
    assertEquals(
        List.of("flask<2,>=1.1", "requests[socks]>=2.24; python_version >= \"3.8\""),
        texts(project.dependencies()));
    assertEquals(List.of("postgres", "all", "docs"), List.copyOf(project.extras()));
    assertEquals(Set.of("test", "dev"), project.groups());
    assertEquals(List.of("pytest>=6", "pytest-cov", "black"), texts(project.dependencyGroup("DEV")));
    assertSame(ToolSettings.NONE, project.settings());
  }

  @Test
  void requirementsAreLocated() throws IOException {
    PyprojectToml project = PyprojectToml.read(write(WEBAPP));
    DeclaredRequirement requests = project.dependencies().get(1);
    assertEquals(7, requests.line());
    assertEquals(6, requests.column());
    DeclaredRequirement black = project.dependencyGroup("dev").get(2);
    assertEquals(17, black.line());
    assertEquals(35, black.column());
  }

  @Test
  void selectedExtrasAndGroupsFollowTheDependencies() throws IOException {
    PyprojectToml project = PyprojectToml.read(write(WEBAPP));
    assertEquals(
        List.of(
            "flask<2,>=1.1",
            "requests[socks]>=2.24; python_version >= \"3.8\"",
            "psycopg2>=2.8",
            "pytest>=6",
            "pytest-cov"),
        texts(project.requirements(List.of("postgres"), List.of("test"))));
  }

  @Test
  void aReferenceToTheProjectItselfExpandsItsExtras() throws IOException {
    PyprojectToml project = PyprojectToml.read(write(WEBAPP));
    assertEquals(
        List.of(
            "flask<2,>=1.1",
            "requests[socks]>=2.24; python_version >= \"3.8\"",
            "sphinx; sys_platform == \"linux\"",
            "psycopg2>=2.8; sys_platform == \"linux\""),
        texts(project.requirements(List.of("all"), List.of())));
  }

  @Test
  void anUnknownExtraOrGroupIsNamedWithTheKnownOnes() throws IOException {
    Path file = write(WEBAPP);
    PyprojectToml project = PyprojectToml.read(file);
    InvalidInputException extra =
        assertThrows(
            InvalidInputException.class, () -> project.requirements(List.of("gui"), List.of()));
    assertEquals(
        file + ": no extra 'gui' in [project.optional-dependencies] (known: postgres, all, docs)",
        extra.getMessage());
    InvalidInputException group =
        assertThrows(InvalidInputException.class, () -> project.dependencyGroup("lint"));
    assertEquals(
        file + ": no dependency group 'lint' in [dependency-groups] (known: test, dev)",
        group.getMessage());
  }

  @Test
  void aBadRequirementNamesFileLineColumnAndText() throws IOException {
    Path file =
        write(
            """
            [project]
            name = "app"
            dependencies = [
              "flask>=1.1",
              "requests>=>2",
            ]
            """);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> PyprojectToml.read(file));
    assertEquals(
        file + ":5:12: invalid requirement 'requests>=>2': Expected semicolon (after name with no"
            + " version specifier) or end (in [project] dependencies)",
        e.getMessage());
  }

  @Test
  void badTomlNamesLineAndColumn() throws IOException {
    Path file = write("[project]\nname = \"app\"\ndependencies = [\"six\"\n[tool]\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> PyprojectToml.read(file));
    assertEquals(4, e.line());
    assertEquals(e.getMessage(), file + ":4:1: invalid TOML: " + e.reason().substring(14));
  }

  @Test
  void aGroupThatIncludesItselfIsRefused() throws IOException {
    Path file =
        write(
            """
            [dependency-groups]
            a = [{include-group = "b"}]
            b = ["six", {include-group = "a"}]
            """);
    PyprojectToml project = PyprojectToml.read(file);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> project.dependencyGroup("a"));
    assertEquals(file + ": dependency group includes itself: a -> b -> a", e.getMessage());
  }

  @Test
  void anIncludeOfAnUnknownGroupIsLocated() throws IOException {
    Path file = write("[dependency-groups]\na = [\"six\", {include-group = \"tests\"}]\n");
    PyprojectToml project = PyprojectToml.read(file);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> project.dependencyGroup("a"));
    assertEquals(file + ":2:31: include-group names unknown group 'tests'", e.getMessage());
  }

  @Test
  void dynamicDependenciesAreRefused() throws IOException {
    Path file = write("[project]\nname = \"app\"\ndynamic = [\"version\", \"dependencies\"]\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> PyprojectToml.read(file));
    assertEquals(
        file + ":3:24: [project] dependencies are dynamic: learning them would need the build"
            + " backend, and pylock4j never runs package code; declare them statically",
        e.getMessage());
  }

  @Test
  void dependenciesMustBeAnArrayOfStrings() throws IOException {
    Path file = write("[project]\nname = \"app\"\ndependencies = \"six\"\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> PyprojectToml.read(file));
    assertEquals(file + ":3:1: [project] dependencies must be an array of strings", e.getMessage());
  }

  @Test
  void toolSettingsAreRead() throws IOException {
    Files.createDirectories(dir.resolve("index"));
    Path file =
        write(
            """
            [tool.pylock4j]
            index-url = "index"
            extra-index-urls = ["https://example.org/simple/"]
            index-strategy = "unsafe-best-match"
            prerelease = "allow"
            resolution = "lowest-direct"
            exclude-newer = "2024-01-01"
            constraint-dependencies = ["urllib3<2"]
            """);
    ToolSettings settings = PyprojectToml.read(file).settings();
    assertEquals(dir.resolve("index").toUri().toString(), settings.indexUrl());
    assertEquals(List.of("https://example.org/simple/"), settings.extraIndexUrls());
    assertEquals("unsafe-best-match", settings.indexStrategy());
    assertEquals("allow", settings.prerelease());
    assertEquals("lowest-direct", settings.resolution());
    assertEquals("2024-01-01", settings.excludeNewer());
    assertEquals(List.of("urllib3<2"), texts(settings.constraints()));
    assertEquals(8, settings.constraints().get(0).line());
  }

  @Test
  void anUnknownSettingIsNamed() throws IOException {
    Path file = write("[tool.pylock4j]\nindex_url = \"https://example.org/simple/\"\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> PyprojectToml.read(file));
    assertEquals(
        file + ":2:1: unknown setting 'index_url' in [tool.pylock4j] (known: constraint-dependencies,"
            + " exclude-newer, extra-index-urls, index, index-strategy, index-url, prerelease,"
            + " resolution)",
        e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("pyproject.toml");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> PyprojectToml.read(missing));
    assertEquals("no such file: " + missing, e.getMessage());
  }
}
