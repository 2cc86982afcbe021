package org.pylock4j.cli;

/** The exit codes of {@code pylock4j}, stable for scripts. */
final class Exit {
  /** Success: the lock was written, verified, or the question answered. */
  static final int OK = 0;
  /** No: the requirements are unsatisfiable, or {@code verify} found drift. */
  static final int NO = 1;
  /** Bad input: a file, a line, an option (the message names file, line and column). */
  static final int BAD_INPUT = 2;
  /** An index could not be read: unreachable, an HTTP error, a hash mismatch, offline miss. */
  static final int INDEX = 3;
  /** Anything else: a limit was reached, or a bug (run with --verbose for the stack trace). */
  static final int OTHER = 4;

  private Exit() {}
}
