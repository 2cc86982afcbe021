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
}
