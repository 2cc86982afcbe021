package org.pylock4j.input;

import java.util.List;
import java.util.Optional;

/**
 * The {@code [tool.pylock4j]} table of a {@code pyproject.toml}: defaults for the options of a
 * lock, overridden by anything given on the command line.
 *
 * <pre>{@code
 * [tool.pylock4j]
 * index-url = "https://pypi.org/simple/"
 * extra-index-urls = ["https://example.org/simple/"]
 * index-strategy = "first-index"            # or "unsafe-best-match"
 * prerelease = "if-necessary-or-explicit"   # or "disallow", "allow"
 * resolution = "highest"                    # or "lowest", "lowest-direct"
 * exclude-newer = "2025-01-01T00:00:00Z"
 * constraint-dependencies = ["urllib3<2"]
 * }</pre>
 *
 * <p>Values are kept as written (after checking their type); the caller interprets them.
 *
 * @param indexUrl {@code index-url} (a relative directory made absolute as a file: URI), or null
 * @param extraIndexUrls {@code extra-index-urls}, empty when not set
 * @param indexStrategy {@code index-strategy}, or null
 * @param prerelease {@code prerelease}, or null
 * @param resolution {@code resolution}, or null
 * @param excludeNewer {@code exclude-newer}, or null
 * @param constraints {@code constraint-dependencies}, parsed, empty when not set
 */
public record ToolSettings(
    String indexUrl,
    List<String> extraIndexUrls,
    String indexStrategy,
    String prerelease,
    String resolution,
    String excludeNewer,
    List<DeclaredRequirement> constraints) {

  /** No settings. */
  public static final ToolSettings NONE =
      new ToolSettings(null, List.of(), null, null, null, null, List.of());

  /**
   * Copies the lists.
   *
   * @param indexUrl {@code index-url} (a relative directory made absolute as a file: URI), or null
   * @param extraIndexUrls {@code extra-index-urls}, empty when not set
   * @param indexStrategy {@code index-strategy}, or null
   * @param prerelease {@code prerelease}, or null
   * @param resolution {@code resolution}, or null
   * @param excludeNewer {@code exclude-newer}, or null
   * @param constraints {@code constraint-dependencies}, parsed, empty when not set
   */
  public ToolSettings {
    extraIndexUrls = List.copyOf(extraIndexUrls);
    constraints = List.copyOf(constraints);
  }

  /** {@return {@code index-url}, if set} */
  public Optional<String> indexUrlIfSet() {
    return Optional.ofNullable(indexUrl);
  }

  /** {@return {@code index-strategy}, if set} */
  public Optional<String> indexStrategyIfSet() {
    return Optional.ofNullable(indexStrategy);
  }

  /** {@return {@code prerelease}, if set} */
  public Optional<String> prereleaseIfSet() {
    return Optional.ofNullable(prerelease);
  }

  /** {@return {@code resolution}, if set} */
  public Optional<String> resolutionIfSet() {
    return Optional.ofNullable(resolution);
  }

  /** {@return {@code exclude-newer}, if set} */
  public Optional<String> excludeNewerIfSet() {
    return Optional.ofNullable(excludeNewer);
  }
}
