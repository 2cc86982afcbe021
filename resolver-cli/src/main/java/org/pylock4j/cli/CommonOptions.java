package org.pylock4j.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.InputFiles;
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

  @Option(
      names = "--cert",
      paramLabel = "FILE",
      description = "A PEM file of the certificate authorities to verify https servers with, in "
          + "place of the JDK's. Default: $SSL_CERT_FILE when set.")
  java.nio.file.Path cert;

  @Option(
      names = "--max-input-size",
      paramLabel = "SIZE",
      description = "The largest input file read (requirements, constraints, pyproject.toml,"
          + " locks, --environment): bytes, or with a unit (512k, 16M, 1G; binary units)."
          + " Default: 16M. A larger file is exit 2.")
  String maxInputSize;

  private static final Pattern SIZE =
      Pattern.compile("([0-9]{1,15})\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)");

  /** The limit of one input file, in bytes. */
  long maxInputBytes() {
    if (maxInputSize == null) {
      return InputFiles.DEFAULT_MAX_BYTES;
    }
    Matcher m = SIZE.matcher(maxInputSize.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new InvalidInputException(
          "--max-input-size must be a size such as 512k, 16M or 1G, not '" + maxInputSize + "'",
          maxInputSize);
    }
    long n = Long.parseLong(m.group(1));
    int shift = switch (m.group(2).isEmpty() ? 'b' : m.group(2).charAt(0)) {
      case 'k' -> 10;
      case 'm' -> 20;
      case 'g' -> 30;
      default -> 0;
    };
    if (n > (Long.MAX_VALUE >> shift)) {
      throw new InvalidInputException(
          "--max-input-size is too large: " + maxInputSize, maxInputSize);
    }
    return n << shift;
  }
}
