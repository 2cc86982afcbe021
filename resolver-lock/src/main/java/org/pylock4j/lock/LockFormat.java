package org.pylock4j.lock;

import java.util.Locale;
import java.util.Objects;

/** The two lock formats pylock4j reads and writes. */
public enum LockFormat {
  /** PEP 751 {@code pylock.toml}. */
  PYLOCK,
  /** A requirements file in pip-compile's shape, with {@code --hash} lines. */
  REQUIREMENTS;

  /**
   * The format a lock named {@code fileName} is written in by default: {@link #REQUIREMENTS} for
   * a name ending in {@code .txt} (any case), else {@link #PYLOCK}.
   *
   * @param fileName a file name or path, must not be null
   * @return the format, never null
   */
  public static LockFormat forFileName(String fileName) {
    return Objects.requireNonNull(fileName, "fileName").toLowerCase(Locale.ROOT).endsWith(".txt")
        ? REQUIREMENTS
        : PYLOCK;
  }
}
