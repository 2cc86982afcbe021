package org.pylock4j.cli;

import org.pylock4j.input.ToolSettings;
import org.pylock4j.locker.LockRequest;
import picocli.CommandLine.Option;

/** Which versions to prefer. */
final class PolicyOptions {

  @Option(
      names = "--prerelease",
      paramLabel = "POLICY",
      description = "disallow, if-necessary-or-explicit (default), or allow.")
  String prerelease;

  @Option(
      names = "--resolution",
      paramLabel = "STRATEGY",
      description = "highest (default), lowest, or lowest-direct.")
  String resolution;

  /** Adds the policies given to {@code request} (else [tool.pylock4j], else the defaults). */
  void applyTo(LockRequest.Builder request) {
    if (prerelease != null) {
      request.prereleases(ToolSettings.parsePrerelease(prerelease));
    }
    if (resolution != null) {
      request.strategy(ToolSettings.parseResolution(resolution));
    }
  }
}
