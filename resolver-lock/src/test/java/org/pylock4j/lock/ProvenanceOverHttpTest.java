package org.pylock4j.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.testing.SimpleIndexServer;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.PublisherIdentity;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.Resolver;
import org.pylock4j.sat.SatResolver;
import org.pylock4j.version.Version;

/**
 * Publisher drift end to end over HTTP on 127.0.0.1: {@link SatResolver} over {@link PypiIndex}
 * over {@link SimpleIndexServer}. The index lists {@code sampleproject-4.0.0.tar.gz} with the
 * sha256 its real PEP 740 provenance attests (PyPI's Integrity API example) and serves that
 * provenance; the metadata file (PEP 643 2.2, static) is generated here with its hash computed,
 * so nothing is downloaded.
 * Locking records the verified publisher; when the provenance disappears, verify flags it.
 */
class ProvenanceOverHttpTest {

  private static final Resolver RESOLVER = SatResolver.create();
  private static final String FILE = "sampleproject-4.0.0.tar.gz";
  private static final String SHA256 =
      "0ace7980f82c5815ede4cd7bf9f6693684cec2ae47b9b7ade9add533b8627c6b";
  private static final PublisherIdentity PUBLISHER = PublisherIdentity.of("GitHub",
      Map.of("repository", "pypa/sampleproject", "workflow", "release.yml"));

  @TempDir Path root;

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
    Files.copy(/* resolver-index's test data: a real PyPI provenance file */
        Path.of("../resolver-index/src/test/resources/provenance", FILE + ".provenance"),
        dir.resolve(FILE + ".provenance"));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PypiIndex index(SimpleIndexServer server) {
    return PypiIndex.builder().indexUrl(server.indexUrl()).netrc(null)
        .retryBackoff(Duration.ofMillis(1)).build();
  }

  private static ResolutionRequest request(PypiIndex index) {
    return ResolutionRequest.builder().requirement(Requirement.parse("sampleproject"))
        .target(LockFixtures.target()).source(index).build();
  }

  /** What the CLI's lock does: the publishers of every locked file, by filename. */
  private static Map<String, List<PublisherIdentity>> publishers(
      Resolution resolution, PypiIndex index) {
    Map<String, List<PublisherIdentity>> out = new TreeMap<>();
    for (LockedPackage p : resolution.packages()) {
      for (DistributionFile f : p.files()) {
        out.put(f.filename(), index.publishers(f).join());
      }
    }
    return out;
  }

  @Test
  void theLockRecordsThePublisherAndVerifyFlagsItsDisappearance() throws Exception {
    layout();
    Pylock lock;
    try (SimpleIndexServer server = SimpleIndexServer.start(root);
        PypiIndex index = index(server)) {
      Resolution resolution = RESOLVER.resolve(request(index));
      Map<String, List<PublisherIdentity>> publishers = publishers(resolution, index);
      assertEquals(Map.of(FILE, List.of(PUBLISHER)), publishers);
      lock = LockFiles.readPylock(LockFiles.writePylock(LockFiles.fromResolution(resolution,
          LockOptions.builder().publisherIdentities(publishers).build())), "pylock.toml");
      String text = LockFiles.writePylock(lock);
      assertTrue(text.contains("""
          [[packages.attestation-identities]]
          kind = "GitHub"
          repository = "pypa/sampleproject"
          workflow = "release.yml"
          """), text);
      LockVerification v = LockVerifier.verify(lock, "pylock.toml", request(index), RESOLVER,
          index::publishers);
      assertTrue(v.isClean(), v.render());
    }

    Files.delete(root.resolve("sampleproject/" + FILE + ".provenance"));
    try (SimpleIndexServer server = SimpleIndexServer.start(root);
        PypiIndex index = index(server)) {
      LockVerification v = LockVerifier.verify(lock, "pylock.toml", request(index), RESOLVER,
          index::publishers);
      assertEquals(List.of(new LockDrift.PublisherRemoved(ProjectName.of("sampleproject"),
          Version.parse("4.0.0"), List.of(PUBLISHER))), v.drifts());
    }
  }
}
