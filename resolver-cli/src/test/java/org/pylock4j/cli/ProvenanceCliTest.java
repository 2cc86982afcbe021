package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.testing.SimpleIndexServer;

/**
 * PEP 740 publisher identities through the command, over HTTP on 127.0.0.1: {@code lock} records
 * the verified publisher of {@code sampleproject-4.0.0.tar.gz} (PyPI's Integrity API example, real
 * provenance for the file's real sha256; see {@code provenance/README.md}) in {@code
 * attestation-identities}; when the provenance disappears, a re-lock warns and {@code verify}
 * reports the drift.
 */
class ProvenanceCliTest {

  private static final String FILE = "sampleproject-4.0.0.tar.gz";
  private static final String SHA256 =
      "0ace7980f82c5815ede4cd7bf9f6693684cec2ae47b9b7ade9add533b8627c6b";

  @TempDir Path root;
  @TempDir Path work;

  private void layout() throws IOException, URISyntaxException {
    Path dir = Files.createDirectories(root.resolve("sampleproject"));
    byte[] metadata = "Metadata-Version: 2.2\nName: sampleproject\nVersion: 4.0.0\n\n"
        .getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve(FILE + ".metadata"), metadata);
    Files.writeString(dir.resolve("index.json"), """
        {"meta": {"api-version": "1.1"}, "name": "sampleproject", "files": [
          {"filename": "%s", "url": "%s", "hashes": {"sha256": "%s"},
           "core-metadata": {"sha256": "%s"}, "provenance": "%s.provenance"}]}
        """.formatted(FILE, FILE, SHA256, sha256(metadata), FILE));
    Files.copy(Path.of(getClass().getResource("/provenance/" + FILE + ".provenance").toURI()),
        dir.resolve(FILE + ".provenance"));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Cli.Result lock(SimpleIndexServer server, Path out) {
    return Cli.run("lock", "sampleproject", "--index-url", server.indexUrl(),
        "--python-version", "3.12", "--python-platform", "linux",
        "--cache-dir", work.resolve("cache").toString(), "-o", out.toString());
  }

  @Test
  void lockRecordsThePublisherAndAReLockAndVerifyFlagItsDisappearance() throws Exception {
    layout();
    Path out = work.resolve("pylock.toml");
    try (SimpleIndexServer server = SimpleIndexServer.start(root)) {
      Cli.Result r = lock(server, out);
      assertEquals(0, r.code(), r.toString());
    }
    String text = Files.readString(out);
    assertTrue(text.contains("""
        [[packages.attestation-identities]]
        kind = "GitHub"
        repository = "pypa/sampleproject"
        workflow = "release.yml"
        """), text);

    Files.delete(root.resolve("sampleproject/" + FILE + ".provenance"));
    try (SimpleIndexServer server = SimpleIndexServer.start(root)) {
      Cli.Result verify = Cli.run("verify", out.toString(), "--index-url", server.indexUrl(),
          "--cache-dir", work.resolve("cache2").toString());
      assertEquals(1, verify.code(), verify.toString());
      assertTrue(verify.out().contains("sampleproject"), verify.toString());

      Cli.Result relock = lock(server, out);
      assertEquals(0, relock.code(), relock.toString());
      assertTrue(relock.err().contains("warning: publisher drift: "), relock.err());
    }
    assertTrue(!Files.readString(out).contains("attestation-identities"));
  }
}
