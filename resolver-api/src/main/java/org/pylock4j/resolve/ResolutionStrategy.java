package org.pylock4j.resolve;

/** Which versions the objective prefers. */
public enum ResolutionStrategy {
  /** The newest version the constraints allow, for every project (the default). */
  HIGHEST,
  /** The oldest version the constraints allow, for every project. */
  LOWEST,
  /** The oldest for direct requirements, the newest for the rest. */
  LOWEST_DIRECT
}
