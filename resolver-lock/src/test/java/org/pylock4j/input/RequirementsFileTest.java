package org.pylock4j.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.error.InvalidRequirementException;

class RequirementsFileTest {

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private static List<String> texts(List<DeclaredRequirement> requirements) {
    return requirements.stream().map(r -> r.requirement().toString()).toList();
  }

  private static String where(DeclaredRequirement r) {
    return r.line() + ":" + r.column();
  }

  @Test
  void commentsBlankLinesAndInlineCommentsAreDropped() throws IOException {
    Path file =
        write(
            "requirements.in",
            """
            # the web app

            flask>=1.1   # the framework
              requests[socks]>=2.24 ; python_version >= "3.8"
            """);
    RequirementsFile parsed = RequirementsFile.read(file, Map.of());
    assertEquals(
        List.of("flask>=1.1", "requests[socks]>=2.24; python_version >= \"3.8\""),
        texts(parsed.requirements()));
    assertEquals("3:1", where(parsed.requirements().get(0)));
    assertEquals("4:3", where(parsed.requirements().get(1)));
    assertEquals(file.toString(), parsed.requirements().get(0).file());
    assertEquals(List.of(file), parsed.files());
  }

  @Test
  void hashInAUrlFragmentIsNotAComment() throws IOException {
    Path file = write("r.txt", "pkg @ https://example.org/pkg-1.0.tar.gz#sha256=abc\n");
    RequirementsFile parsed = RequirementsFile.read(file, Map.of());
    assertEquals(
        "https://example.org/pkg-1.0.tar.gz#sha256=abc",
        parsed.requirements().get(0).requirement().url());
  }

  @Test
  void backslashContinuesALine() throws IOException {
    Path file = write("r.txt", "requests \\\n    >=2.0, \\\n    <3\nsix\n");
    RequirementsFile parsed = RequirementsFile.read(file, Map.of());
    assertEquals(List.of("requests<3,>=2.0", "six"), texts(parsed.requirements()));
    assertEquals("1:1", where(parsed.requirements().get(0)));
    assertEquals("4:1", where(parsed.requirements().get(1)));
  }

  @Test
  void aCommentLineEndsAContinuation() throws IOException {
    Path file = write("r.txt", "six \\\n# a comment\nidna\n");
    assertEquals(List.of("six", "idna"), texts(RequirementsFile.read(file, Map.of()).requirements()));
  }

  @Test
  void nestedFilesAreRelativeToTheFileThatNamesThem() throws IOException {
    write("base.txt", "six\n-c constraints/pins.txt\n");
    write("constraints/pins.txt", "six==1.15.0\n-r more-pins.txt\n");
    write("constraints/more-pins.txt", "idna<3\n");
    Path top = write("app/requirements.in", "flask\n-r ../base.txt\n--requirement=extra.txt\n");
    write("app/extra.txt", "click\n");
    RequirementsFile parsed = RequirementsFile.read(top, Map.of());
    assertEquals(List.of("flask", "six", "click"), texts(parsed.requirements()));
    // a file included from a constraints file holds constraints too
    assertEquals(List.of("six==1.15.0", "idna<3"), texts(parsed.constraints()));
    assertEquals(
        dir.resolve("constraints/more-pins.txt").toString(), parsed.constraints().get(1).file());
    assertEquals(5, parsed.files().size());
  }

  @Test
  void readConstraintsMakesEveryRequirementAConstraint() throws IOException {
    Path file = write("c.txt", "urllib3<2\n");
    RequirementsFile parsed = RequirementsFile.readConstraints(file, Map.of());
    assertEquals(List.of(), parsed.requirements());
    assertEquals(List.of("urllib3<2"), texts(parsed.constraints()));
  }

  @Test
  void indexOptionsAreCollected() throws IOException {
    Files.createDirectories(dir.resolve("local-index"));
    Path file =
        write(
            "r.txt",
            """
            --index-url https://example.org/simple/
            -i https://mirror.example.org/simple/
            --extra-index-url=https://extra.example.org/simple/
            --extra-index-url https://extra.example.org/simple/
            --extra-index-url local-index
            --pre
            --only-binary :all:
            six
            """);
    RequirementsFile parsed = RequirementsFile.read(file, Map.of());
    assertEquals("https://mirror.example.org/simple/", parsed.indexUrl().orElseThrow());
    assertEquals(
        List.of(
            "https://extra.example.org/simple/", dir.resolve("local-index").toUri().toString()),
        parsed.extraIndexUrls());
    assertTrue(parsed.prereleases());
    assertTrue(parsed.onlyBinary());
    assertFalse(parsed.noIndex());
  }

  @Test
  void environmentVariablesAreExpanded() throws IOException {
    Path file =
        write("r.txt", "--index-url https://${USER_NAME}:${TOKEN}@example.org/simple/\nsix==${SIX}\n");
    RequirementsFile parsed =
        RequirementsFile.read(file, Map.of("USER_NAME", "me", "TOKEN", "t0k", "SIX", "1.15.0"));
    assertEquals("https://me:t0k@example.org/simple/", parsed.indexUrl().orElseThrow());
    assertEquals(List.of("six==1.15.0"), texts(parsed.requirements()));
  }

