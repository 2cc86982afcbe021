package org.pylock4j.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.pylock4j.error.InvalidInputException;

/**
 * Reads the text files a user gives (requirements and constraints files, {@code pyproject.toml},
 * locks, marker environments): UTF-8, and never more than a limit of bytes, so that {@code
 * /dev/zero}, an endless pipe or a huge file is refused instead of exhausting memory.
 *
 * <pre>{@code
 * String text = InputFiles.read(Path.of("requirements.in"), InputFiles.DEFAULT_MAX_BYTES);
 * }</pre>
 */
public final class InputFiles {

  /**
   * The default limit of one input file: 16 MiB (a {@code pyproject.toml} of 200,000
   * dependencies is about 4 MiB). The command line sets it with {@code --max-input-size}.
   */
  public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

  private InputFiles() {}

  /**
   * Reads {@code file} as UTF-8 text (a leading byte order mark is kept), refusing more than
   * {@code maxBytes} bytes. Reads at most {@code maxBytes + 1} bytes, so a device or a pipe is
   * refused as soon as it gives more.
   *
   * @param file the file, must not be null
   * @param maxBytes the most bytes accepted, at least 0
   * @return the text, never null
   * @throws InvalidInputException naming the file: when it does not exist, is a directory,
   *     cannot be read, is larger than {@code maxBytes} (naming the limit and {@code
   *     --max-input-size}) or is not UTF-8
   */
  public static String read(Path file, long maxBytes) {
    Objects.requireNonNull(file, "file");
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative, was " + maxBytes);
    }
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(file + " is a directory, not a file", file.toString());
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("no such file: " + file, file.toString());
    } catch (AccessDeniedException e) {
      throw new InvalidInputException("cannot read " + file + ": permission denied",
          file.toString());
    } catch (IOException e) {
      String reason = e.getMessage() == null ? "input/output error" : e.getMessage();
      throw new InvalidInputException("cannot read " + file + ": " + reason, file.toString());
    }
    if (bytes.length > maxBytes) {
      throw new InvalidInputException(
          file + " is larger than the input size limit of " + maxBytes
              + " bytes (from maxInputBytes)",
          file.toString());
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(
          file + " is not UTF-8 text (a malformed byte at offset " + malformedAt(bytes) + ")",
          file.toString());
    }
  }

  /** The offset of the first byte that is not part of valid UTF-8. */
  private static int malformedAt(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    var out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length));
    var result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : bytes.length;
  }
}
