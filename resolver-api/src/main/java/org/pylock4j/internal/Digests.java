package org.pylock4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongFunction;

/**
 * The sha256 of a stream, read in chunks and never held whole: the one way pylock4j hashes a
 * distribution file (a local find-links file, a local or remote direct URL, a download).
 *
 * <p><b>Not API:</b> this class lives in a package the module does not export and may change
 * without notice. Parameters are non-null.
 */
public final class Digests {

  private Digests() {}

  /**
   * Reads {@code in} to its end (without closing it) and returns its sha256.
   *
   * @param in the stream
   * @return the sha256 in lowercase hexadecimal
   * @throws IOException when reading fails
   */
  public static String sha256(InputStream in) throws IOException {
    return sha256(in, Long.MAX_VALUE, read -> new IllegalStateException("unreachable"));
  }

  /**
   * Reads {@code in} to its end (without closing it) and returns its sha256, stopping as soon as
   * more than {@code maxBytes} were read.
   *
   * @param in the stream
   * @param maxBytes the most bytes read
   * @param tooLarge the failure to throw, given the bytes read so far, when there are more
   * @param <X> the type of that failure
   * @return the sha256 in lowercase hexadecimal
   * @throws IOException when reading fails
   * @throws X {@code tooLarge}'s failure
   */
  public static <X extends Exception> String sha256(InputStream in, long maxBytes,
      LongFunction<X> tooLarge) throws IOException, X {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    byte[] chunk = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(chunk)) != -1; ) {
      total += n;
      if (total > maxBytes) {
        throw tooLarge.apply(total);
      }
      digest.update(chunk, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
