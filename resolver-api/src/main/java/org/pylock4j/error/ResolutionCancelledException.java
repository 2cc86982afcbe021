package org.pylock4j.error;

/** A resolution was cancelled by its caller before it finished. */
public class ResolutionCancelledException extends PylockException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was cancelled, must not be null
   */
  public ResolutionCancelledException(String message) {
    super(message);
  }
}
