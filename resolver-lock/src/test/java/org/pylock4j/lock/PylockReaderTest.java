package org.pylock4j.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

class PylockReaderTest {

  private static final String HEAD = """
      lock-version = "1.0"
      created-by = "test"
      """;

  private static InvalidLockFileException fail(String text) {
    return assertThrows(InvalidLockFileException.class,
        () -> LockFiles.readPylock(text, "pylock.toml"));
  }

  @Test
  void readsTheInlineLayoutUvWrites() {
    Pylock lock = LockFiles.readPylock(HEAD + """
        requires-python = ">=3.12"

        [[packages]]
        name = "idna"
        version = "3.7"
        index = "https://index.example/simple"
        sdist = { url = "https://index.example/files/idna-3.7.tar.gz", upload-time = 2024-04-11T03:34:46Z, size = 189575, hashes = { sha256 = "028ff3aadf0609c1fd278d8ea3089299412a7a8b9bd005dd08b9f8285bcb5cfc" } }
        wheels = [
            { url = "https://index.example/files/idna-3.7-py3-none-any.whl", hashes = { sha256 = "82fee1fc78add43492d3a1898bfa6d8a904cc97d8427f683ed8e798d07761aa0" } },
        ]
        """, "pylock.toml");
    PylockPackage idna = lock.packages().get(0);
    assertEquals(ProjectName.of("idna"), idna.name());
    assertEquals(Version.parse("3.7"), idna.version());
    assertEquals("idna-3.7.tar.gz", idna.sdist().fileName());
    assertEquals(Instant.parse("2024-04-11T03:34:46Z"), idna.sdist().uploadTime());
    assertEquals(189575, idna.sdist().size());
    assertEquals("idna-3.7-py3-none-any.whl", idna.wheels().get(0).fileName());
    assertEquals(Map.of("sha256", "82fee1fc78add43492d3a1898bfa6d8a904cc97d8427f683ed8e798d07761aa0"),
        idna.wheels().get(0).hashes());
    assertEquals(">=3.12", lock.requiresPython());
  }

  @Test
  void keepsToolTablesAndAttestationIdentities() {
    String text = LockFiles.writePylock(LockFiles.readPylock(HEAD + """

        [[packages]]
        name = "demo"
        version = "1.0"

        [[packages.wheels]]
        url = "https://index.example/files/demo-1.0-py3-none-any.whl"
        hashes = { sha256 = "aa" }

        [[packages.attestation-identities]]
        kind = "GitHub"
        repository = "example/demo"

        [packages.tool.other]
        flag = true

        [tool.other]
        numbers = [1, 2.5]
        when = 1979-05-27T07:32:00-08:00

        [tool.other.nested]
        key = "value"
        """, null));
    Pylock again = LockFiles.readPylock(text, null);
    assertEquals(List.of(new PylockPackage.AttestationIdentity("GitHub",
        Map.of("repository", "example/demo"))), again.packages().get(0).attestationIdentities());
    assertEquals(Map.of("other", Map.of("flag", true)), again.packages().get(0).tool());
    assertEquals(Map.of("key", "value"),
        ((Map<?, ?>) again.tool().get("other")).get("nested"));
    assertEquals(text, LockFiles.writePylock(again));
  }

  @Test
  void syntaxErrorNamesLineAndColumn() {
    InvalidLockFileException e = fail(HEAD + """

        [[packages]]
        name = "idna
        """);
    assertEquals("pylock.toml:5:13: invalid TOML: Newline not permitted here", e.getMessage());
    assertEquals("name = \"idna", e.input());
  }

