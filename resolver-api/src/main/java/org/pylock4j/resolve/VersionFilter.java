package org.pylock4j.resolve;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.pylock4j.version.Version;

/**
 * Removes versions from the candidates of one resolution as their pages arrive, each with the
 * reason explanations show (Maven Resolver's {@code VersionFilter}). The vulnerability filter of
 * {@code --avoid-vulnerable} is one: it asks an advisory database about each page's versions.
 *
 * <p>Called once per project page, on a fetch thread, possibly concurrently for different
 * projects; a failed future fails the resolution. Versions it names are treated as {@link
 * ResolutionRequest#excludedVersions()} are.
 */
@FunctionalInterface
public interface VersionFilter {

  /**
   * The versions of {@code page} that are not candidates, with the reason for each (e.g. {@code
   * known vulnerability GHSA-…}).
   *
   * @param page the project's page, never null
   * @return a future of version to reason, never null; an empty map keeps every version
   */
  CompletableFuture<Map<Version, String>> exclusions(ProjectPage page);
}
