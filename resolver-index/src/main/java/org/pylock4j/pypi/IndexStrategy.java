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
  UNSAFE_BEST_MATCH
}
