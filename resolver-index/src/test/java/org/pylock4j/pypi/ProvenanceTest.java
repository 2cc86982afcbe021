package org.pylock4j.pypi;

import org.pylock4j.testing.SimpleIndexServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.error.IndexException;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.PublisherIdentity;

/**
 * PEP 740 provenance over HTTP on 127.0.0.1. The provenance object is PyPI's own example for
 * {@code sampleproject-4.0.0.tar.gz} (docs/user/api/integrity.md of pypi/warehouse, commit
 * 9f9413d6a153f7b6c85d0a196cc07b600a81ff2a): a real Sigstore certificate, statement and
 * signature, so the JDK checks run on real data. The sha256 listed for the file is the one that
 * statement attests; the file itself is not served (reading provenance never downloads it).
 */
class ProvenanceTest {

  static final String FILE = "sampleproject-4.0.0.tar.gz";
  static final String SHA256 = "0ace7980f82c5815ede4cd7bf9f6693684cec2ae47b9b7ade9add533b8627c6b";
  static final PublisherIdentity SAMPLEPROJECT = PublisherIdentity.of("GitHub",
      Map.of("repository", "pypa/sampleproject", "workflow", "release.yml"));

  static String realProvenance() throws IOException {
    return Files.readString(IndexTesting.resource("provenance/" + FILE + ".provenance"));
  }

