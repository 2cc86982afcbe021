package org.pylock4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.pylock4j.lock.LockDrift;
import org.pylock4j.locker.LockRequest;
import org.pylock4j.locker.Locker;
import org.pylock4j.locker.Verification;
import org.pylock4j.locker.VerifyRequest;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.version.Version;

class PylockAssertionsTest {

  @LocalIndex("src/test/resources/index") String index;
  @TempDir Path dir;

  private Path lock(String... requirements) {
    Path lock = dir.resolve("pylock.toml");
    try (Locker locker = Locker.builder().build()) {
      locker.lock(LockRequest.builder()
              .requirements(List.of(requirements))
              .indexUrl(index)
              .target(TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64))
              .cacheDirectory(dir.resolve("cache"))
              .output(lock)
              .build())
          .write();
    }
    return lock;
  }

  @Test
  void aFreshLockIsUpToDate() {
    Path lock = lock("six>=1.16");
    Verification verification = PylockAssertions.assertUpToDate(lock);
    assertEquals(1, verification.packages());
    assertTrue(verification.isUpToDate());
  }

  @Test
  void aTamperedHashFailsNamingTheFile() throws Exception {
    Path lock = lock("six>=1.16");
    String text = Files.readString(lock, StandardCharsets.UTF_8);
    Matcher sha = Pattern.compile("4721f391ed90541fddacab5acf947aa0d3dc7d27b2e1e8eda2be8970586c3274").matcher(text);
    assertTrue(sha.find(), text);
    Files.writeString(lock, sha.replaceAll("0".repeat(64)), StandardCharsets.UTF_8);

    AssertionFailedError failure =
        assertThrows(AssertionFailedError.class, () -> PylockAssertions.assertUpToDate(lock));
    assertTrue(failure.getMessage().startsWith(lock + " is not up to date ("), failure.getMessage());
    assertTrue(failure.getMessage().contains("six-1.17.0-py2.py3-none-any.whl"), failure.getMessage());
  }

  @Test
  void aChangedRequestFailsNamingTheRequirement() {
    Path lock = lock("six>=1.16");
    VerifyRequest request = VerifyRequest.builder(lock)
        .request(LockRequest.builder().requirement("six>=1.0").indexUrl(index).build())
        .build();
    AssertionFailedError failure =
        assertThrows(AssertionFailedError.class, () -> PylockAssertions.assertUpToDate(request));
    assertTrue(failure.getMessage().contains("six>=1.0"), failure.getMessage());
  }

  @Test
  void theMessageListsEachDriftOnItsOwnLine() {
    Path lock = Path.of("pylock.toml");
    Verification verification = new Verification(lock,
        List.of(new LockDrift.PackageAdded(ProjectName.of("Six"), Version.parse("1.17.0")),
            new LockDrift.FileMissingUpstream(ProjectName.of("idna"), Version.parse("3.10"), "idna-3.10-py3-none-any.whl")),
        List.of(), "", 2, 2);
    String nl = System.lineSeparator();
    assertEquals("pylock.toml is not up to date (2 drifts):" + nl
            + "  six: added (1.17.0)" + nl
            + "  idna 3.10: idna-3.10-py3-none-any.whl is no longer on the index",
        PylockAssertions.message(verification));
  }

  @Test
  void aMissingLockIsAnError() {
    Path missing = dir.resolve("nothing.toml");
    RuntimeException e = assertThrows(RuntimeException.class, () -> PylockAssertions.assertUpToDate(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }
}
