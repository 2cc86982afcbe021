package org.pylock4j.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.InvalidMetadataException;
import org.pylock4j.internal.PyStrings;
import org.pylock4j.requirement.MarkerEnvironment.Platform;

class TagSetTest {

  private static int rank(TagSet set, String wheel) {
    return set.rank(WheelFilename.parse(wheel));
  }

  @Test
  void ranksFollowTheListAndUnknownTagsAreUnsupported() {
    TagSet set = TagSet.of(List.of(Tag.parse("cp312-cp312-win_amd64"),
        Tag.parse("py3-none-any"), Tag.parse("cp312-cp312-win_amd64")));
    assertEquals(2, set.tags().size());
    assertEquals(0, set.rank(Tag.parse("cp312-cp312-win_amd64")));
    assertEquals(1, set.rank(Tag.parse("py3-none-any")));
    assertEquals(-1, set.rank(Tag.parse("py2-none-any")));
    assertEquals(1, rank(set, "six-1.16.0-py2.py3-none-any.whl"));
    assertEquals(-1, rank(set, "six-1.16.0-py2-none-any.whl"));
  }

  @Test
  void linuxPrefersTheNewestManylinuxThenAbi3ThenPurePython() {
    TagSet linux = TagSet.cpython("3.12", Platform.LINUX_X86_64);
    List<String> wheels = List.of(
        "pkg-1-py3-none-any.whl",
        "pkg-1-cp39-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "pkg-1-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "pkg-1-cp312-cp312-manylinux_2_28_x86_64.whl",
        "pkg-1-cp312-cp312-musllinux_1_2_x86_64.whl",
        "pkg-1-cp312-cp312-manylinux_2_40_x86_64.whl",
        "pkg-1-cp312-cp312-manylinux_2_17_aarch64.whl",
        "pkg-1-cp311-cp311-manylinux_2_17_x86_64.whl",
        "pkg-1-cp312-cp312-manylinux1_x86_64.whl");
    List<String> installable = wheels.stream().filter(w -> rank(linux, w) >= 0)
        .sorted(Comparator.comparingInt(w -> rank(linux, w))).toList();
    assertEquals(List.of(
        "pkg-1-cp312-cp312-manylinux_2_28_x86_64.whl",
        "pkg-1-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "pkg-1-cp312-cp312-manylinux1_x86_64.whl",
        "pkg-1-cp39-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "pkg-1-py3-none-any.whl"), installable);
  }

  @Test
  void aarch64StopsAtManylinux2014() {
    List<String> platforms = TagSet.platforms(Platform.LINUX_AARCH64);
    assertEquals("manylinux_2_39_aarch64", platforms.get(0));
    assertEquals(List.of("manylinux_2_17_aarch64", "manylinux2014_aarch64", "linux_aarch64"),
        platforms.subList(platforms.size() - 3, platforms.size()));
  }

  @Test
  void macosArmTakesUniversal2AndNoIntelOnlyWheels() {
    TagSet mac = TagSet.cpython("3.12.4", Platform.MACOS_ARM64);
    assertTrue(rank(mac, "pkg-1-cp312-cp312-macosx_11_0_arm64.whl") >= 0);
    assertTrue(rank(mac, "pkg-1-cp312-cp312-macosx_10_9_universal2.whl") >= 0);
    assertTrue(rank(mac, "pkg-1-cp312-cp312-macosx_14_0_arm64.whl")
        < rank(mac, "pkg-1-cp312-cp312-macosx_11_0_arm64.whl"));
    assertEquals(-1, rank(mac, "pkg-1-cp312-cp312-macosx_10_9_x86_64.whl"));
    assertEquals(-1, rank(mac, "pkg-1-cp312-cp312-macosx_15_0_arm64.whl"));
    assertEquals(TagSet.cpython("3.12", Platform.MACOS_ARM64), mac);
  }

  @Test
  void macosIntelTakesOldReleasesAndFatFormats() {
    TagSet mac = TagSet.cpython("3.11", Platform.MACOS_X86_64);
    assertTrue(rank(mac, "pkg-1-cp311-cp311-macosx_10_9_x86_64.whl") >= 0);
    assertTrue(rank(mac, "pkg-1-cp311-cp311-macosx_10_6_intel.whl") >= 0);
    assertEquals(-1, rank(mac, "pkg-1-cp311-cp311-macosx_11_0_arm64.whl"));
  }

  @Test
  void windowsIsOnePlatform() {
    TagSet win = TagSet.cpython("3.13", Platform.WINDOWS_AMD64);
    assertEquals(List.of("cp313-cp313-win_amd64", "cp313-abi3-win_amd64", "cp313-none-win_amd64",
        "cp312-abi3-win_amd64"), win.tags().subList(0, 4).stream().map(Tag::toString).toList());
    assertEquals("py30-none-any", win.tags().get(win.tags().size() - 1).toString());
    assertFalse(win.supports(WheelFilename.parse("pkg-1-cp313-cp313-win32.whl")));
  }

  @Test
  void freeThreadedAbiUsesAbi3t() {
    TagSet ft = TagSet.cpython(3, 13, List.of("cp313t"), List.of("win_amd64"));
    assertEquals(List.of("cp313-cp313t-win_amd64", "cp313-abi3t-win_amd64",
        "cp313-none-win_amd64", "cp312-abi3t-win_amd64"),
        ft.tags().subList(0, 4).stream().map(Tag::toString).toList());
    assertEquals(-1, ft.rank(Tag.parse("cp313-abi3-win_amd64")));
  }

  @Test
  void musllinuxCountsDownToZero() {
    assertEquals(List.of("musllinux_1_2_x86_64", "musllinux_1_1_x86_64", "musllinux_1_0_x86_64"),
        TagSet.musllinuxPlatforms("x86_64", 1, 2));
    assertEquals(List.of(), TagSet.manylinuxPlatforms("sparc", 2, 39));
  }

  @Test
  void rejectsAPythonVersionItCannotRead() {
    for (String bad : List.of("3", "3.x", "3.12.1.1", "", "py3.12", "3..12")) {
      InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
          () -> TagSet.cpython(bad, Platform.LINUX_X86_64));
      assertEquals("not a Python version (MAJOR.MINOR or MAJOR.MINOR.MICRO): " + PyStrings.repr(bad),
          e.getMessage());
    }
  }

  @Test
  void platformsForExpandsTheBestPlatformTagOfAMachine() {
    List<String> glibc228 = TagSet.platformsFor("manylinux_2_28_x86_64");
    assertEquals("manylinux_2_28_x86_64", glibc228.get(0));
    assertEquals(List.of("manylinux_2_5_x86_64", "manylinux1_x86_64", "linux_x86_64"),
        glibc228.subList(glibc228.size() - 3, glibc228.size()));
    assertEquals(TagSet.platformsFor("manylinux_2_17_aarch64"),
        TagSet.platformsFor("manylinux2014_aarch64"));
    assertEquals(List.of("musllinux_1_1_aarch64", "musllinux_1_0_aarch64", "linux_aarch64"),
        TagSet.platformsFor("musllinux_1_1_aarch64"));
    assertEquals(TagSet.macosPlatforms(11, 0, "arm64"), TagSet.platformsFor("macosx_11_0_arm64"));
    assertEquals(List.of("win_amd64"), TagSet.platformsFor("win_amd64"));
    assertEquals(List.of("linux_x86_64"), TagSet.platformsFor("linux_x86_64"));
    TagSet set = TagSet.cpython("3.12", TagSet.platformsFor("manylinux_2_28_x86_64"));
    assertEquals(-1, rank(set, "pkg-1-cp312-cp312-manylinux_2_34_x86_64.whl"));
    assertTrue(rank(set, "pkg-1-cp312-cp312-manylinux_2_28_x86_64.whl") >= 0);
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
        () -> TagSet.platformsFor("manylinux_2_x86_64"));
    assertEquals("not a manylinux_X_Y_ARCH platform tag: 'manylinux_2_x86_64'", e.getMessage());
  }
}
