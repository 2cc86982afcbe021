package org.pylock4j.trust;

import java.util.Optional;
import org.pylock4j.error.PylockException;

/**
 * The vulnerability database could not answer: OSV unreachable or answering with an HTTP error or
 * a malformed body, or an offline export that cannot be read.
 */
public class AdvisoryDatabaseException extends PylockException {
  private static final long serialVersionUID = 1L;

  private final String location;
  private final int status;

  /**
   * Creates an exception.
   *
   * @param message what went wrong, must not be null
   * @param location the URL asked or the export's path, must not be null
   * @param status the HTTP status, or 0 when there was no response
   * @param cause the underlying failure, or null
   */
  public AdvisoryDatabaseException(String message, String location, int status, Throwable cause) {
    super(message, cause);
    this.location = location;
    this.status = status;
  }

  /** The URL asked or the path of the export. */
  public String location() {
    return location;
  }

  /** The HTTP status, if a response came. */
  public Optional<Integer> status() {
    return status == 0 ? Optional.empty() : Optional.of(status);
  }
}
