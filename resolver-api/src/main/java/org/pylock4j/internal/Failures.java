package org.pylock4j.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** What a failure of reading or writing a file means, in words: no exception class names. */
public final class Failures {

  private Failures() {}

  /**
   * {@code e} in words, e.g. {@code no such file}, {@code permission denied}.
   *
   * @param e the failure, must not be null
   * @return a one-line description, never null
   */
  public static String describe(Throwable e) {
    String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    String what;
    if (e instanceof NoSuchFileException) {
      what = "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      what = "permission denied";
    } else if (e instanceof NotDirectoryException) {
      what = "not a directory";
    } else if (e instanceof FileAlreadyExistsException) {
      what = "already exists";
    } else if (e instanceof DirectoryNotEmptyException) {
      what = "directory not empty";
    } else if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    } else if (e instanceof OutOfMemoryError) {
      return "too large to read";
    } else if (e instanceof FileSystemException) {
      return reason == null ? "file system failure" : reason;
    } else {
      return reason == null || reason.isBlank() ? "I/O failure" : reason;
    }
    return reason == null || reason.isBlank() ? what : what + " (" + reason + ")";
  }

  private static final java.util.regex.Pattern JAVA_NAME =
      java.util.regex.Pattern.compile(",? from `[A-Za-z0-9_.()]+`");

  /**
   * A JSON or TOML parser's message without the Java names it cites, e.g. {@code Document nesting
   * depth (1001) exceeds the maximum allowed (1000)} for Jackson's {@code ... (1000, from
   * `StreamReadConstraints.getMaxNestingDepth()`)}.
   *
   * @param message the parser's own message (its original message, without location), may be null
   * @return the message in words, never null
   */
  public static String parser(String message) {
    if (message == null || message.isBlank()) {
      return "malformed";
    }
    return JAVA_NAME.matcher(message).replaceAll("");
  }
}
