package org.pylock4j.pypi;

/**
 * How {@link PypiIndex} combines several indexes.
 *
 * <p>The default is {@link #FIRST_INDEX}, the defence against dependency confusion.
 */
public enum IndexStrategy {
  /**
   * A project is taken from the first index (in the configured order) that has it; later indexes
   * are never used for it, even when they hold newer versions. What pip's {@code --index-url}
   * lookups should be, and what uv calls {@code first-index}.
   *
   * <p>Every index is asked, in parallel, so that a project found on several can be reported to
   * the warning sink. A failure of an index before the one that has the project fails the lookup
   * (it might have held the project); a failure of a later one is ignored, but an unreachable
   * later index still makes lookups wait for its timeouts.
   */
  FIRST_INDEX,

  /**
   * The files of a project are merged across every index that has it, and the resolver picks the
   * best version among them. This is pip's behaviour with {@code --extra-index-url}, and it lets a
   * public index shadow a private project: use only when every index is trusted.
   */
  UNSAFE_BEST_MATCH;

  /**
   * Parses a strategy as written on the command line or in {@code [tool.pylock4j]}: {@code
   * first-index} or {@code unsafe-best-match} (any case).
   *
   * @param value the text, must not be null
   * @return the strategy, never null
   * @throws org.pylock4j.error.InvalidInputException naming the value when it is neither
   */
  public static IndexStrategy parse(String value) {
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "first-index" -> FIRST_INDEX;
      case "unsafe-best-match" -> UNSAFE_BEST_MATCH;
      default -> throw new org.pylock4j.error.InvalidInputException(
          "index strategy must be first-index or unsafe-best-match, not '" + value + "'", value);
    };
  }

  /** The name as written: {@code first-index} or {@code unsafe-best-match}. */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
