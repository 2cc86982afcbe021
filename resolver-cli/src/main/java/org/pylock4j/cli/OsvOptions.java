package org.pylock4j.cli;

import java.nio.file.Path;
import java.util.List;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.trust.VulnerabilityAudit;
import picocli.CommandLine.Option;

/** Where known vulnerabilities are looked up: the OSV API, or an offline OSV export. */
final class OsvOptions {

  @Option(
      names = "--osv-url",
      paramLabel = "URL",
      description = "The OSV API base URL. Default: " + VulnerabilityAudit.DEFAULT_OSV_URL)
  String osvUrl;

  @Option(
      names = "--osv-offline",
      paramLabel = "PATH",
      description =
          "Look vulnerabilities up in an offline OSV export instead of the API: a directory of"
              + " OSV JSON files, or a zip of them (OSV's PyPI/all.zip).")
  Path osvOffline;

  @Option(
      names = "--max-osv-response-bytes",
      paramLabel = "SIZE",
      description = "The largest answer of the OSV API accepted, in bytes (or with K, M, G)."
          + " Default: 64M. A larger one is exit 3.")
  String maxResponseBytes;

  /** Whether a database option was given. */
  boolean given() {
    return osvUrl != null || osvOffline != null;
  }

  /** Adds the database options to {@code request} (checked when it is opened). */
  void applyTo(org.pylock4j.locker.LockRequest.Builder request) {
    request.osvUrl(osvUrl).osvExport(osvOffline);
    if (maxResponseBytes != null) {
      request.maxOsvResponseBytes(new org.pylock4j.locker.LockRequest.SizeLimit(
          IndexOptions.size(maxResponseBytes, "--max-osv-response-bytes", 0),
          "maxOsvResponseBytes"));
    }
  }

  /**
   * Opens the database the options name, ignoring {@code ignore} (ids or aliases), with the
   * network settings of {@code command} (proxies, CA bundle, --request-timeout): the locker's
   * {@code advisories}, the one place that does it for lock and audit alike.
   *
   * @throws InvalidInputException when both are given, the export does not exist, or a proxy URL
   *     or the CA bundle is unusable
   */
  VulnerabilityAudit open(List<String> ignore, Base command) {
    org.pylock4j.locker.LockRequest.Builder request = org.pylock4j.locker.LockRequest.builder()
        .requestTimeout(command.requestTimeout());
    applyTo(request);
    ignore.forEach(request::ignoreVulnerability);
    try (org.pylock4j.locker.Locker locker = command.locker(null)) {
      return locker.advisories(request.build());
    }
  }
}
