package org.pylock4j.trust.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.Pylock;
import org.pylock4j.trust.LockChange;
import org.pylock4j.trust.LockDiff;

/**
 * Finding 7 (diff): a tampered lock does not pass review. On an unchanged version, a file at
 * another URL, another index, and a file added are red flags ({@code !}).
 */
class DiffRedFlagsTest {

  private static final String SHA = "82fee1fc78add43492d3a1898bfa6d8a904cc97d8427f683ed8e798d07761aa0";

  private static Pylock lock(String index, String wheelUrl, String sdist) {
    return LockFiles.readPylock("""
        lock-version = "1.0"
        created-by = "test"

        [[packages]]
        name = "six"
        version = "1.16.0"
        """ + (index == null ? "" : "index = \"" + index + "\"\n") + sdist + """
        wheels = [{ url = "%s", hashes = { sha256 = "%s" } }]
        """.formatted(wheelUrl, SHA), "pylock.toml");
  }

  private static final String PYPI = "https://pypi.org/simple/";
  private static final String WHEEL = "https://files.pythonhosted.org/six-1.16.0-py2.py3-none-any.whl";

  private static List<String> diff(Pylock before, Pylock after) {
    LockDiff diff = LockDiff.compare(before, after);
    assertTrue(diff.needsReview());
    assertEquals(diff.changes(), diff.redFlags());
    return diff.changes().stream().map(LockChange::message).toList();
  }

  @Test
  void aWheelMovedToAnotherHostIsARedFlag() {
    assertEquals(List.of("! six 1.16.0 (url changed: six-1.16.0-py2.py3-none-any.whl " + WHEEL
            + " -> http://evil.invalid/six-1.16.0-py2.py3-none-any.whl)"),
        diff(lock(PYPI, WHEEL, ""), lock(PYPI, "http://evil.invalid/six-1.16.0-py2.py3-none-any.whl", "")));
  }

  @Test
  void anAddedSdistOnAnUnchangedVersionIsARedFlag() {
    String sdist = "sdist = { url = \"http://evil.invalid/six-1.16.0.tar.gz\", hashes = { sha256 = \""
        + "a".repeat(64) + "\" } }\n";
    assertEquals(List.of("! six 1.16.0 (files added: six-1.16.0.tar.gz)"),
        diff(lock(PYPI, WHEEL, ""), lock(PYPI, WHEEL, sdist)));
  }

  @Test
  void aChangedOrDroppedIndexIsARedFlag() {
    assertEquals(List.of("! six 1.16.0 (index changed: " + PYPI + " -> https://evil.invalid/simple/)"),
        diff(lock(PYPI, WHEEL, ""), lock("https://evil.invalid/simple/", WHEEL, "")));
    assertEquals(List.of("! six 1.16.0 (index changed: " + PYPI + " -> none)"),
        diff(lock(PYPI, WHEEL, ""), lock(null, WHEEL, "")));
  }

  private static Pylock lockWith(String extra) {
    return LockFiles.readPylock("""
        lock-version = "1.0"
        created-by = "test"

        [[packages]]
        name = "six"
        version = "1.16.0"
        index = "%s"
        %s
        wheels = [{ url = "%s", hashes = { sha256 = "%s" } }]
        """.formatted(PYPI, extra, WHEEL, SHA), "pylock.toml");
  }

  @Test
  void whereAndWithWhatAnUnchangedVersionInstallsIsNeverSilent() {
    String before = "requires-python = \">=3.8\"\ndependencies = [{ name = \"idna\" }]";
    for (String[] c : new String[][] {
        {"marker = \"sys_platform == 'win32'\"\n" + before, "marker none -> sys_platform == 'win32'"},
        {"requires-python = \">=2.7\"\ndependencies = [{ name = \"idna\" }]",
            "requires-python >=3.8 -> >=2.7"},
        {"requires-python = \">=3.8\"", "dependencies [idna] -> []"},
        {"requires-python = \">=3.8\"\ndependencies = [{ name = \"idna\" }, { name = \"evil\" }]",
            "dependencies [idna] -> [evil, idna]"}}) {
      LockDiff diff = LockDiff.compare(lockWith(before), lockWith(c[0]));
      assertEquals(List.of("* six 1.16.0 (metadata changed: " + c[1] + ")"),
          diff.changes().stream().map(LockChange::message).toList());
    }
  }

