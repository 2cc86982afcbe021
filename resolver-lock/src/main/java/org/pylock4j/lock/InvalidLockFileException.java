package org.pylock4j.lock;

import java.util.Optional;
import org.pylock4j.error.InvalidInputException;

/**
 * A lock file ({@code pylock.toml} or a requirements file) that cannot be read: bad syntax, a
 * missing or unknown key, a value of the wrong type or form.
 *
 * <p>The message names the file, line and column, the key, and what is wrong; {@link #input()} is
 * the text of the offending line.
 */
public final class InvalidLockFileException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** The key path the problem is at, or null. */
  private final String key;

  /**
   * Creates the exception.
   *
   * @param reason what is wrong, naming the key, must not be null
   * @param input the offending text, must not be null
   * @param file the file name, or null
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   * @param key the key path (e.g. {@code packages[1].version}), or null for a syntax error
   */
  public InvalidLockFileException(
      String reason, String input, String file, int line, int column, String key) {
    super(reason, input, file, line, column);
    this.key = key;
  }

  /**
   * {@return the key path the problem is at, e.g. {@code packages[1].wheels[0].hashes}, if known}
   */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  @Override
  public InvalidLockFileException at(String file, int line) {
    return new InvalidLockFileException(reason(), input(), file, line, column(), key);
  }
}