  @Test
  void anUnsetVariableIsAnErrorAtItsPlace() throws IOException {
    Path file = write("r.txt", "six\nidna==${IDNA_VERSION}\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RequirementsFile.read(file, Map.of()));
    assertEquals(file + ":2:7: environment variable IDNA_VERSION is not set", e.getMessage());
    assertEquals("${IDNA_VERSION}", e.input());
  }

  @Test
  void aBadRequirementNamesFileLineColumnAndText() throws IOException {
    Path file = write("requirements.in", "six\n\n   requests>=>2  # oops\n");
    InvalidRequirementException e =
        assertThrows(
            InvalidRequirementException.class, () -> RequirementsFile.read(file, Map.of()));
    assertEquals(
        file + ":3:12: invalid requirement 'requests>=>2': Expected semicolon (after name with no"
            + " version specifier) or end",
        e.getMessage());
    assertEquals(3, e.line());
    assertEquals(12, e.column());
    assertEquals("requests>=>2", e.input());
  }

  @Test
  void anErrorOnAContinuedLineIsLocatedOnThePhysicalLine() throws IOException {
    Path file = write("r.txt", "flask \\\n  [async\n");
    InvalidRequirementException e =
        assertThrows(
            InvalidRequirementException.class, () -> RequirementsFile.read(file, Map.of()));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
  }

  @Test
  void editableRequirementsAreRefused() throws IOException {
    Path file = write("r.txt", "six\n-e ./my-project\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RequirementsFile.read(file, Map.of()));
    assertEquals(
        file + ":2:1: editable requirements (-e) are not supported: they need a build, and"
            + " pylock4j never runs package code; lock the project's dependencies instead"
            + " (--project pyproject.toml)",
        e.getMessage());
  }

  @Test
  void aBarePathOrUrlNeedsAName() throws IOException {
    Path file = write("r.txt", "https://example.org/pkg-1.0-py3-none-any.whl\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RequirementsFile.read(file, Map.of()));
    assertEquals(
        file + ":1:1: a path or URL needs a project name: write 'name @"
            + " https://example.org/pkg-1.0-py3-none-any.whl'",
        e.getMessage());
  }

  @Test
  void unsupportedOptionsAreNamed() throws IOException {
    Path file = write("r.txt", "six\n  --find-links ./wheels\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RequirementsFile.read(file, Map.of()));
    assertEquals(file + ":2:3: unsupported option --find-links", e.getMessage());
  }

  @Test
  void hashOptionsFollowARequirement() throws IOException {
    Path file =
        write("r.txt", "six==1.15.0 \\\n    --hash=sha256:aaaa \\\n    --hash sha256:bbbb\n");
    DeclaredRequirement six = RequirementsFile.read(file, Map.of()).requirements().get(0);
    assertEquals("six==1.15.0", six.requirement().toString());
    assertEquals(List.of("sha256:aaaa", "sha256:bbbb"), six.hashes());
  }

  @Test
  void onlyHashMayFollowARequirement() throws IOException {
    Path file = write("r.txt", "six==1.15.0 --pre\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RequirementsFile.read(file, Map.of()));
    assertEquals(
        file + ":1:13: option --pre is not allowed after a requirement (only --hash is)",
        e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nope.txt");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RequirementsFile.read(missing, Map.of()));
    assertEquals("no such file: " + missing, e.getMessage());
  }

  @Test
  void aMissingIncludedFileIsNamedWhereItIsIncluded() throws IOException {
    Path file = write("r.txt", "six\n-r base.txt\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RequirementsFile.read(file, Map.of()));
    assertEquals(file + ":2:1: no such file: " + dir.resolve("base.txt"), e.getMessage());
  }

  @Test
  void aFileThatIncludesItselfIsRefused() throws IOException {
    Path a = write("a.txt", "six\n-r b.txt\n");
    write("b.txt", "-r a.txt\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RequirementsFile.read(a, Map.of()));
    assertEquals(
        dir.resolve("b.txt") + ":1:1: requirements file includes itself: a.txt -> b.txt -> a.txt",
        e.getMessage());
  }

  @Test
  void anOptionWithoutItsValueIsAnError() throws IOException {
    Path file = write("r.txt", "--index-url\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RequirementsFile.read(file, Map.of()));
    assertEquals(file + ":1:1: option --index-url needs a value", e.getMessage());
  }

  @Test
  void parseTakesTextAsIfFromAFile() {
    RequirementsFile parsed =
        RequirementsFile.parse("six\nidna\n", dir.resolve("in-memory.txt"), Map.of());
    assertEquals(List.of("six", "idna"), texts(parsed.requirements()));
    assertEquals(dir.resolve("in-memory.txt").toString(), parsed.requirements().get(1).file());
  }
}
