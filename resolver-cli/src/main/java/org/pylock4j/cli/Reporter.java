package org.pylock4j.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.pylock4j.error.IndexException;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.error.PylockException;
import org.pylock4j.error.UnsatisfiableException;
import org.pylock4j.input.InputFiles;
import org.pylock4j.resolve.ResolutionListener;
import org.pylock4j.trust.AdvisoryDatabaseException;

/**
 * Everything the command says on stderr: notices, warnings, a progress line (only when stderr is
 * a terminal, never with {@code --quiet}), and errors with their exit code.
 */
final class Reporter {

  private final PrintStream err;
  private final boolean terminal;
  private final boolean quiet;
  private final boolean verbose;
  private int progressWidth;

  Reporter(PrintStream err, boolean terminal, boolean quiet, boolean verbose) {
    this.err = new Redacting(err);
    this.terminal = terminal;
    this.quiet = quiet;
    this.verbose = verbose;
  }

  /** A stream that redacts URL secrets line by line, for every message and stack trace. */
  private static final class Redacting extends PrintStream {
    private final PrintStream target;

    Redacting(PrintStream target) {
      super(target, true, StandardCharsets.UTF_8);
      this.target = target;
    }

    @Override
    public void println(String line) {
      target.println(org.pylock4j.internal.Redaction.redact(line));
    }

    @Override
    public void println(Object line) {
      println(String.valueOf(line));
    }

    @Override
    public void print(String text) {
      target.print(org.pylock4j.internal.Redaction.redact(text));
    }

    @Override
    public void flush() {
      target.flush();
    }
  }

  boolean verbose() {
    return verbose;
  }

  /** Something the user should know that is not a problem (silent with --quiet). */
  synchronized void notice(String message) {
    if (!quiet) {
      clearProgress();
      err.println("note: " + message);
    }
  }

  /** A warning (silent with --quiet). */
  synchronized void warning(String message) {
    if (!quiet) {
      clearProgress();
      err.println("warning: " + message);
    }
  }

  /** A line of result summary (silent with --quiet). */
  synchronized void info(String message) {
    if (!quiet) {
      clearProgress();
      err.println(message);
    }
  }

  /**
   * A listener that keeps one progress line up to date with the resolution's totals ({@code
   * resolving: 68/112 projects, 38 metadata files, round 4}), or none when it would not show.
   * Warnings and notices clear the line first, so they never share it.
   */
  ResolutionListener progress() {
    if (!terminal || quiet) {
      return ResolutionListener.NONE;
    }
    return ResolutionListener.totals(totals -> progress(totals.describe()));
  }

  private synchronized void progress(String line) {
    StringBuilder padded = new StringBuilder("\r").append(line);
    for (int i = line.length(); i < progressWidth; i++) {
      padded.append(' ');
    }
    progressWidth = line.length();
    err.print(padded);
    err.flush();
  }

  /** Ends the progress line, if one is shown. */
  synchronized void clearProgress() {
    if (progressWidth > 0) {
      err.print("\r" + " ".repeat(progressWidth) + "\r");
      err.flush();
      progressWidth = 0;
    }
  }

  /** {@code " (HTTP s)"}, unless there is no status or {@code message} already says it. */
  private static String status(String message, java.util.Optional<Integer> status) {
    return status.filter(s -> !message.contains("HTTP " + s)).map(s -> " (HTTP " + s + ")")
        .orElse("");
  }

  /** Prints {@code failure} the way a user can act on, and returns its exit code. */
  synchronized int failure(Throwable failure) {
    clearProgress();
    while ((failure instanceof java.util.concurrent.CompletionException
            || failure instanceof java.util.concurrent.ExecutionException)
        && failure.getCause() != null) {
      failure = failure.getCause();
    }
    int code;
    if (failure instanceof UnsatisfiableException e) {
      err.println("error: no set of versions satisfies the requirements");
      printIndented(PolicyOptions.optionNames(e.getMessage()));
      code = Exit.NO;
    } else if (failure instanceof InvalidInputException e) {
      err.println("error: " + PolicyOptions.optionNames(e.getMessage()));
      showLocation(e);
      code = Exit.BAD_INPUT;
    } else if (failure instanceof AdvisoryDatabaseException e) {
      String message = PolicyOptions.optionNames(e.getMessage());
      String what = message.contains(e.location()) ? message : e.location() + ": " + message;
      err.println("error: the vulnerability database cannot be read: " + what
          + status(message, e.status()));
      code = Exit.INDEX;
    } else if (failure instanceof IndexException e) {
      String message = PolicyOptions.optionNames(e.getMessage());
      String what = message.contains(e.url()) ? message : e.url() + ": " + message;
      err.println("error: index failure: " + what + status(message, e.status()));
      code = Exit.INDEX;
    } else if (failure instanceof PylockException e) {
      err.println("error: " + PolicyOptions.optionNames(e.getMessage()));
      code = Exit.OTHER;
    } else {
      err.println("error: unexpected failure: " + failure);
      if (!verbose) {
        err.println("(this is a bug in pylock4j; run again with --verbose for the details)");
      }
      code = Exit.OTHER;
    }
    if (verbose) {
      failure.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private void printIndented(String text) {
    for (String line : text.split("\n")) {
      err.println("  " + line);
    }
  }

  /** The most characters of an offending line shown. */
  private static final int SHOWN_WIDTH = 160;

  /** Shows the offending line of a file with a caret under the column, when it can. */
  private void showLocation(InvalidInputException e) {
    if (e.file().isEmpty() || e.line() <= 0 || e.column() <= 0) {
      return;
    }
    Path file = Path.of(e.file().get());
    List<String> lines;
    try {
      lines = InputFiles.read(file, InputFiles.DEFAULT_MAX_BYTES).lines().toList();
    } catch (RuntimeException ignored) {
      return;
    }
    if (e.line() > lines.size()) {
      return;
    }
    String line = lines.get(e.line() - 1);
    int column = e.column();
    if (line.length() > SHOWN_WIDTH) {
      // a window around the column, so a huge line does not flood the terminal
      int from = Math.max(0, Math.min(column - 1 - SHOWN_WIDTH / 2, line.length() - SHOWN_WIDTH));
      int to = Math.min(line.length(), from + SHOWN_WIDTH);
      line = (from > 0 ? "…" : "") + line.substring(from, to) + (to < line.length() ? "…" : "");
      column = column - from + (from > 0 ? 1 : 0);
    }
    StringBuilder caret = new StringBuilder("  ");
    for (int i = 0; i < column - 1 && i < line.length(); i++) {
      caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    err.println("  " + line);
    err.println(caret.append('^'));
  }
}
