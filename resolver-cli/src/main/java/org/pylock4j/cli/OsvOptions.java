package org.pylock4j.cli;

import java.nio.file.Files;
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

  /** Whether a database option was given. */
  boolean given() {
    return osvUrl != null || osvOffline != null;
  }

  /** Adds the database options to {@code request} (checked when it is opened). */
  void applyTo(org.pylock4j.locker.LockRequest.Builder request) {
    request.osvUrl(osvUrl).osvExport(osvOffline);
  }

  /**
   * Opens the database the options name, ignoring {@code ignore} (ids or aliases).
   *
   * @throws InvalidInputException when both are given, or the export does not exist
   */
  VulnerabilityAudit open(List<String> ignore) {
    if (osvUrl != null && osvOffline != null) {
      throw new InvalidInputException("give --osv-url or --osv-offline, not both", "--osv-offline");
    }
    VulnerabilityAudit.Builder builder = VulnerabilityAudit.builder().ignore(ignore);
    if (osvOffline != null) {
      if (!Files.exists(osvOffline)) {
        throw new InvalidInputException(
            "--osv-offline " + osvOffline + ": no such file or directory", osvOffline.toString());
      }
      builder.offlineExport(osvOffline);
    } else if (osvUrl != null) {
      if (!osvUrl.matches("(?i)https?://.+")) {
        throw new InvalidInputException(
            "--osv-url must be an http(s) URL, not '" + osvUrl + "'", osvUrl);
      }
      builder.osvUrl(osvUrl);
    }
    return builder.build();
  }
}
