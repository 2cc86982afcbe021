package org.pylock4j.cli;

import picocli.CommandLine.Option;

/** Options every command has. */
final class CommonOptions {

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing on stderr but errors.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print the stack trace of a failure.")
  boolean verbose;

  @Option(
      names = "--request-timeout",
      paramLabel = "SECONDS",
      description = "The longest one index request may take in total, retries included; 0 for "
          + "no limit. Default: 300.")
  long requestTimeoutSeconds = 300;
}
