package org.pylock4j.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pylock4j.error.InvalidMetadataException;
import org.pylock4j.internal.PyStrings;
import org.pylock4j.requirement.MarkerEnvironment;

/**
 * The ordered list of tags a target supports, best first, as {@code packaging.tags.sys_tags()}
 * ranks them; used to decide whether a wheel installs on the target and which wheel is best.
 *
 * <p>Immutable and thread-safe. The platform lists are computed the way {@code packaging} 26
 * computes them on a real machine, for an emulated one:
 *
 * <ul>
 *   <li>glibc Linux ({@link #manylinuxPlatforms}): {@code manylinux_X_Y_arch} from the machine's
 *       glibc down to 2.5 on x86_64 and i686 and down to 2.17 elsewhere (PEP 600), each legacy
 *       alias right after its {@code manylinux_X_Y} twin ({@code manylinux2014} after 2_17,
 *       {@code manylinux2010} after 2_12, {@code manylinux1} after 2_5), then {@code linux_arch};
 *   <li>musl Linux ({@link #musllinuxPlatforms}, PEP 656): {@code musllinux_X_Y_arch} from the
 *       machine's musl down to {@code X_0}, then {@code linux_arch};
 *   <li>macOS ({@link #macosPlatforms}): every release from the given one down, each with its
 *       binary formats ({@code arm64} / {@code x86_64}, {@code intel}, {@code fat64}, {@code
 *       fat32}, {@code universal2}, {@code universal}), then for macOS 11+ the 10.16 to 10.4
 *       releases ({@code universal2} only on arm64);
 *   <li>Windows: the one platform, e.g. {@code win_amd64}.
 * </ul>
 *
 * <pre>{@code
 * TagSet target = TagSet.cpython("3.12", Platform.LINUX_X86_64);
 * target.rank(WheelFilename.parse("numpy-2.0.0-cp312-cp312-manylinux_2_17_x86_64.whl")); // 22
 * target.rank(WheelFilename.parse("six-1.16.0-py2.py3-none-any.whl"));                  // last-ish
 * }</pre>
 */
public final class TagSet {

  /** The glibc version {@link #cpython(String, MarkerEnvironment.Platform)} assumes on Linux. */
  public static final int DEFAULT_GLIBC_MAJOR = 2;

  /**
   * The glibc minor version {@link #cpython(String, MarkerEnvironment.Platform)} assumes on
   * Linux: 2.39, the glibc of Ubuntu 24.04. A target with an older glibc builds its tags with
   * {@link #manylinuxPlatforms} and {@link #cpython(int, int, List, List)}.
   */
  public static final int DEFAULT_GLIBC_MINOR = 39;

  /** The macOS major version {@link #cpython(String, MarkerEnvironment.Platform)} assumes: 14. */
  public static final int DEFAULT_MACOS_MAJOR = 14;

  /** The macOS minor version {@link #cpython(String, MarkerEnvironment.Platform)} assumes: 0. */
  public static final int DEFAULT_MACOS_MINOR = 0;

  private final List<Tag> tags;
  private final Map<Tag, Integer> ranks;

  private TagSet(List<Tag> tags) {
    Map<Tag, Integer> ranks = new HashMap<>(tags.size() * 2);
    List<Tag> unique = new ArrayList<>(tags.size());
    for (Tag tag : tags) {
      Objects.requireNonNull(tag, "tag");
      if (ranks.putIfAbsent(tag, unique.size()) == null) {
        unique.add(tag);
      }
    }
    this.tags = List.copyOf(unique);
    this.ranks = ranks;
  }

  /**
   * A tag set from tags in preference order (best first). A tag listed twice keeps its first
   * (better) rank, as {@code packaging.tags.create_compatible_tags_selector} does.
   *
   * @param tags the tags, best first, must not be null nor hold null
   * @return the tag set, never null
   */
  public static TagSet of(List<Tag> tags) {
    return new TagSet(tags);
  }