  /** A JSON and an HTML page for sampleproject listing FILE with its provenance when given. */
  static void layout(Path root, String sha256, String provenance) throws IOException {
    Path dir = Files.createDirectories(root.resolve("sampleproject"));
    String key = provenance == null ? "" : ", \"provenance\": \"" + FILE + ".provenance\"";
    Files.writeString(dir.resolve("index.json"), """
        {"meta": {"api-version": "1.1"}, "name": "sampleproject", "files": [
          {"filename": "%s", "url": "%s", "hashes": {"sha256": "%s"}%s}]}
        """.formatted(FILE, FILE, sha256, key));
    String attribute = provenance == null ? "" : " data-provenance=\"" + FILE + ".provenance\"";
    Files.writeString(dir.resolve("index.html"), """
        <!DOCTYPE html><html><body>
        <a href="%s#sha256=%s"%s>%s</a>
        </body></html>
        """.formatted(FILE, sha256, attribute, FILE));
    if (provenance != null) {
      Files.writeString(dir.resolve(FILE + ".provenance"), provenance);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DistributionFile file(PypiIndex index) {
    return index.page(ProjectName.of("sampleproject")).join().files().get(0);
  }

  @Test
  void jsonAndHtmlPagesGiveTheAbsoluteProvenanceUrl(@TempDir Path root) throws IOException {
    layout(root, SHA256, realProvenance());
    try (SimpleIndexServer json = SimpleIndexServer.builder(root).jsonOnly().start();
        SimpleIndexServer html = SimpleIndexServer.builder(root).htmlOnly().start();
        PypiIndex fromJson = IndexTesting.builder(json.indexUrl()).build();
        PypiIndex fromHtml = IndexTesting.builder(html.indexUrl()).build()) {
      assertEquals(json.indexUrl() + "sampleproject/" + FILE + ".provenance",
          file(fromJson).provenance());
      assertEquals(Optional.of(html.indexUrl() + "sampleproject/" + FILE + ".provenance"),
          file(fromHtml).provenanceUrl());
    }
  }

  @Test
  void realProvenanceIsCheckedAndItsPublisherRead(@TempDir Path root) throws IOException {
    layout(root, SHA256, realProvenance());
    try (SimpleIndexServer server = SimpleIndexServer.start(root);
        PypiIndex index = IndexTesting.builder(server.indexUrl()).build()) {
      DistributionFile file = file(index);
      Provenance provenance = index.provenance(file).join().orElseThrow();

      assertEquals(file.provenance(), provenance.url());
      assertEquals(List.of(SAMPLEPROJECT), provenance.publishers());
      assertEquals("GitHub repository=pypa/sampleproject workflow=release.yml",
          provenance.publishers().get(0).describe());
      Provenance.Attestation a = provenance.bundles().get(0).attestations().get(0);
      assertEquals(new Provenance.Attestation("https://docs.pypi.org/attestations/publish/v1",
          "https://github.com/pypa/sampleproject/.github/workflows/release.yml@refs/heads/main",
          "https://token.actions.githubusercontent.com", Instant.ofEpochSecond(1730932627L),
          true), a);
      assertEquals(List.of(SAMPLEPROJECT), index.publishers(file).join());
      // kept in memory: fetched once
      assertEquals(1, server.requestCount("/simple/sampleproject/" + FILE + ".provenance"));
    }
  }

  @Test
  void aFileWithoutProvenanceHasNoneAndNothingIsFetched(@TempDir Path root) throws IOException {
    layout(root, SHA256, null);
    try (SimpleIndexServer server = SimpleIndexServer.start(root);
        PypiIndex index = IndexTesting.builder(server.indexUrl()).build()) {
      DistributionFile file = file(index);
      assertNull(file.provenance());
      assertEquals(Optional.empty(), index.provenance(file).join());
      assertEquals(List.of(), index.publishers(file).join());
      assertEquals(1, server.totalRequests());
    }
  }

  @Test
  void anAdvertisedProvenanceAnswering404IsNone(@TempDir Path root) throws IOException {
    layout(root, SHA256, realProvenance());
    Files.delete(root.resolve("sampleproject/" + FILE + ".provenance"));
    try (SimpleIndexServer server = SimpleIndexServer.start(root);
        PypiIndex index = IndexTesting.builder(server.indexUrl()).build()) {
      assertEquals(Optional.empty(), index.provenance(file(index)).join());
    }
  }

  private static String failure(Path root, String sha256, String provenance) throws IOException {
    layout(root, sha256, provenance);
    try (SimpleIndexServer server = SimpleIndexServer.start(root);
        PypiIndex index = IndexTesting.builder(server.indexUrl()).build()) {
      DistributionFile file = file(index);
      IndexException e = IndexTesting.failure(index.provenance(file));
      assertEquals(file.provenance(), e.url());
      return e.getMessage().replace(file.provenance(), "URL");
    }
  }

  @Test
  void aPublisherTheCertificateWasNotIssuedToIsRefused(@TempDir Path root) throws IOException {
    String forged = realProvenance().replace("\"repository\": \"pypa/sampleproject\"",
        "\"repository\": \"evil/sampleproject\"");
    assertEquals("provenance URL of " + FILE + " failed verification: the certificate identity "
        + "https://github.com/pypa/sampleproject/.github/workflows/release.yml@refs/heads/main "
        + "is not the publisher's (GitHub repository=evil/sampleproject workflow=release.yml)",
        failure(root, SHA256, forged));
  }

  @Test
  void anotherWorkflowIsRefused(@TempDir Path root) throws IOException {
    String forged = realProvenance().replace("\"workflow\": \"release.yml\"",
        "\"workflow\": \"other.yml\"");
    assertEquals("provenance URL of " + FILE + " failed verification: the certificate identity "
        + "https://github.com/pypa/sampleproject/.github/workflows/release.yml@refs/heads/main "
        + "is not the publisher's (GitHub repository=pypa/sampleproject workflow=other.yml)",
        failure(root, SHA256, forged));
  }

  @Test
  void aPublisherOfAnotherKindIsRefusedByItsIssuer(@TempDir Path root) throws IOException {
    String forged = realProvenance().replace("\"kind\": \"GitHub\"", "\"kind\": \"Google\"");
    assertEquals("provenance URL of " + FILE + " failed verification: the certificate was "
        + "issued by https://token.actions.githubusercontent.com, not https://accounts.google.com "
        + "as a Google publisher's is", failure(root, SHA256, forged));
  }

  @Test
  void aKindWithoutAnIdentityRuleIsReadButMarkedUnchecked(@TempDir Path root) throws IOException {
    layout(root, SHA256, realProvenance().replace("\"kind\": \"GitHub\"", "\"kind\": \"Other\""));
    try (SimpleIndexServer server = SimpleIndexServer.start(root);
        PypiIndex index = IndexTesting.builder(server.indexUrl()).build()) {
      Provenance p = index.provenance(file(index)).join().orElseThrow();
      assertEquals("Other repository=pypa/sampleproject workflow=release.yml",
          p.publishers().get(0).describe());
      assertFalse(p.bundles().get(0).attestations().get(0).identityChecked());
    }
  }

  @Test
  void aProvenanceForOtherBytesIsRefused(@TempDir Path root) throws IOException {
    // the sha256 of these 5 bytes, computed: the page lists a file the statement is not about
    String other = sha256("other".getBytes(StandardCharsets.UTF_8));
    assertEquals("provenance URL of " + FILE + " failed verification: the statement attests "
        + "sha256 " + SHA256 + ", the index lists " + other,
        failure(root, other, realProvenance()));
  }

  @Test
  void aSignatureThatDoesNotVerifyIsRefused(@TempDir Path root) throws IOException {
    String tampered = realProvenance().replace(
        "MEUCIQD1JCA8lWR9na44+zY2tr13sEuMCIu+FLS6eDkwESP5KgIgQDNG+eA5PiLSvVd+0AJn3Nk1V3CpRjRoz59L/MMTxyM=",
        "MEUCIQD1JCA8lWR9na44+zY2tr13sEuMCIu+FLS6eDkwESP5KgIgQDNG+eA5PiLSvVd+0AJn3Nk1V3CpRjRoz59L/MMTxyE=");
    assertEquals("provenance URL of " + FILE + " failed verification: the envelope signature "
        + "does not verify with the certificate's key", failure(root, SHA256, tampered));
  }

  @Test
  void malformedProvenanceNamesItsUrl(@TempDir Path root) throws IOException {
    assertEquals("malformed provenance URL: unsupported provenance version 2 (this client reads 1)",
        failure(root.resolve("a"), SHA256, "{\"version\": 2, \"attestation_bundles\": []}"));
    assertEquals("malformed provenance URL: \"attestation_bundles\" must be a non-empty array",
        failure(root.resolve("b"), SHA256, "{\"version\": 1, \"attestation_bundles\": []}"));
    assertEquals("malformed provenance URL: a publisher needs a \"kind\" string",
        failure(root.resolve("c"), SHA256, realProvenance().replace("\"kind\": \"GitHub\",", "")));
    assertEquals("malformed provenance URL: \"verification_material.certificate\" is not base64",
        failure(root.resolve("d"), SHA256,
            realProvenance().replace("\"certificate\": \"MIIG", "\"certificate\": \"!MIIG")));
    assertEquals("malformed provenance URL: a provenance object must be a JSON object",
        failure(root.resolve("e"), SHA256, "[]"));
  }

  @Test
  void failuresAreNotKept(@TempDir Path root) throws IOException {
    layout(root, SHA256, "[]");
    try (SimpleIndexServer server = SimpleIndexServer.start(root);
        PypiIndex index = IndexTesting.builder(server.indexUrl()).build()) {
      DistributionFile file = file(index);
      IndexTesting.failure(index.provenance(file));
      Files.writeString(root.resolve("sampleproject/" + FILE + ".provenance"), realProvenance());
      assertEquals(List.of(SAMPLEPROJECT), index.publishers(file).join());
    }
  }

  @Test
  void aFindLinksDirectoryAdvertisesASiblingProvenanceFile(@TempDir Path root)
      throws IOException {
    Files.write(root.resolve("demo-1.0-py3-none-any.whl"), Dists.wheel("demo", "1.0",
        Dists.metadata("demo", "1.0"), 10));
    Files.write(root.resolve("demo-2.0-py3-none-any.whl"), Dists.wheel("demo", "2.0",
        Dists.metadata("demo", "2.0"), 10));
    Files.writeString(root.resolve("demo-2.0-py3-none-any.whl.provenance"), "{}");
    try (PypiIndex index = PypiIndex.builder().findLinks(root).netrc(null).build()) {
      List<DistributionFile> files = index.page(ProjectName.of("demo")).join().files();
      assertEquals(List.of(false, true),
          files.stream().map(f -> f.provenanceUrl().isPresent()).toList());
      assertEquals(root.resolve("demo-2.0-py3-none-any.whl.provenance").toUri().toString(),
          files.get(1).provenance());
      assertEquals("malformed provenance " + files.get(1).provenance()
          + ": unsupported provenance version null (this client reads 1)",
          IndexTesting.failure(index.provenance(files.get(1))).getMessage());
    }
  }

  @Test
  void publisherIdentitiesDropEmptyValuesAndSort() {
    PublisherIdentity a = PublisherIdentity.of("GitHub",
        Map.of("workflow", "release.yml", "repository", "pypa/sampleproject", "environment", ""));
    assertEquals(SAMPLEPROJECT, a);
    assertEquals(List.of("repository", "workflow"), List.copyOf(a.fields().keySet()));
    assertTrue(PublisherIdentity.of("GitHub", Map.of("repository", "a/b"))
        .compareTo(PublisherIdentity.of("GitLab", Map.of("repository", "a/b"))) < 0);
    assertEquals("\"claims\" is not an identity field", org.junit.jupiter.api.Assertions
        .assertThrows(IllegalArgumentException.class,
            () -> PublisherIdentity.of("GitHub", Map.of("claims", "x"))).getMessage());
  }

  @Test
  void aTamperedLogEntryIsRefused(@TempDir Path root) throws IOException {
    assertEquals("provenance URL of " + FILE + " failed verification: the transparency log "
        + "entry's signed entry timestamp does not verify with the log's key",
        failure(root.resolve("a"), SHA256, realProvenance()
            .replace("\"integratedTime\": \"1730932627\"", "\"integratedTime\": \"1730932628\"")));
    assertEquals("provenance URL of " + FILE + " failed verification: the attestation has no "
        + "transparency log entry", failure(root.resolve("b"), SHA256, withoutLogEntries()));
    assertEquals("provenance URL of " + FILE + " failed verification: the transparency log "
        + "entry is from an unknown log (AAAA)", failure(root.resolve("c"), SHA256,
            realProvenance().replace("wNI9atQGlz+VWfO6LRygH4QUfY/8W4RFwiT5i5WRgB0=", "AAAA")));
  }

  private static String withoutLogEntries() throws IOException {
    String text = realProvenance();
    int start = text.indexOf("\"transparency_entries\"");
    int end = text.indexOf("\"version\": 1", start);
    return text.substring(0, start) + "\"transparency_entries\": []\n          },\n          "
        + text.substring(end);
  }

  @Test
  void aCertificateOutsideTheTrustRootIsRefused(@TempDir Path root) throws IOException {
    // a trust root holding only the 2021-2022 Fulcio authority: none was valid at signing time
    String trusted = new String(PypiIndex.class.getResourceAsStream("sigstore-trusted-root.json")
        .readAllBytes(), StandardCharsets.UTF_8);
    int second = trusted.indexOf("    {", trusted.indexOf("\"end\": \"2022-12-31"));
    String oldOnly = trusted.substring(0, trusted.lastIndexOf(',', second)) + "\n  ]\n}\n";
    layout(root, SHA256, realProvenance());
    try (SimpleIndexServer server = SimpleIndexServer.start(root);
        PypiIndex index = IndexTesting.builder(server.indexUrl())
            .sigstoreTrustedRoot(oldOnly.getBytes(StandardCharsets.UTF_8)).build()) {
      DistributionFile file = file(index);
      assertEquals("provenance " + file.provenance() + " of " + FILE + " failed verification: "
          + "the certificate does not chain to the Sigstore root at 2024-11-06T22:37:07Z: no "
          + "certificate authority of the trusted root was valid at 2024-11-06T22:37:07Z",
          IndexTesting.failure(index.provenance(file)).getMessage());
    }
  }

  @Test
  void aTrustedRootMustHaveAuthoritiesAndLogs() {
    assertEquals("a trusted root needs certificate authorities and tlogs",
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> PypiIndex.builder().sigstoreTrustedRoot("{}".getBytes(StandardCharsets.UTF_8)))
            .getMessage());
  }
}
