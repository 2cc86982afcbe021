package org.pylock4j.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.PylockException;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;

class LockFilesTest {

  private static final LockOptions REQUIREMENTS_OPTIONS = LockOptions.builder()
      .inputFile("requirements.in")
      .command("pylock4j lock -r requirements.in --format requirements -o requirements.txt")
      .build();

  @Test
  void pylockMatchesGolden() {
    String text = LockFiles.writePylock(
        LockFiles.fromResolution(LockFixtures.sample(), LockOptions.defaults()));
    Golden.assertMatches("sample.pylock.toml", text);
  }

  @Test
  void requirementsMatchGolden() {
    String text = LockFiles.writeRequirementsTxt(LockFixtures.sample(), REQUIREMENTS_OPTIONS);
    Golden.assertMatches("sample.requirements.txt", text);
  }

  @Test
  void requirementsFromTheLockEqualRequirementsFromTheResolution() {
    Pylock lock = LockFiles.fromResolution(LockFixtures.sample(), LockOptions.defaults());
    assertEquals(LockFiles.writeRequirementsTxt(LockFixtures.sample(), REQUIREMENTS_OPTIONS),
        LockFiles.writeRequirementsTxt(lock, REQUIREMENTS_OPTIONS));
  }

  @Test
  void inputOrderDoesNotChangeTheBytes() {
    List<LockedPackage> shuffled = new ArrayList<>();
    for (LockedPackage p : LockFixtures.samplePackages()) {
      List<DistributionFile> files = new ArrayList<>(p.files());
      Collections.reverse(files);
      shuffled.add(new LockedPackage(p.name(), p.version(), files, p.index(), p.extras(),
          p.directUrl()));
    }
    Collections.reverse(shuffled);
    Resolution other = LockFixtures.resolution(shuffled, LockFixtures.sampleEdges());
    assertEquals(
        LockFiles.writePylock(LockFiles.fromResolution(LockFixtures.sample(), LockOptions.defaults())),
        LockFiles.writePylock(LockFiles.fromResolution(other, LockOptions.defaults())));
    assertEquals(LockFiles.writeRequirementsTxt(LockFixtures.sample(), REQUIREMENTS_OPTIONS),
        LockFiles.writeRequirementsTxt(other, REQUIREMENTS_OPTIONS));
  }

  @Test
  void pylockReadsBackIntoAnEqualModel() {
    Pylock lock = LockFiles.fromResolution(LockFixtures.sample(),
        LockOptions.builder().generatedAt(Instant.parse("2026-01-02T03:04:05Z")).build());
    Pylock read = LockFiles.readPylock(LockFiles.writePylock(lock), "pylock.toml");
    assertEquals(lock, read);
    assertEquals(LockFiles.writePylock(lock), LockFiles.writePylock(read));
  }

  @Test
  void goldenFileReadsBackIntoTheModelItWasWrittenFrom() {
    Pylock lock = LockFiles.fromResolution(LockFixtures.sample(), LockOptions.defaults());
    assertEquals(lock, LockFiles.readPylock(LockFixtures.resource("sample.pylock.toml"), null));
  }

  @Test
  void noTimeIsWrittenUnlessAsked() {
    String plain = LockFiles.writePylock(
        LockFiles.fromResolution(LockFixtures.sample(), LockOptions.defaults()));
    assertFalse(plain.contains("generated-at"));
    String timed = LockFiles.writePylock(LockFiles.fromResolution(LockFixtures.sample(),
        LockOptions.builder().generatedAt(Instant.parse("2026-01-02T03:04:05Z")).build()));
    assertTrue(timed.contains("\ngenerated-at = 2026-01-02T03:04:05Z\n"), timed);
  }

  @Test
  void uploadTimesCanBeLeftOut() {
    String text = LockFiles.writePylock(LockFiles.fromResolution(LockFixtures.sample(),
        LockOptions.builder().uploadTimes(false).build()));
    assertFalse(text.contains("upload-time"), text);
  }

  @Test
  void aFileWithoutHashIsRefused() {
    DistributionFile real = LockFixtures.file("six-1.17.0-py2.py3-none-any.whl");
    DistributionFile noHash = new DistributionFile(real.project(), real.version(),
        real.filename(), real.url(), java.util.Map.of(), null, null, null, -1, null);
    LockedPackage six = new LockedPackage(real.project(), real.version(), List.of(noHash),
        LockFixtures.INDEX, java.util.Set.of(), null);
    Resolution r = LockFixtures.resolution(List.of(six), List.of(LockFixtures.root("six")));
    PylockException e = assertThrows(PylockException.class,
        () -> LockFiles.fromResolution(r, LockOptions.defaults()));
    assertEquals("cannot lock six 1.17.0: the index gives no hash for "
        + "six-1.17.0-py2.py3-none-any.whl (https://index.example/files/"
        + "six-1.17.0-py2.py3-none-any.whl); every locked file needs one", e.getMessage());
    PylockException e2 = assertThrows(PylockException.class,
        () -> LockFiles.writeRequirementsTxt(r, LockOptions.defaults()));
    assertEquals("cannot lock six 1.17.0: no sha256, sha384 or sha512 known for "
        + "six-1.17.0-py2.py3-none-any.whl (pip --require-hashes accepts no other)",
        e2.getMessage());
  }
}