  /**
   * The tags CPython {@code pythonVersion} ({@code "3.12"} or {@code "3.12.4"}) supports on
   * {@code platform}, in the order {@code sys_tags()} yields them there: the interpreter's ABI
   * ({@code cp312}, or {@code cp37m} before 3.8), {@code abi3}, {@code none}, {@code abi3} of
   * older minors, then the pure-Python tags. The platforms assumed: glibc {@value
   * #DEFAULT_GLIBC_MAJOR}.{@value #DEFAULT_GLIBC_MINOR} on Linux, macOS {@value
   * #DEFAULT_MACOS_MAJOR}.{@value #DEFAULT_MACOS_MINOR}, {@code win_amd64} on Windows.
   *
   * @param pythonVersion {@code MAJOR.MINOR} or {@code MAJOR.MINOR.MICRO}, must not be null
   * @param platform the target platform, must not be null
   * @return the tag set, never null
   * @throws InvalidMetadataException when {@code pythonVersion} is not such a version
   */
  public static TagSet cpython(String pythonVersion, MarkerEnvironment.Platform platform) {
    Objects.requireNonNull(platform, "platform");
    int[] version = parsePythonVersion(pythonVersion);
    return cpython(version[0], version[1], List.of(defaultAbi(version[0], version[1])),
        platforms(platform));
  }

  /**
   * The tags CPython {@code pythonVersion} supports on a machine with these platform tags (e.g.
   * from {@link #platformsFor(String)}), with the interpreter's default ABI ({@code cp312}, or
   * {@code cp37m} before 3.8).
   *
   * @param pythonVersion {@code MAJOR.MINOR} or {@code MAJOR.MINOR.MICRO}, must not be null
   * @param platforms the platform tags best first, must not be null
   * @return the tag set, never null
   * @throws InvalidMetadataException when {@code pythonVersion} is not such a version
   */
  public static TagSet cpython(String pythonVersion, List<String> platforms) {
    int[] version = parsePythonVersion(pythonVersion);
    return cpython(version[0], version[1], List.of(defaultAbi(version[0], version[1])),
        List.copyOf(platforms));
  }

  /**
   * The tags CPython {@code major.minor} supports with {@code abis} on {@code platforms}: what
   * {@code packaging.tags.cpython_tags(python_version, abis, platforms)} followed by {@code
   * compatible_tags(python_version, "cpXY", platforms)} yield, which is {@code sys_tags()} on
   * CPython. A free-threaded ABI first ({@code cp313t}) gives {@code abi3t} tags in place of
   * {@code abi3}. Unlike {@code packaging}, an empty {@code platforms} means no platform-specific
   * tags, not the running machine's.
   *
   * @param major the Python major version
   * @param minor the Python minor version
   * @param abis the ABIs best first, e.g. {@code [cp312]}; {@code abi3} and {@code none} are
   *     added in their places and ignored here; must not be null
   * @param platforms the platform tags best first, must not be null
   * @return the tag set, never null
   */
  public static TagSet cpython(int major, int minor, List<String> abis, List<String> platforms) {
    String interpreter = "cp" + major + minor;
    List<String> explicitAbis = new ArrayList<>(abis);
    explicitAbis.remove("abi3");
    explicitAbis.remove("none");
    List<Tag> out = new ArrayList<>();
    for (String abi : explicitAbis) {
      for (String platform : platforms) {
        out.add(new Tag(interpreter, abi, platform));
      }
    }
    boolean threading = isThreaded(explicitAbis);
    boolean stable = major > 3 || (major == 3 && minor >= 2);
    boolean useAbi3 = stable && !threading;
    boolean useAbi3t = stable && threading;
    for (String platform : platforms) {
      if (useAbi3) {
        out.add(new Tag(interpreter, "abi3", platform));
      }
    }
    for (String platform : platforms) {
      if (useAbi3t) {
        out.add(new Tag(interpreter, "abi3t", platform));
      }
    }
    for (String platform : platforms) {
      out.add(new Tag(interpreter, "none", platform));
    }
    if (useAbi3 || useAbi3t) {
      for (int older = minor - 1; older > 1; older--) {
        for (String platform : platforms) {
          String olderInterpreter = "cp" + major + older;
          out.add(new Tag(olderInterpreter, useAbi3 ? "abi3" : "abi3t", platform));
        }
      }
    }
    addCompatibleTags(out, major, minor, interpreter, platforms);
    return new TagSet(out);
  }