  @Test
  void missingPackageNameNamesTheTable() {
    InvalidLockFileException e = fail(HEAD + """

        [[packages]]
        name = "a"
        version = "1"

        [[packages]]
        version = "2"
        """);
    assertEquals("pylock.toml:8:1: packages[1]: missing required key \"name\"",
        e.getMessage());
    assertEquals("[[packages]]", e.input());
    assertEquals("packages[1]", e.key().orElseThrow());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      size = "12"                      | 9:8  | packages[0].wheels[0].size: expected an integer, found a string
      size = -1                        | 9:8  | packages[0].wheels[0].size: must not be negative, was -1
      size = 99999999999999999999      | 9:8  | packages[0].wheels[0].size: too large: 99999999999999999999
      upload-time = "2024-01-01"       | 9:15 | packages[0].wheels[0].upload-time: expected a date-time (e.g. 2024-08-30T01:55:02Z), found a string
      nmae = "x"                       | 9:1  | packages[0].wheels[0].nmae: unknown key (lock-version 1.0 defines hashes, name, path, size, upload-time, url)
      hashes = { sha256 = "xyz" }      | 9:21 | packages[0].wheels[0].hashes.sha256: not a hex digest: "xyz"
      """)
  void wrongWheelKeyIsLocated(String line, String where, String message) {
    InvalidLockFileException e = fail(HEAD + """

        [[packages]]
        name = "a"

        [[packages.wheels]]
        url = "https://index.example/a-1-py3-none-any.whl"
        %s
        hashes = { sha256 = "aa" }
        """.formatted(line).replace("hashes = { sha256 = \"xyz\" }\nhashes = { sha256 = \"aa\" }",
            "hashes = { sha256 = \"xyz\" }"));
    assertEquals("pylock.toml:" + where + ": " + message, e.getMessage());
    assertEquals(line.strip(), e.input());
  }

  @Test
  void invalidVersionPointsAtTheValue() {
    InvalidLockFileException e = fail(HEAD + """
        [[packages]]
        name = "a"
        version = "1.0-foo-bar"
        """);
    assertEquals(
        "pylock.toml:5:11: packages[0].version: invalid PEP 440 version \"1.0-foo-bar\"",
        e.getMessage());
  }

  @Test
  void wheelWithoutHashesIsRefused() {
    InvalidLockFileException e = fail(HEAD + """
        [[packages]]
        name = "a"
        wheels = [
            { url = "https://index.example/a-1-py3-none-any.whl" },
        ]
        """);
    assertEquals("pylock.toml:6:5: packages[0].wheels[0]: missing required key \"hashes\"",
        e.getMessage());
  }

  @Test
  void vcsAndWheelsConflict() {
    InvalidLockFileException e = fail(HEAD + """
        [[packages]]
        name = "a"
        vcs = { type = "git", url = "https://example/a.git", commit-id = "abc" }
        wheels = [{ url = "https://index.example/a-1-py3-none-any.whl", hashes = { sha256 = "aa" } }]
        """);
    assertEquals("pylock.toml:3:1: packages[0]: 'vcs' cannot be combined with 'wheels'",
        e.getMessage());
  }

  @Test
  void unsupportedLockVersion() {
    InvalidLockFileException e = fail("""
        lock-version = "2.0"
        created-by = "x"
        packages = []
        """);
    assertEquals("pylock.toml:1:16: lock-version: unsupported lock-version \"2.0\" (this reader "
        + "supports 1.x)", e.getMessage());
  }

  @Test
  void missingTopLevelKeyHasNoLine() {
    InvalidLockFileException e = fail("""
        lock-version = "1.0"
        packages = []
        """);
    assertEquals("pylock.toml: missing required key \"created-by\"", e.getMessage());
  }

  @Test
  void isAnInvalidInputException() {
    InvalidInputException e = fail("lock-version = 1\n");
    assertEquals(
        "pylock.toml:1:16: lock-version: expected a string, found an integer", e.getMessage());
  }

  @Test
  void fileNamesComeFromTheUrlWhenNotRecorded() {
    Pylock lock = LockFiles.readPylock(HEAD + """
        [[packages]]
        name = "torch"
        version = "2.0.0+cpu"
        wheels = [
            { url = "https://index.example/whl/torch-2.0.0%2Bcpu-cp312-cp312-linux_x86_64.whl?x=1#sha256=00", hashes = { sha256 = "00" } },
            { path = "wheels/torch-2.0.0+cpu-cp312-cp312-win_amd64.whl", hashes = { sha256 = "00" } },
        ]
        """, null);
    assertEquals(List.of("torch-2.0.0+cpu-cp312-cp312-linux_x86_64.whl",
        "torch-2.0.0+cpu-cp312-cp312-win_amd64.whl"),
        lock.packages().get(0).wheels().stream().map(PylockPackage.Wheel::fileName).toList());
  }

  @Test
  void aWheelNeedsAUrlOrAPath() {
    InvalidLockFileException e = fail(HEAD + """
        [[packages]]
        name = "a"

        [[packages.wheels]]
        name = "a-1-py3-none-any.whl"
        hashes = { sha256 = "aa" }
        """);
    assertEquals("pylock.toml:6:1: packages[0].wheels[0]: needs \"url\" or \"path\"",
        e.getMessage());
  }

  @Test
  void digestsAreReadInLowerCase() {
    Pylock lock = LockFiles.readPylock(HEAD + """
        [[packages]]
        name = "a"
        sdist = { url = "https://index.example/a-1.tar.gz", hashes = { sha256 = "ABCDEF" } }
        """, null);
    assertEquals(Map.of("sha256", "abcdef"), lock.packages().get(0).sdist().hashes());
  }

  @Test
  void markersAndSpecifiersAreChecked() {
    InvalidLockFileException marker = fail(HEAD + """
        [[packages]]
        name = "a"
        marker = "sys_platform = 'linux'"
        """);
    assertEquals("pylock.toml:5:10: packages[0].marker: invalid marker "
        + "\"sys_platform = 'linux'\": " + reasonOf(() -> org.pylock4j.requirement.Marker.parse(
            "sys_platform = 'linux'")), marker.getMessage());
    InvalidLockFileException python = fail("requires-python = \"=>3.12\"\n" + HEAD
        + "packages = []\n");
    assertEquals("pylock.toml:1:19: requires-python: invalid specifier \"=>3.12\": "
        + reasonOf(() -> org.pylock4j.version.SpecifierSet.parse("=>3.12")),
        python.getMessage());
    InvalidLockFileException environment = fail(
        "environments = [\"os_name == 'posix'\", \"nope\"]\n" + HEAD + "packages = []\n");
    assertEquals("pylock.toml:1:39: environments[1]: invalid marker \"nope\": "
        + reasonOf(() -> org.pylock4j.requirement.Marker.parse("nope")),
        environment.getMessage());
  }

  private static String reasonOf(org.junit.jupiter.api.function.Executable parse) {
    return assertThrows(InvalidInputException.class, parse).reason().lines().findFirst()
        .orElseThrow();
  }
}
