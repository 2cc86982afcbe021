package org.pylock4j.metadata;

import java.util.List;
import org.pylock4j.requirement.MarkerEnvironment;

/**
 * The ordered list of tags a target supports, best first, as {@code packaging.tags.sys_tags()}
 * ranks them; used to decide whether a wheel installs on the target and which wheel is best.
 */
public final class TagSet {

  private TagSet() {
    throw new UnsupportedOperationException("stub");
  }

  /** A tag set from tags in preference order (best first). */
  public static TagSet of(List<Tag> tags) {
    throw new UnsupportedOperationException("stub");
  }

  /**
   * The tags CPython {@code pythonVersion} ({@code "3.12"}) supports on {@code platform}, like
   * {@code sys_tags()} there (manylinux down to 2_17 and the legacy aliases on Linux, macOS down
   * to 10.x with universal2, win_amd64, then abi3, none, pure-Python tags).
   */
  public static TagSet cpython(String pythonVersion, MarkerEnvironment.Platform platform) {
    throw new UnsupportedOperationException("stub");
  }

  /** The tags, best first. */
  public List<Tag> tags() {
    throw new UnsupportedOperationException("stub");
  }

  /** The rank of {@code tag} (0 is best), or -1 when unsupported. */
  public int rank(Tag tag) {
    throw new UnsupportedOperationException("stub");
  }

  /** The best rank among {@code wheel}'s tags, or -1 when the wheel is not installable here. */
  public int rank(WheelFilename wheel) {
    throw new UnsupportedOperationException("stub");
  }
}
