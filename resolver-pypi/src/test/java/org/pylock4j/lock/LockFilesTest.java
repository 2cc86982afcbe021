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

  @Test
  void recordsTheInputsForReResolution() {
    Pylock lock = LockFiles.fromResolution(LockFixtures.sample(), LockOptions.defaults());
    assertEquals(List.of("requests>=2.31", "docopt==0.6.2", "setuptools==67.6.1", "PyYAML>=6"),
        lock.pylock4jRequirements());
    assertEquals(LockFixtures.target().markers().values(), lock.pylock4jMarkers());
    Pylock bare = LockFiles.fromResolution(LockFixtures.sample(),
        LockOptions.builder().recordInputs(false).build());
    assertEquals(java.util.Map.of(), bare.tool());
    assertEquals(List.of(), bare.pylock4jRequirements());
  }

  @Test
  void vcsRequirementWithAFullCommitIsLockedAsVcs() {
    String commit = "0123456789abcdef0123456789abcdef01234567";
    LockedPackage demo = new LockedPackage(org.pylock4j.requirement.ProjectName.of("demo"),
        org.pylock4j.version.Version.parse("1.0"), List.of(), null, java.util.Set.of(),
        "git+https://git.example/demo.git@" + commit + "#subdirectory=py");
    Resolution r = LockFixtures.resolution(List.of(demo), List.of(LockFixtures.root(
        "demo @ git+https://git.example/demo.git@" + commit + "#subdirectory=py")));
    PylockPackage p = LockFiles.fromResolution(r, LockOptions.defaults()).packages().get(0);
    assertEquals(new PylockPackage.Vcs("git", "https://git.example/demo.git", null, commit,
        commit, "py"), p.vcs());
    assertEquals(null, p.version());
    Pylock read = LockFiles.readPylock(
        LockFiles.writePylock(LockFiles.fromResolution(r, LockOptions.defaults())), null);
    assertEquals(p, read.packages().get(0));
  }

  @Test
  void vcsRequirementWithoutACommitIsRefused() {
    LockedPackage demo = new LockedPackage(org.pylock4j.requirement.ProjectName.of("demo"),
        org.pylock4j.version.Version.parse("1.0"), List.of(), null, java.util.Set.of(),
        "git+https://git.example/demo.git@main");
    Resolution r = LockFixtures.resolution(List.of(demo),
        List.of(LockFixtures.root("demo @ git+https://git.example/demo.git@main")));
    PylockException e = assertThrows(PylockException.class,
        () -> LockFiles.fromResolution(r, LockOptions.defaults()));
    assertEquals("cannot lock demo from git+https://git.example/demo.git@main: a VCS requirement "
        + "must name a full commit id (e.g. @<40 hex digits>) to be locked", e.getMessage());
  }

  @Test
  void localDirectoryIsLockedAsDirectory() {
    LockedPackage demo = new LockedPackage(org.pylock4j.requirement.ProjectName.of("demo"),
        org.pylock4j.version.Version.parse("1.0"), List.of(), null, java.util.Set.of(),
        "file:///src/demo");
    Resolution r = LockFixtures.resolution(List.of(demo),
        List.of(LockFixtures.root("demo @ file:///src/demo")));
    Pylock lock = LockFiles.fromResolution(r, LockOptions.defaults());
    assertEquals(new PylockPackage.Directory("/src/demo", false, null),
        lock.packages().get(0).directory());
    assertTrue(LockFiles.writePylock(lock).contains(
        "\n[[packages]]\nname = \"demo\"\n\n[packages.directory]\npath = \"/src/demo\"\n"));
  }

  @Test
  void directReferencesMatchGolden() {
    String commit = "0123456789abcdef0123456789abcdef01234567";
    DistributionFile sixFile = LockFixtures.file("six-1.17.0-py2.py3-none-any.whl");
    List<LockedPackage> packages = List.of(
        new LockedPackage(org.pylock4j.requirement.ProjectName.of("app"),
            org.pylock4j.version.Version.parse("0.1"), List.of(), null, java.util.Set.of(),
            "file:///src/app"),
        new LockedPackage(org.pylock4j.requirement.ProjectName.of("demo"),
            org.pylock4j.version.Version.parse("1.0"), List.of(), null, java.util.Set.of(),
            "git+https://git.example/demo.git@" + commit),
        new LockedPackage(sixFile.project(), sixFile.version(), List.of(sixFile), null,
            java.util.Set.of(), sixFile.url()));
    Resolution r = LockFixtures.resolution(packages, List.of(
        LockFixtures.root("app @ file:///src/app"),
        LockFixtures.edge("app", "demo @ git+https://git.example/demo.git@" + commit),
        LockFixtures.edge("app", "six @ " + sixFile.url())));
    Pylock lock = LockFiles.fromResolution(r, LockOptions.defaults());
    String text = LockFiles.writePylock(lock);
    Golden.assertMatches("direct.pylock.toml", text);
    assertEquals(lock, LockFiles.readPylock(text, null));
  }
}
