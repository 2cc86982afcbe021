package org.pylock4j.resolve;

/** When pre-release versions are candidates. */
public enum PrereleasePolicy {
  /** Never, even when a specifier names one. */
  DISALLOW,
  /**
   * For a project whose requirements name a pre-release, or whose only matching versions are
   * pre-releases (the default; uv's {@code if-necessary-or-explicit}).
   */
  IF_NECESSARY_OR_EXPLICIT,
  /** Always. */
  ALLOW
}
