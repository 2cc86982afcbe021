package org.pylock4j.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.pylock4j.error.InvalidMetadataException;
import org.pylock4j.internal.PyStrings;

/**
 * The platform-tag lists of {@code packaging.tags} for an emulated machine: {@code
 * _manylinux.platform_tags}, {@code _musllinux.platform_tags}, {@code mac_platforms}. Public
 * through {@link TagSet}, which documents them.
 */
final class PlatformTags {

  static final Set<String> MANYLINUX_ARCHS =
      Set.of("x86_64", "aarch64", "ppc64", "ppc64le", "s390x", "loongarch64", "riscv64",
          "i686", "armv7l");

  private PlatformTags() {}

  static List<String> platformsFor(String platformTag) {
    Objects.requireNonNull(platformTag, "platformTag");
    String tag = platformTag.toLowerCase(Locale.ROOT);
    for (String[] legacy : new String[][] {
        {"manylinux2014_", "17"}, {"manylinux2010_", "12"}, {"manylinux1_", "5"}}) {
      if (tag.startsWith(legacy[0]) && tag.length() > legacy[0].length()) {
        tag = "manylinux_2_" + legacy[1] + "_" + tag.substring(legacy[0].length());
      }
    }
    List<String> out = new ArrayList<>();
    if (tag.startsWith("manylinux_") || tag.startsWith("musllinux_")
        || tag.startsWith("macosx_")) {
      String kind = tag.substring(0, tag.indexOf('_'));
      String[] parts = tag.substring(kind.length() + 1).split("_", 3);
      if (parts.length != 3 || !isNumber(parts[0]) || !isNumber(parts[1])
          || parts[2].isEmpty()) {
        throw new InvalidMetadataException("not a " + kind + "_X_Y_ARCH platform tag: "
            + PyStrings.repr(platformTag), platformTag);
      }
      int major = Integer.parseInt(parts[0]);
      int minor = Integer.parseInt(parts[1]);
      String arch = parts[2];
      switch (kind) {
        case "manylinux" -> out.addAll(manylinux(arch, major, minor));
        case "musllinux" -> out.addAll(musllinux(arch, major, minor));
        default -> out.addAll(macos(major, minor, arch));
      }
      if (out.isEmpty()) {
        out.add(tag);
      }
      if (!kind.equals("macosx")) {
        out.add("linux_" + arch);
      }
    } else {
      out.add(tag);
    }
    return List.copyOf(out);
  }

  static List<String> manylinux(String arch, int glibcMajor, int glibcMinor) {
    Objects.requireNonNull(arch, "arch");
    List<String> out = new ArrayList<>();
    if (!MANYLINUX_ARCHS.contains(arch)) {
      return out;
    }
    int tooOldMinor = arch.equals("x86_64") || arch.equals("i686") ? 4 : 16;
    List<int[]> maxima = new ArrayList<>();
    maxima.add(new int[] {glibcMajor, glibcMinor});
    for (int major = glibcMajor - 1; major > 1; major--) {
      maxima.add(new int[] {major, 50}); // packaging's _LAST_GLIBC_MINOR guess
    }
    for (int[] max : maxima) {
      int minMinor = max[0] == 2 ? tooOldMinor : -1;
      for (int minor = max[1]; minor > minMinor; minor--) {
        out.add("manylinux_" + max[0] + "_" + minor + "_" + arch);
        if (max[0] == 2 && minor == 17) {
          out.add("manylinux2014_" + arch);
        } else if (max[0] == 2 && minor == 12) {
          out.add("manylinux2010_" + arch);
        } else if (max[0] == 2 && minor == 5) {
          out.add("manylinux1_" + arch);
        }
      }
    }
    return out;
  }

  static List<String> musllinux(String arch, int muslMajor, int muslMinor) {
    Objects.requireNonNull(arch, "arch");
    List<String> out = new ArrayList<>();
    for (int minor = muslMinor; minor >= 0; minor--) {
      out.add("musllinux_" + muslMajor + "_" + minor + "_" + arch);
    }
    return out;
  }

  static List<String> macos(int major, int minor, String arch) {
    Objects.requireNonNull(arch, "arch");
    List<String> out = new ArrayList<>();
    boolean atLeast11 = major >= 11;
    if (major == 10) {
      for (int release = minor; release >= 0; release--) {
        addMacFormats(out, 10, release, arch);
      }
    }
    if (atLeast11) {
      for (int release = major; release > 10; release--) {
        addMacFormats(out, release, 0, arch);
      }
      for (int release = 16; release > 3; release--) {
        if (arch.equals("x86_64")) {
          addMacFormats(out, 10, release, arch);
        } else {
          out.add("macosx_10_" + release + "_universal2");
        }
      }
    }
    return out;
  }

  private static boolean isNumber(String text) {
    if (text.isEmpty() || text.length() > 4) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code packaging.tags._mac_binary_formats}, appended as platform tags. */
  private static void addMacFormats(List<String> out, int major, int minor, String arch) {
    List<String> formats = new ArrayList<>();
    formats.add(arch);
    boolean before104 = major < 10 || (major == 10 && minor < 4);
    switch (arch) {
      case "x86_64" -> {
        if (before104) {
          return;
        }
        formats.addAll(List.of("intel", "fat64", "fat32"));
      }
      case "i386" -> {
        if (before104) {
          return;
        }
        formats.addAll(List.of("intel", "fat32", "fat"));
      }
      case "ppc64" -> {
        boolean after105 = major > 10 || (major == 10 && minor > 5);
        if (after105 || before104) {
          return;
        }
        formats.add("fat64");
      }
      case "ppc" -> {
        boolean after106 = major > 10 || (major == 10 && minor > 6);
        if (after106) {
          return;
        }
        formats.addAll(List.of("fat32", "fat"));
      }
      default -> {
        // arm64 and others: the architecture alone (plus universal2 for arm64 below)
      }
    }
    if (arch.equals("arm64") || arch.equals("x86_64")) {
      formats.add("universal2");
    }
    if (Set.of("x86_64", "i386", "ppc64", "ppc", "intel").contains(arch)) {
      formats.add("universal");
    }
    for (String format : formats) {
      out.add("macosx_" + major + "_" + minor + "_" + format);
    }
  }
}
