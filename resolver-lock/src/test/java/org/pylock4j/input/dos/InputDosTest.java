package org.pylock4j.input.dos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.DeclaredRequirement;
import org.pylock4j.input.InputFiles;
import org.pylock4j.input.PyprojectToml;
import org.pylock4j.input.RequirementsFile;
import org.pylock4j.lock.LockFiles;

/**
 * Hostile input files: read in one pass and never beyond a named size limit; devices, huge files
 * and bytes that are not UTF-8 are bad input naming the file. The time bound only guards against
 * a hang.
 */
class InputDosTest {

  private static final Duration HANG = Duration.ofSeconds(120);
  private static final Path DEV_ZERO = Path.of("/dev/zero");

  @TempDir Path dir;

  private static <T> T bounded(org.junit.jupiter.api.function.ThrowingSupplier<T> work) {
    return assertTimeoutPreemptively(HANG, work);
  }

  private static List<String> names(List<DeclaredRequirement> requirements) {
    return requirements.stream().map(r -> r.requirement().toString()).toList();
  }

  @Test
  void aLongRunOfSpacesBeforeACommentIsOnePass() {
    String content = "six " + " ".repeat(200_000) + "# pinned\nattrs" + " ".repeat(200_000) + "\n";
    RequirementsFile file =
        bounded(() -> RequirementsFile.parse(content, Path.of("requirements.in"), Map.of()));
    assertEquals(List.of("six", "attrs"), names(file.requirements()));
  }

  @Test
  void manyLinesAndContinuations() {
    String content = "six" + "\\\n".repeat(100_000) + ">=1\n" + "attrs\n".repeat(100_000);
    RequirementsFile file =
        bounded(() -> RequirementsFile.parse(content, Path.of("requirements.in"), Map.of()));
    assertEquals(100_001, file.requirements().size());
    assertEquals("six>=1", file.requirements().get(0).requirement().toString());
    assertEquals(100_002, file.requirements().get(1).line());
  }

  @Test
  void aRequirementsFileOverTheLimitIsRefusedNamingTheLimit() throws IOException {
    Path file = dir.resolve("requirements.in");
    Files.writeString(file, "six\n".repeat(1000));
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RequirementsFile.read(file, Map.of(), 100));
    assertEquals(
        file + " is larger than the input size limit of 100 bytes (from maxInputBytes)",
        e.getMessage());
  }

  @Test
  void devZeroIsRefusedAtTheLimitNotReadToTheEnd() {
    assumeTrue(Files.exists(DEV_ZERO), "a system with /dev/zero");
    for (var read : List.<Runnable>of(
        () -> RequirementsFile.read(DEV_ZERO, Map.of()),
        () -> RequirementsFile.readConstraints(DEV_ZERO, Map.of()),
        () -> PyprojectToml.read(DEV_ZERO),
        () -> LockFiles.readPylock(DEV_ZERO),
        () -> LockFiles.readRequirementsTxt(DEV_ZERO))) {
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> assertTimeoutPreemptively(HANG, read::run));
      assertEquals(
          "/dev/zero is larger than the input size limit of " + InputFiles.DEFAULT_MAX_BYTES
              + " bytes (from maxInputBytes)",
          e.getMessage());
    }
  }

  @Test
  void anIncludedDeviceIsNamedAtTheLineThatIncludesIt() throws IOException {
    assumeTrue(Files.exists(DEV_ZERO), "a system with /dev/zero");
    Path file = dir.resolve("requirements.in");
    Files.writeString(file, "six\n-r /dev/zero\n");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> bounded(() -> RequirementsFile.read(file, Map.of(), 1 << 20)));
    assertEquals(
        file + ":2:1: /dev/zero is larger than the input size limit of 1048576 bytes"
            + " (from maxInputBytes)",
        e.getMessage());
  }

  @Test
  void aLockThatIsNotUtf8IsBadInputNamingTheFile() throws IOException {
    Path lock = dir.resolve("pylock.toml");
    Files.write(lock, new byte[] {'a', ' ', '=', (byte) 0xC3, (byte) 0x28, '\n'});
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> LockFiles.readPylock(lock));
    assertEquals(lock + " is not UTF-8 text (a malformed byte at offset 3)", e.getMessage());
    Path txt = dir.resolve("requirements.txt");
    Files.write(txt, new byte[] {(byte) 0xFF, 's', 'i', 'x'});
    e = assertThrows(InvalidInputException.class, () -> LockFiles.readRequirementsTxt(txt));
    assertEquals(txt + " is not UTF-8 text (a malformed byte at offset 0)", e.getMessage());
  }

  @Test
  void aDirectoryIsBadInput() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> PyprojectToml.read(dir));
    assertEquals(dir + " is a directory, not a file", e.getMessage());
  }

  @Test
  void aHugeDependencyArrayIsOnePass() {
    StringBuilder toml = new StringBuilder("[project]\nname = \"app\"\nversion = \"1\"\n");
    toml.append("dependencies = [\n");
    for (int i = 0; i < 200_000; i++) {
      toml.append("  \"six\",\n");
    }
    toml.append("  'attrs',\n]\n");
    PyprojectToml project =
        bounded(() -> PyprojectToml.parse(toml.toString(), Path.of("pyproject.toml")));
    assertEquals(200_001, project.dependencies().size());
    DeclaredRequirement last = project.dependencies().get(200_000);
    assertEquals("attrs", last.requirement().toString());
    assertEquals(200_005, last.line());
  }

  @Test
  void deepNestingIsBadInputInWordsWithoutJavaNames() {
    String deep = "[project]\nname = \"app\"\nversion = \"1\"\ndependencies = " + "[".repeat(5_000)
        + "]".repeat(5_000) + "\n";
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> bounded(() -> PyprojectToml.parse(deep, Path.of("pyproject.toml"))));
    assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    assertFalse(e.getMessage().contains("`"), e.getMessage());
    assertFalse(e.getMessage().contains("StreamReadConstraints"), e.getMessage());
    InvalidInputException lock = assertThrows(InvalidInputException.class,
        () -> LockFiles.readPylock("x = " + "[".repeat(5_000) + "]".repeat(5_000) + "\n", "pylock.toml"));
    assertFalse(lock.getMessage().contains("StreamReadConstraints"), lock.getMessage());
  }
}
