package org.pylock4j.error;

/**
 * The unchecked root of every exception pylock4j throws.
 *
 * <p>Subtypes carry what went wrong as data (the input, the file and line, the URL, the
 * unsatisfiable core) and a message a user can act on.
 */
public class PylockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message a user can act on.
   *
   * @param message the message, naming the input and what to do about it; must not be null
   */
  public PylockException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the cause it wraps.
   *
   * @param message the message, naming the input and what to do about it; must not be null
   * @param cause the underlying failure, or null
   */
  public PylockException(String message, Throwable cause) {
    super(message, cause);
  }
}