  /** {@code packaging.tags.compatible_tags(python_version, interpreter, platforms)}. */
  private static void addCompatibleTags(
      List<Tag> out, int major, int minor, String interpreter, List<String> platforms) {
    List<String> pythons = new ArrayList<>();
    pythons.add("py" + major + minor);
    pythons.add("py" + major);
    for (int older = minor - 1; older >= 0; older--) {
      pythons.add("py" + major + older);
    }
    for (String python : pythons) {
      for (String platform : platforms) {
        out.add(new Tag(python, "none", platform));
      }
    }
    out.add(new Tag(interpreter, "none", "any"));
    for (String python : pythons) {
      out.add(new Tag(python, "none", "any"));
    }
  }

  /**
   * The platform tags {@link #cpython(String, MarkerEnvironment.Platform)} assumes for {@code
   * platform}, best first.
   *
   * @param platform the platform, must not be null
   * @return the platform tags, never null
   */
  public static List<String> platforms(MarkerEnvironment.Platform platform) {
    return switch (platform) {
      case LINUX_X86_64 -> glibcLinux("x86_64");
      case LINUX_AARCH64 -> glibcLinux("aarch64");
      case MACOS_ARM64 -> macosPlatforms(DEFAULT_MACOS_MAJOR, DEFAULT_MACOS_MINOR, "arm64");
      case MACOS_X86_64 -> macosPlatforms(DEFAULT_MACOS_MAJOR, DEFAULT_MACOS_MINOR, "x86_64");
      case WINDOWS_AMD64 -> List.of("win_amd64");
    };
  }

  private static List<String> glibcLinux(String arch) {
    List<String> out = new ArrayList<>(
        manylinuxPlatforms(arch, DEFAULT_GLIBC_MAJOR, DEFAULT_GLIBC_MINOR));
    out.add("linux_" + arch);
    return List.copyOf(out);
  }

  /**
   * The platform tags of a machine whose most specific platform tag is {@code platformTag}, best
   * first, as {@code packaging} computes them on such a machine:
   *
   * <ul>
   *   <li>{@code manylinux_X_Y_ARCH} (or a legacy alias: {@code manylinux2014_ARCH} is glibc
   *       2.17, {@code manylinux2010_ARCH} 2.12, {@code manylinux1_ARCH} 2.5): glibc X.Y on ARCH,
   *       {@link #manylinuxPlatforms} then {@code linux_ARCH};
   *   <li>{@code musllinux_X_Y_ARCH}: musl X.Y on ARCH, {@link #musllinuxPlatforms} then {@code
   *       linux_ARCH};
   *   <li>{@code macosx_X_Y_ARCH}: {@link #macosPlatforms};
   *   <li>anything else ({@code win_amd64}, {@code linux_x86_64}, ...): that tag alone.
   * </ul>
   *
   * <pre>{@code
   * TagSet.cpython("3.12", TagSet.platformsFor("manylinux_2_28_x86_64"))
   * }</pre>
   *
   * @param platformTag a platform tag, must not be null
   * @return the platform tags, never null nor empty
   * @throws InvalidMetadataException when a {@code manylinux_}, {@code musllinux_} or {@code
   *     macosx_} tag lacks its version or architecture
   */
  public static List<String> platformsFor(String platformTag) {
    return PlatformTags.platformsFor(platformTag);
  }

  /**
   * The {@code manylinux} platform tags of a Linux machine with glibc {@code major.minor} on
   * {@code arch}, best first, as {@code packaging.tags._manylinux.platform_tags([arch])} yields
   * them there (PEP 513, 571, 599, 600). Empty for an architecture {@code manylinux} does not
   * cover. A full Linux platform list appends {@code "linux_" + arch}.
   *
   * @param arch e.g. {@code x86_64}, {@code aarch64}, must not be null
   * @param glibcMajor the glibc major version, e.g. 2
   * @param glibcMinor the glibc minor version, e.g. 28
   * @return the platform tags, never null
   */
  public static List<String> manylinuxPlatforms(String arch, int glibcMajor, int glibcMinor) {
    return PlatformTags.manylinux(arch, glibcMajor, glibcMinor);
  }

