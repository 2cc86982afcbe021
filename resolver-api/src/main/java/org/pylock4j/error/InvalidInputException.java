package org.pylock4j.error;

import java.util.Optional;

/**
 * Input that does not follow the specification it claims to: a version, specifier, requirement,
 * marker, metadata file, requirements file or lock file.
 *
 * <p>Carries the offending text, and where known the file, line (1-based) and column (1-based) it
 * came from. {@link #getMessage()} names all of them.
 */
public class InvalidInputException extends PylockException {
  private static final long serialVersionUID = 1L;

  /** What is wrong, without the location. */
  private final String reason;
  /** The offending text. */
  private final String input;
  /** The file the input came from, or null. */
  private final String file;
  /** The 1-based line, or 0 when unknown. */
  private final int line;
  /** The 1-based column, or 0 when unknown. */
  private final int column;

  /**
   * Creates an exception for {@code input} with no known location.
   *
   * @param reason what is wrong, must not be null
   * @param input the offending text, must not be null
   */
  public InvalidInputException(String reason, String input) {
    this(reason, input, null, 0, 0);
  }

  /**
   * Creates an exception for {@code input} at a location.
   *
   * @param reason what is wrong, must not be null
   * @param input the offending text, must not be null
   * @param file the file it came from, or null when not from a file
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   */
  public InvalidInputException(String reason, String input, String file, int line, int column) {
    super(format(reason, input, file, line, column));
    this.reason = reason;
    this.input = input;
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /**
   * Returns a copy of this exception located in {@code file} at {@code line}; a column already
   * known is kept.
   *
   * @param file the file the input came from, or null when it came from no file
   * @param line the 1-based line in {@code file}, or 0 when unknown
   * @return a new exception, never null
   */
  public InvalidInputException at(String file, int line) {
    return new InvalidInputException(reason(), input, file, line, column);
  }

  /** {@return the offending text, never null} */
  public String input() {
    return input;
  }

  /** {@return the file the input came from, if known} */
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }

  /** {@return the 1-based line, or 0 when unknown} */
  public int line() {
    return line;
  }

  /** {@return the 1-based column, or 0 when unknown} */
  public int column() {
    return column;
  }

  /** {@return what is wrong, without the location} */
  public String reason() {
    return reason;
  }

  private static String format(String reason, String input, String file, int line, int column) {
    StringBuilder where = new StringBuilder();
    if (file != null) {
      where.append(file);
    }
    if (line > 0) {
      where.append(where.length() > 0 ? ":" : "line ").append(line);
    }
    if (column > 0) {
      where.append(where.length() > 0 ? ":" : "column ").append(column);
    }
    return where.length() > 0 ? where + ": " + reason : reason;
  }
}