  @Test
  void aDirectUrlChangedInARequirementsFileIsARedFlag() {
    String line = "six @ %s \\\n    --hash=sha256:" + SHA + "\n";
    LockDiff diff = LockDiff.compare(
        LockFiles.readRequirementsTxt(line.formatted(WHEEL), "before.txt"),
        LockFiles.readRequirementsTxt(line.formatted("http://evil.invalid/six-1.16.0-py2.py3-none-any.whl"),
            "after.txt"));
    assertEquals(List.of("! six (no version) (url changed: url " + WHEEL
            + " -> http://evil.invalid/six-1.16.0-py2.py3-none-any.whl)"),
        diff.changes().stream().map(LockChange::message).toList());
  }

  @Test
  void aPinSwappedForADirectUrlIsARedFlagNotADowngrade() {
    String pin = "six==1.16.0 \\\n    --hash=sha256:" + SHA + "\n";
    String direct = "six @ http://evil.invalid/six-1.16.0-py2.py3-none-any.whl \\\n    --hash=sha256:" + SHA + "\n";
    LockDiff diff = LockDiff.compare(LockFiles.readRequirementsTxt(pin, "before.txt"),
        LockFiles.readRequirementsTxt(direct, "after.txt"));
    assertEquals(List.of("! six (no version) (url changed: ==1.16.0 from the index -> "
            + "http://evil.invalid/six-1.16.0-py2.py3-none-any.whl)"),
        diff.changes().stream().map(LockChange::message).toList());
  }

  private static final String SIX_PIN = "six==1.16.0 \\\n    --hash=sha256:" + SHA + "\n";

  private static List<String> requirementsDiff(String before, String after) {
    LockDiff diff = LockDiff.compare(LockFiles.readRequirementsTxt(before, "before.txt"),
        LockFiles.readRequirementsTxt(after, "after.txt"));
    return diff.changes().stream().map(LockChange::message).toList();
  }

  @Test
  void anAddedIndexOrFindLinksLineIsARedFlag() {
    String before = "--index-url " + PYPI + "\n" + SIX_PIN;
    for (String[] c : new String[][] {
        {"--extra-index-url https://evil.invalid/simple/\n", "--extra-index-url https://evil.invalid/simple/"},
        {"-i https://evil.invalid/simple/\n", "--index-url https://evil.invalid/simple/"},
        {"--find-links=https://evil.invalid/wheels/\n", "--find-links https://evil.invalid/wheels/"},
        {"-f https://evil.invalid/wheels/\n", "--find-links https://evil.invalid/wheels/"}}) {
      LockDiff diff = LockDiff.compare(LockFiles.readRequirementsTxt(before, "before.txt"),
          LockFiles.readRequirementsTxt(c[0] + before, "after.txt"));
      assertEquals(List.of("! " + c[1] + " (source added)"),
          diff.changes().stream().map(LockChange::message).toList());
      assertEquals(1, diff.redFlags().size());
    }
    // the same lines in both: no change
    assertEquals(List.of(), requirementsDiff(before, before));
  }

  @Test
  void anAddedPackageFromADirectUrlOnAnotherHostIsARedFlag() {
    String before = "--index-url " + PYPI + "\n" + SIX_PIN;
    String evil = "evil @ http://evil.invalid/evil-1.0-py3-none-any.whl \\\n    --hash=sha256:"
        + SHA + "\n";
    assertEquals(List.of("! evil (no version) (direct url added: http://evil.invalid/"
            + "evil-1.0-py3-none-any.whl, on none of the lock's indexes)"),
        requirementsDiff(before, before + evil));
    // on the lock's own index host, and a plain pin: an ordinary addition
    String mirror = "ok @ https://pypi.org/packages/ok-1.0-py3-none-any.whl \\\n"
        + "    --hash=sha256:" + SHA + "\n";
    assertEquals(List.of("+ ok (no version) (added)"), requirementsDiff(before, before + mirror));
    assertEquals(List.of("+ idna 3.7 (added)"), requirementsDiff(before,
        before + "idna==3.7 \\\n    --hash=sha256:" + SHA + "\n"));
  }
}
