package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every class of bad input exits 2 with a message naming where the problem is. */
class BadInputTest {

  @TempDir Path dir;

  Cli.Result lock(String... args) {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("lock"));
    all.addAll(java.util.Arrays.asList(args));
    all.addAll(
        java.util.List.of(
            "--python-version", "3.12", "--cache-dir", dir.resolve("cache").toString(), "-o",
            dir.resolve("pylock.toml").toString()));
    return Cli.run(all.toArray(String[]::new));
  }

  @Test
  void aBadRequirementLineNamesFileLineColumnAndShowsTheLine() throws IOException {
    Path in = dir.resolve("requirements.in");
    Files.writeString(in, "lib-a\n  lib-c>=>2  # pinned\n");
    Cli.Result r = lock("-r", in.toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "error: " + in + ":2:8: invalid requirement 'lib-c>=>2': Expected semicolon (after name"
            + " with no version specifier) or end\n"
            + "    lib-c>=>2  # pinned\n"
            + "         ^\n",
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void aBadRequirementArgumentIsNamed() {
    Cli.Result r = lock("lib-a", "lib-c>=>2");
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "error: <argument 2>: invalid requirement 'lib-c>=>2': Expected semicolon (after name"
            + " with no version specifier) or end (at column 6)\n",
        r.err());
  }

  @Test
  void aMissingRequirementsFileIsNamed() {
    Path missing = dir.resolve("nope.in");
    Cli.Result r = lock("-r", missing.toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals("error: no such file: " + missing + "\n", r.err());
  }

  @Test
  void badTomlNamesLineAndColumn() throws IOException {
    Path project = dir.resolve("pyproject.toml");
    Files.writeString(project, "[project]\nname = \"app\"\ndependencies = [\"lib-a\"\n[tool]\n");
    Cli.Result r = lock("--project", project.toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "error: " + project + ":4:1: invalid TOML: More data after value has already ended."
            + " Invalid value preceding this position?\n"
            + "  [tool]\n"
            + "  ^\n",
        r.err());
  }

  @Test
  void anUnknownOptionIsNamed() {
    Cli.Result r = Cli.run("lock", "lib-a", "--frobnicate");
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "error: Unknown option: '--frobnicate'\nRun 'pylock4j lock --help' for the options.\n",
        r.err());
  }

  @Test
  void anUnknownCommandIsNamed() {
    Cli.Result r = Cli.run("lokc", "lib-a");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: Unmatched arguments from index 0: 'lokc', 'lib-a'"), r.err());
  }

  @Test
  void noCommandIsBadInput() {
    Cli.Result r = Cli.run();
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "error: a command is needed: lock, verify, why, audit or diff\nRun 'pylock4j --help' for the options.\n",
        r.err());
  }

  @Test
  void nothingToLockIsBadInput() {
    Cli.Result r = lock();
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "error: nothing to lock: give requirements, -r FILE or --project pyproject.toml\n",
        r.err());
  }

  @Test
  void badOptionValuesAreNamed() {
    assertEquals(
        "error: --python-version must look like 3.12 or 3.12.4, not 'three'\n",
        Cli.run("lock", "lib-a", "--python-version", "three").err());
    assertEquals(
        "error: --format must be pylock or requirements, not 'yaml'\n",
        Cli.run("lock", "lib-a", "--format", "yaml", "--python-version", "3.12").err());
    assertEquals(
        "error: resolution must be highest, lowest or lowest-direct, not 'newest'\n",
        lock("lib-a", "--resolution", "newest", "--index-url", dir.toString()).err());
    Cli.Result missingIndex = lock("lib-a", "--index-url", dir.resolve("no-index").toString());
    assertEquals(2, missingIndex.code());
    assertEquals(
        "error: --index-url " + dir.resolve("no-index")
            + ": no such directory (an index is a URL or a directory)\n",
        missingIndex.err());
    assertEquals(
        "error: unsupported --python-platform 'beos' (use linux, macos, windows, linux-aarch64,"
            + " macos-x86_64, or a manylinux_X_Y_ARCH, macosx_X_Y_ARCH or win_amd64 tag)\n",
        lock("lib-a", "--python-platform", "beos").err());
  }

  @Test
  void extrasWithoutAProjectAreRefused() {
    Cli.Result r = lock("lib-a", "--extra", "test");
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "error: --extra and --group select parts of --project; give --project pyproject.toml\n",
        r.err());
  }

  @Test
  void anEditableLineIsRefusedWithTheReason() throws IOException {
    Path in = dir.resolve("requirements.in");
    Files.writeString(in, "-e .\n");
    Cli.Result r = lock("-r", in.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(
        r.err().startsWith("error: " + in + ":1:1: editable requirements (-e) are not supported"),
        r.err());
  }

  @Test
  void anOutputThatIsADirectoryIsBadInput() {
    Cli.Result r = Cli.run("lock", "lib-a", "--python-version", "3.12", "-o", dir.toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals("error: cannot write " + dir + ": it is a directory\n", r.err());
  }

  @Test
  void projectNamesInOptionsAreChecked() {
    assertEquals(
        "error: --upgrade-package 'not a name' is not a project name, with or without a version "
            + "specifier (e.g. numpy or 'numpy<2.1')\n",
        lock("lib-a", "--upgrade-package", "not a name").err());
    Cli.Result why = Cli.run("why", "bad!", dir.resolve("pylock.toml").toString());
    assertEquals(2, why.code(), why.toString());
    assertEquals("error: 'bad!' is not a project name\n", why.err());
  }
}
