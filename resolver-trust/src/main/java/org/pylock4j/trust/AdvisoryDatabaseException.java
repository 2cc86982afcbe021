package org.pylock4j.trust;

import org.pylock4j.error.IndexException;

/**
 * The vulnerability database could not answer: OSV unreachable or answering with an HTTP error or
 * a malformed body, or an offline export that cannot be read.
 *
 * <p>An {@link IndexException} (a remote source failed, exit code 3 in the command line), whose
 * {@link #url()} is the URL asked or, offline, the export's path.
 */
public class AdvisoryDatabaseException extends IndexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong, must not be null
   * @param location the URL asked or the export's path, must not be null
   * @param status the HTTP status, or 0 when there was no response
   * @param cause the underlying failure, or null
   */
  public AdvisoryDatabaseException(String message, String location, int status, Throwable cause) {
    super(message, location, status, cause);
  }

  /** {@return the URL asked or the path of the export (the same as {@link #url()})} */
  public String location() {
    return url();
  }
}
