package org.pylock4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.pylock4j.lock.LockFormat;
import org.pylock4j.requirement.MarkerEnvironment.Platform;

class ConfigurationTest {

  @Test
  void platformsAreNamedAsTheLibraryNamesThem() throws Exception {
    assertEquals(Platform.LINUX_X86_64, AbstractPylockMojo.platform(null));
    assertEquals(Platform.MACOS_ARM64, AbstractPylockMojo.platform("macos-arm64"));
    assertEquals(Platform.WINDOWS_AMD64, AbstractPylockMojo.platform("WINDOWS_AMD64"));
    MojoFailureException e = assertThrows(MojoFailureException.class, () -> AbstractPylockMojo.platform("amiga"));
    assertEquals("<platform> amiga is not one of [linux-x86_64, linux-aarch64, macos-arm64,"
        + " macos-x86_64, windows-amd64]", e.getMessage());
  }

  @Test
  void formats() throws Exception {
    assertEquals(LockFormat.PYLOCK, AbstractPylockMojo.format("pylock"));
    assertEquals(LockFormat.REQUIREMENTS, AbstractPylockMojo.format("Requirements"));
    MojoFailureException e = assertThrows(MojoFailureException.class, () -> AbstractPylockMojo.format("poetry"));
    assertEquals("<format> poetry is not one of pylock, requirements", e.getMessage());
  }

  @Test
  void excludeNewerTakesAnInstantOrADate() throws Exception {
    assertEquals(Instant.parse("2024-06-01T00:00:00Z"), AbstractPylockMojo.instant("2024-06-01"));
    assertEquals(Instant.parse("2024-06-01T12:30:00Z"), AbstractPylockMojo.instant("2024-06-01T12:30:00Z"));
    MojoFailureException e = assertThrows(MojoFailureException.class, () -> AbstractPylockMojo.instant("last week"));
    assertEquals("<excludeNewer> last week is neither an instant (2024-06-01T00:00:00Z) nor a date"
        + " (2024-06-01)", e.getMessage());
  }
}
