package org.pylock4j.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.requirement.ProjectName;

/** {@code [[tool.pylock4j.index]]}: named indexes and the projects pinned to them. */
class PyprojectIndexTest {

  @TempDir Path dir;

  private Path write(String content) throws IOException {
    Path file = dir.resolve("pyproject.toml");
    Files.writeString(file, content);
    return file;
  }

  private InvalidInputException error(String content) throws IOException {
    Path file = write(content);
    return assertThrows(InvalidInputException.class, () -> PyprojectToml.read(file));
  }

  @Test
  void indexTablesAreRead() throws IOException {
    Files.createDirectories(dir.resolve("wheels"));
    Path file =
        write(
            """
            [tool.pylock4j]
            index-url = "https://pypi.org/simple/"

            [[tool.pylock4j.index]]
            name = "acme"
            url = "https://pypi.acme.example/simple/"
            projects = ["Acme_Core", "acme-utils"]

            [[tool.pylock4j.index]]
            name = "local"
            url = "wheels"
            """);
    PyprojectToml read = PyprojectToml.read(file);
    assertEquals(
        List.of(
            new IndexPin(
                "acme", "https://pypi.acme.example/simple/",
                List.of(ProjectName.of("acme-core"), ProjectName.of("acme-utils"))),
            new IndexPin("local", dir.resolve("wheels").toUri().toString(), List.of())),
        read.indexes());
    assertEquals("https://pypi.org/simple/", read.settings().indexUrl());
  }

  @Test
  void noTablesNoIndexes() throws IOException {
    assertEquals(List.of(), PyprojectToml.read(write("[project]\nname = \"x\"\n")).indexes());
  }

  @Test
  void anUnknownKeyIsNamed() throws IOException {
    InvalidInputException e =
        error("[[tool.pylock4j.index]]\nname = \"a\"\nurl = \"https://a/\"\nexplicit = true\n");
    assertEquals(
        dir.resolve("pyproject.toml")
            + ":4:1: unknown key 'explicit' in [[tool.pylock4j.index]]"
            + " (known: name, projects, url)",
        e.getMessage());
  }

  @Test
  void aUrlIsRequired() throws IOException {
    InvalidInputException e = error("[[tool.pylock4j.index]]\nname = \"a\"\n");
    assertEquals("[[tool.pylock4j.index]] 'a' needs a url", e.reason());
  }

  @Test
  void aProjectPinnedToTwoIndexesIsRefused() throws IOException {
    InvalidInputException e =
        error(
            """
            [[tool.pylock4j.index]]
            name = "a"
            url = "https://a.example/simple/"
            projects = ["acme"]

            [[tool.pylock4j.index]]
            name = "b"
            url = "https://b.example/simple/"
            projects = ["ACME"]
            """);
    assertEquals("project acme is pinned to two indexes: a and b", e.reason());
  }

  @Test
  void projectsMustBeNames() throws IOException {
    InvalidInputException e =
        error(
            "[[tool.pylock4j.index]]\nname = \"a\"\nurl = \"https://a/\"\n"
                + "projects = [\"no way\"]\n");
    assertEquals(
        "[[tool.pylock4j.index]] 'a' projects: 'no way' is not a project name", e.reason());
  }
}
