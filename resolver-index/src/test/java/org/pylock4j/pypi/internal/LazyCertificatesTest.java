package org.pylock4j.pypi.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.pypi.PypiIndex;

/**
 * A client whose indexes are all {@code file:} reads the CA bundle ({@code --cert},
 * {@code SSL_CERT_FILE}) only when it first needs HTTP: a bad bundle is then bad input naming
 * it; with a remote index it still fails at once (ProxyAndCertificatesTest).
 */
class LazyCertificatesTest {

  @TempDir Path dir;

  private HttpSettings settings(Path pem) {
    return new HttpSettings(4, Duration.ofSeconds(1), Duration.ofSeconds(1), "test", null, 1024,
        0, Duration.ZERO, Duration.ZERO, null, null, List.of(), pem);
  }

  @Test
  void aFileIndexBuildsWithoutReadingTheBundle() throws IOException {
    Path pem = Files.writeString(dir.resolve("ca.pem"), "<html>not a certificate</html>");
    Path index = Files.createDirectories(dir.resolve("index"));
    try (PypiIndex built = PypiIndex.builder().indexUrl(index.toUri().toString())
        .trustedCertificates(pem).build()) {
      assertTrue(built.indexUrls().get(0).startsWith("file:"));
    }
  }

  @Test
  void theBundleIsReadOnTheFirstClientAndABadOneNamesTheFile() throws IOException {
    Path pem = Files.writeString(dir.resolve("ca.pem"), "<html>not a certificate</html>");
    Supplier<Http> lazy = Http.factory(settings(pem), new Credentials(null), null, false);
    InvalidInputException e = assertThrows(InvalidInputException.class, lazy::get);
    assertTrue(e.getMessage().contains("certificate file " + pem), e.getMessage());
    IllegalArgumentException now = assertThrows(IllegalArgumentException.class,
        () -> Http.factory(settings(pem), new Credentials(null), null, true));
    assertTrue(now.getMessage().startsWith("certificate file " + pem), now.getMessage());
  }
}
