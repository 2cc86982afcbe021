package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.metadata.Tag;
import org.pylock4j.requirement.MarkerEnvironment.Platform;
import org.pylock4j.resolve.TargetEnvironment;

class TargetOptionsTest {

  static List<String> platforms(TargetEnvironment target) {
    return target.tags().tags().stream().map(Tag::platform).distinct().toList();
  }

  @Test
  void aManylinuxTagKeepsOnlyTagsUpToItsGlibc() {
    List<String> platforms =
        platforms(TargetOptions.withPlatform("3.12", "manylinux_2_17_x86_64"));
    assertTrue(platforms.contains("manylinux_2_17_x86_64"), platforms.toString());
    assertTrue(platforms.contains("manylinux2014_x86_64"), platforms.toString());
    assertTrue(platforms.contains("manylinux_2_5_x86_64"), platforms.toString());
    assertFalse(platforms.stream().anyMatch(p -> p.startsWith("manylinux_2_28")), platforms.toString());
    assertTrue(platforms.contains("any"), platforms.toString());
  }

  @Test
  void aMacosTagKeepsOnlyTagsUpToItsVersion() {
    TargetEnvironment target = TargetOptions.withPlatform("3.12", "macosx_11_0_arm64");
    List<String> platforms = platforms(target);
    assertTrue(platforms.contains("macosx_11_0_arm64"), platforms.toString());
    assertFalse(platforms.stream().anyMatch(p -> p.startsWith("macosx_14_")), platforms.toString());
    assertEquals("darwin", target.markers().values().get("sys_platform"));
  }

  @Test
  void platformNamesMapToTheCommonTargets() {
    assertEquals(
        TargetEnvironment.cpython("3.11", Platform.WINDOWS_AMD64),
        TargetOptions.withPlatform("3.11", "windows"));
    assertEquals(
        TargetEnvironment.cpython("3.11", Platform.LINUX_AARCH64),
        TargetOptions.withPlatform("3.11", "linux-aarch64"));
    assertEquals(
        TargetEnvironment.cpython("3.11", Platform.MACOS_ARM64),
        TargetOptions.withPlatform("3.11", "macos"));
  }

  @Test
  void markerPlatformsMapToWheelPlatforms() {
    assertEquals(Platform.LINUX_X86_64, TargetOptions.platformOf("linux", "x86_64"));
    assertEquals(Platform.MACOS_ARM64, TargetOptions.platformOf("darwin", "arm64"));
    assertEquals(Platform.WINDOWS_AMD64, TargetOptions.platformOf("win32", "AMD64"));
    assertEquals(null, TargetOptions.platformOf("linux", "ppc64le"));
    assertEquals(null, TargetOptions.platformOf("cygwin", "x86_64"));
  }

  @Test
  void thePlainLinuxTagTakesNoManylinuxWheel() {
    List<String> platforms = platforms(TargetOptions.withPlatform("3.12", "linux_x86_64"));
    assertEquals(List.of("linux_x86_64", "any"), platforms);
  }

  @Test
  void aMissingInterpreterDetectsNothing() {
    assertTrue(TargetDetector.python("no-such-python-pylock4j-test").detect().isEmpty());
  }

  @Test
  void theProbeOutputIsNamesAndValuesEndedByNul() {
    assertEquals(Optional.of(Map.of("python_version", "3.12", "os_name", "posix")),
        TargetDetector.parse("python_version\u00003.12\u0000os_name\u0000posix\u0000"));
    assertTrue(TargetDetector.parse("python_version\u00003.12").isEmpty());
    assertTrue(TargetDetector.parse("").isEmpty());
  }

  @Test
  void anInterpreterBinaryIsAskedOnceThenAnsweredFromTheCacheUntilItChanges(@TempDir Path dir)
      throws Exception {
    // not a runnable program: asking it finds nothing, so an answer can only come from the cache
    Path python = dir.resolve("bin/python3");
    Files.createDirectories(python.getParent());
    Files.write(python, new byte[] {0x7f, 'E', 'L', 'F', 0, 0});
    python.toFile().setExecutable(true);
    Path cache = dir.resolve("cache");
    Map<String, String> environment = Map.of("PATH", python.getParent().toString());
    TargetDetector detector = TargetDetector.python("python3", cache, environment);
    assertTrue(detector.detect().isEmpty());

    Path entry = TargetDetector.cacheEntry(cache, TargetDetector.binary("python3", environment.get("PATH")));
    Files.createDirectories(entry.getParent());
    Files.writeString(entry, "python_version\u00003.9\u0000");
    assertEquals(Optional.of(Map.of("python_version", "3.9")), detector.detect());

    Files.setLastModifiedTime(python, FileTime.fromMillis(Files.getLastModifiedTime(python).toMillis() - 60_000));
    assertTrue(detector.detect().isEmpty(), "a changed interpreter is asked again");
  }

  @Test
  void aScriptIsNeverAnsweredFromTheCache(@TempDir Path dir) throws Exception {
    Path shim = dir.resolve("python3");
    Files.writeString(shim, "#!/bin/sh\nexit 1\n");
    shim.toFile().setExecutable(true);
    assertEquals(null, TargetDetector.binary(shim.toString(), null));
  }
}
