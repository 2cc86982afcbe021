package org.pylock4j.error;

import java.util.Optional;

/**
 * A package index could not give what was asked: unreachable, an HTTP error, a body that is
 * truncated or malformed, a hash that does not match, or a miss in offline mode.
 *
 * <p>The URL never contains credentials.
 */
public class IndexException extends PylockException {
  private static final long serialVersionUID = 1L;

  /** The URL asked, without credentials. */
  private final String url;
  /** The HTTP status, or 0 when no response came. */
  private final int status;

  /**
   * Creates an exception for a request to {@code url}.
   *
   * @param message what went wrong, must not be null
   * @param url the URL, without credentials, must not be null
   * @param status the HTTP status, or 0 when there was no response
   * @param cause the underlying failure, or null
   */
  public IndexException(String message, String url, int status, Throwable cause) {
    super(message, cause);
    this.url = url;
    this.status = status;
  }

  /** {@return the URL asked, without credentials} */
  public String url() {
    return url;
  }

  /** {@return the HTTP status, if a response came} */
  public Optional<Integer> status() {
    return status == 0 ? Optional.empty() : Optional.of(status);
  }
}
