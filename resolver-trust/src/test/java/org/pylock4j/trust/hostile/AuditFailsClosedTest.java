package org.pylock4j.trust.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pylock4j.trust.AdvisoryDatabaseException;
import org.pylock4j.trust.AuditReport;
import org.pylock4j.trust.Finding;
import org.pylock4j.trust.PackageVersion;
import org.pylock4j.trust.VulnerabilityAudit;

/**
 * Finding 6: an offline OSV database that cannot be what it claims (an HTML page, nothing, plain
 * text, records of the wrong shape) fails the audit, naming the file and the entry, instead of
 * answering "no known vulnerabilities". And MAL- records are reported as malware, first.
 */
class AuditFailsClosedTest {

  @TempDir Path dir;

  private AdvisoryDatabaseException refused(Path export) {
    return assertThrows(AdvisoryDatabaseException.class, () -> {
      try (VulnerabilityAudit audit = VulnerabilityAudit.builder().offlineExport(export).build()) {
        audit.audit(List.of(PackageVersion.of("requests", "2.30.0")));
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"<!DOCTYPE html><html><body>Service unavailable</body></html>", "",
      "no vulnerabilities here\n"})
  void aFileThatIsNotAZipIsRefused(String content) throws IOException {
    Path export = Files.writeString(dir.resolve("all.zip"), content);
    AdvisoryDatabaseException e = refused(export);
    assertEquals(export.toString(), e.location());
    assertTrue(e.getMessage().startsWith("not a zip of OSV JSON files"), e.getMessage());
  }

  @Test
  void anEmptyDirectoryIsRefused() {
    AdvisoryDatabaseException e = refused(dir);
    assertEquals("the OSV export holds no records (expected a directory or a zip of OSV JSON files,"
        + " such as PyPI/all.zip)", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[]",
      "\"GHSA-1\"",
      "{\"id\": 5}",
      "{\"id\": \"GHSA-1\", \"affected\": \"requests\"}",
      "{\"id\": \"GHSA-1\", \"affected\": [\"requests\"]}",
      "{\"id\": \"GHSA-1\", \"affected\": [{\"package\": \"requests\"}]}",
      "{\"id\": \"GHSA-1\", \"affected\": [{\"package\": {\"name\": \"requests\", \"ecosystem\": \"PyPI\"},"
          + " \"ranges\": {\"type\": \"ECOSYSTEM\"}}]}",
      "{\"id\": \"GHSA-1\", \"affected\": [{\"package\": {\"name\": \"requests\", \"ecosystem\": \"PyPI\"},"
          + " \"ranges\": [{\"type\": \"ECOSYSTEM\", \"events\": \"0\"}]}]}",
      "{\"id\": \"GHSA-1\", \"affected\": [{\"package\": {\"name\": \"requests\", \"ecosystem\": \"PyPI\"},"
          + " \"versions\": \"2.30.0\"}]}"})
  void aRecordOfTheWrongShapeIsRefusedNamingTheFile(String record) throws IOException {
    Path file = Files.writeString(dir.resolve("GHSA-1.json"), record);
    AdvisoryDatabaseException e = refused(dir);
    assertEquals(file.toString(), e.location());
    assertTrue(e.getMessage().startsWith("malformed OSV record: "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"fifo", "directory", "dangling link"})
  void anEntryThatIsNotARegularFileIsRefusedNamingIt(String kind) throws Exception {
    Files.writeString(dir.resolve("GHSA-0.json"), FLAW);
    Path entry = dir.resolve("GHSA-1.json");
    switch (kind) {
      case "fifo" -> {
        // a FIFO nobody writes to would block the audit forever
        Process mkfifo = new ProcessBuilder("mkfifo", entry.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo unavailable");
      }
      case "directory" -> Files.createDirectory(entry);
      default -> Files.createSymbolicLink(entry, dir.resolve("missing"));
    }
    AdvisoryDatabaseException e = refused(dir);
    assertEquals(entry.toString(), e.location());
    assertTrue(e.getMessage().startsWith("not a regular file"), e.getMessage());
  }

  @Test
  void aDeviceAsTheExportIsRefused() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero));
    AdvisoryDatabaseException e = refused(zero);
    assertEquals("/dev/zero", e.location());
    assertTrue(e.getMessage().startsWith("not a directory or a regular file"), e.getMessage());
  }

  private static final String MALWARE = """
      {"id": "MAL-2025-1234", "summary": "Malicious code in reqeusts (PyPI)",
       "affected": [{"package": {"name": "reqeusts", "ecosystem": "PyPI"}, "versions": ["1.0"]}]}
      """;
  private static final String FLAW = """
      {"id": "GHSA-aaaa-bbbb-cccc", "summary": "A flaw",
       "affected": [{"package": {"name": "certifi", "ecosystem": "PyPI"}, "versions": ["2024.2.2"]}]}
      """;

  @Test
  void malwareIsReportedAsSuchAndFirst() throws IOException {
    Files.writeString(dir.resolve("MAL-2025-1234.json"), MALWARE);
    Files.writeString(dir.resolve("GHSA-aaaa-bbbb-cccc.json"), FLAW);
    try (VulnerabilityAudit audit = VulnerabilityAudit.builder().offlineExport(dir).build()) {
      AuditReport report = audit.audit(List.of(PackageVersion.of("certifi", "2024.2.2"),
          PackageVersion.of("reqeusts", "1.0")));
      assertEquals(List.of(
          "MALWARE: reqeusts==1.0: MAL-2025-1234 Malicious code in reqeusts (PyPI); no fixed version known",
          "certifi==2024.2.2: GHSA-aaaa-bbbb-cccc A flaw; no fixed version known"),
          report.findings().stream().map(Finding::message).toList());
    }
  }
}
