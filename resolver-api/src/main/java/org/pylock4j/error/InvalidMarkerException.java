package org.pylock4j.error;

/** Text that is not a PEP 508 environment marker. */
public class InvalidMarkerException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for {@code input}.
   *
   * @param reason what is wrong, must not be null
   * @param input the offending text, must not be null
   */
  public InvalidMarkerException(String reason, String input) {
    super(reason, input);
  }

  /**
   * Creates an exception for {@code input} at a location.
   *
   * @param reason what is wrong, must not be null
   * @param input the offending text, must not be null
   * @param file the file it came from, or null
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   */
  public InvalidMarkerException(String reason, String input, String file, int line, int column) {
    super(reason, input, file, line, column);
  }

  /** Returns a copy of this exception located in {@code file} at {@code line}, of the same type. */
  @Override
  public InvalidMarkerException at(String file, int line) {
    return new InvalidMarkerException(reason(), input(), file, line, column());
  }
}