  /**
   * The {@code musllinux} platform tags of a Linux machine with musl {@code major.minor} on
   * {@code arch}, best first, as {@code packaging.tags._musllinux.platform_tags([arch])} yields
   * them there (PEP 656). A full Linux platform list appends {@code "linux_" + arch}.
   *
   * @param arch e.g. {@code x86_64}, must not be null
   * @param muslMajor the musl major version, e.g. 1
   * @param muslMinor the musl minor version, e.g. 2
   * @return the platform tags, never null
   */
  public static List<String> musllinuxPlatforms(String arch, int muslMajor, int muslMinor) {
    return PlatformTags.musllinux(arch, muslMajor, muslMinor);
  }

  /**
   * The platform tags of macOS {@code major.minor} on {@code arch} ({@code arm64}, {@code
   * x86_64}, {@code i386}, {@code ppc}, {@code ppc64}), best first, as {@code
   * packaging.tags.mac_platforms((major, minor), arch)} yields them.
   *
   * @param major the macOS major version, e.g. 14 or 10
   * @param minor the macOS minor version (the release for 10.x)
   * @param arch the CPU architecture, must not be null
   * @return the platform tags, never null
   */
  public static List<String> macosPlatforms(int major, int minor, String arch) {
    return PlatformTags.macos(major, minor, arch);
  }

  /** {@return the tags, best first, without duplicates} */
  public List<Tag> tags() {
    return tags;
  }

  /**
   * The rank of {@code tag} (0 is best), or -1 when unsupported.
   *
   * @param tag the tag, must not be null
   * @return the rank, 0 for the best tag, or -1 when unsupported
   */
  public int rank(Tag tag) {
    Integer rank = ranks.get(tag);
    return rank == null ? -1 : rank;
  }

  /**
   * The best rank among {@code wheel}'s tags, or -1 when the wheel is not installable here.
   *
   * @param wheel the wheel, must not be null
   * @return the best rank, or -1 when the wheel is not installable here
   */
  public int rank(WheelFilename wheel) {
    int best = -1;
    for (Tag tag : wheel.tags()) {
      Integer rank = ranks.get(tag);
      if (rank != null && (best < 0 || rank < best)) {
        best = rank;
      }
    }
    return best;
  }

  /**
   * Whether {@code wheel} installs here: one of its tags is in this set.
   *
   * @param wheel the wheel, must not be null
   * @return true when one of the wheel's tags is in this set
   */
  public boolean supports(WheelFilename wheel) {
    return rank(wheel) >= 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TagSet that && tags.equals(that.tags);
  }

  @Override
  public int hashCode() {
    return tags.hashCode();
  }

  /** The size and the best tag, e.g. {@code TagSet[1123 tags, best cp312-cp312-...]}. */
  @Override
  public String toString() {
    return "TagSet[" + tags.size() + " tags" + (tags.isEmpty() ? "" : ", best " + tags.get(0))
        + "]";
  }

  private static boolean isThreaded(List<String> abis) {
    if (abis.isEmpty()) {
      return false;
    }
    String first = abis.get(0);
    if (!first.startsWith("cp")) {
      return false;
    }
    int i = 2;
    while (i < first.length() && Character.isDigit(first.charAt(i))) {
      i++;
    }
    return i > 2 && first.indexOf('t', i) >= 0;
  }

  /** {@code _cpython_abis} of a default (non-debug, pymalloc, wide-unicode) CPython build. */
  private static String defaultAbi(int major, int minor) {
    String abi = "cp" + major + minor;
    boolean before38 = major < 3 || (major == 3 && minor < 8);
    boolean before33 = major < 3 || (major == 3 && minor < 3);
    return abi + (before38 ? "m" : "") + (before33 ? "u" : "");
  }

  private static int[] parsePythonVersion(String text) {
    Objects.requireNonNull(text, "pythonVersion");
    String[] parts = text.split("\\.", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw badPython(text);
    }
    int[] out = new int[2];
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 4) {
        throw badPython(text);
      }
      for (int j = 0; j < part.length(); j++) {
        if (part.charAt(j) < '0' || part.charAt(j) > '9') {
          throw badPython(text);
        }
      }
      if (i < 2) {
        out[i] = Integer.parseInt(part);
      }
    }
    return out;
  }

  private static InvalidMetadataException badPython(String text) {
    return new InvalidMetadataException(
        "not a Python version (MAJOR.MINOR or MAJOR.MINOR.MICRO): " + PyStrings.repr(text), text);
  }
}
