package org.pylock4j.locker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.lock.LockDrift;
import org.pylock4j.lock.LockFormat;
import org.pylock4j.lock.Pylock;
import org.pylock4j.lock.RequirementsTxt;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.testing.SimpleIndexServer;

/** {@link Locker} end to end over a directory index on loopback. */
class LockerTest {

  @TempDir Path dir;

  static final TargetEnvironment LINUX =
      TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64);

  /** app 1.0 needs lib; lib 1.0 and 2.0. Wheels of made-up bytes, metadata by PEP 658. */
  Path index() throws Exception {
    Path root = dir.resolve("index");
    page(root, "app", Map.of("1.0", List.of("lib")));
    page(root, "lib", Map.of("1.0", List.of(), "2.0", List.of()));
    return root;
  }

  static void page(Path root, String project, Map<String, List<String>> versions)
      throws Exception {
    Path p = Files.createDirectories(root.resolve(project));
    StringBuilder files = new StringBuilder();
    for (var e : new TreeMap<>(versions).entrySet()) {
      String file = project + "-" + e.getKey() + "-py3-none-any.whl";
      byte[] wheel = ("wheel " + file).getBytes(StandardCharsets.UTF_8);
      StringBuilder meta = new StringBuilder("Metadata-Version: 2.1\nName: " + project
          + "\nVersion: " + e.getKey() + "\n");
      e.getValue().forEach(r -> meta.append("Requires-Dist: ").append(r).append('\n'));
      byte[] metadata = meta.toString().getBytes(StandardCharsets.UTF_8);
      Files.write(p.resolve(file), wheel);
      Files.write(p.resolve(file + ".metadata"), metadata);
      files.append(files.length() == 0 ? "" : ", ").append("{\"filename\": \"").append(file)
          .append("\", \"url\": \"").append(file).append("\", \"hashes\": {\"sha256\": \"")
          .append(sha256(wheel)).append("\"}, \"upload-time\": \"2024-01-01T00:00:00Z\","
              + " \"core-metadata\": {\"sha256\": \"").append(sha256(metadata)).append("\"}}");
    }
    Files.writeString(p.resolve("index.json"), "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \""
        + project + "\", \"files\": [" + files + "]}");
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  LockRequest.Builder request(SimpleIndexServer server, String output) {
    return LockRequest.builder()
        .indexUrl(server.indexUrl())
        .target(LINUX)
        .cacheDirectory(dir.resolve("cache"))
        .output(dir.resolve(output));
  }

  @Test
  void locksRecordsItsInputsAndVerifiesClean() throws Exception {
    Files.writeString(dir.resolve("requirements.in"), "app\n");
    try (SimpleIndexServer server = SimpleIndexServer.start(index());
        Locker locker = Locker.builder().build()) {
      LockResult result = locker.lock(
          request(server, "pylock.toml").requirementsFile(dir.resolve("requirements.in")).build());
      assertEquals(LockFormat.PYLOCK, result.format());
      Pylock lock = assertInstanceOf(Pylock.class, result.lock());
      assertEquals(List.of("app", "lib"),
          lock.packages().stream().map(p -> p.name().toString()).toList());
      assertTrue(result.text().contains("\ninputs = [\"requirements.in\"]\n"), result.text());
      assertEquals(List.of(), result.warnings());
      result.write();
      Verification v = locker.verify(dir.resolve("pylock.toml"));
      assertTrue(v.isUpToDate(), v.render());
      assertEquals(result.text(), v.relocked());

      Files.writeString(dir.resolve("requirements.in"), "app\nlib<2\n");
      Verification changed = locker.verify(dir.resolve("pylock.toml"));
      assertFalse(changed.isUpToDate());
      assertEquals(List.of(new LockDrift.RequirementsChanged(List.of("lib<2"), List.of()),
          new LockDrift.VersionChanged(ProjectName.of("lib"),
              org.pylock4j.version.Version.parse("2.0"), org.pylock4j.version.Version.parse("1.0"))),
          changed.drifts());
    }
  }

  /** An OSV export in {@code dir/osv} reporting lib 2.0 as malware (MAL-2026-9). */
  Path malwareExport() throws IOException {
    Path osv = Files.createDirectories(dir.resolve("osv"));
    Files.writeString(osv.resolve("MAL-2026-9.json"), "{\"id\": \"MAL-2026-9\", \"summary\":"
        + " \"Malicious code in lib (PyPI)\", \"affected\": [{\"package\": {\"ecosystem\":"
        + " \"PyPI\", \"name\": \"lib\"}, \"versions\": [\"2.0\"]}]}");
    return osv;
  }

  @Test
  void aLockWithAnOsvExportLeavesOutMalwareAndWarns() throws Exception {
    try (SimpleIndexServer server = SimpleIndexServer.start(index());
        Locker locker = Locker.builder().build()) {
      LockResult result = locker.lock(
          request(server, "pylock.toml").requirement("app").osvExport(malwareExport()).build());
      Pylock lock = assertInstanceOf(Pylock.class, result.lock());
      assertEquals("1.0", lock.packages().stream().filter(p -> p.name().toString().equals("lib"))
          .findFirst().orElseThrow().version().toString());
      assertEquals(List.of("left out lib==2.0: OSV reports it as MALWARE, MAL-2026-9 Malicious code"
          + " in lib (PyPI) (--ignore-vuln MAL-2026-9 would admit it)"), result.warnings());

      LockResult admitted = locker.lock(request(server, "pylock.toml").requirement("app")
          .osvExport(malwareExport()).ignoreVulnerability("MAL-2026-9").build());
      assertTrue(admitted.text().contains("name = \"lib\"\nversion = \"2.0\""), admitted.text());
      assertEquals(List.of("locked lib==2.0 although OSV reports it as MALWARE, MAL-2026-9 Malicious"
          + " code in lib (PyPI) (ignored as asked)"), admitted.warnings());

      org.pylock4j.error.UnsatisfiableException e = assertThrows(
          org.pylock4j.error.UnsatisfiableException.class,
          () -> locker.lock(request(server, "pylock.toml").requirement("lib>=2")
              .osvExport(malwareExport()).build()));
      assertTrue(e.getMessage().contains("malware MAL-2026-9"), e.getMessage());
    }
  }

  @Test
  void withoutAdvisoryOptionsNoDatabaseIsAsked() throws Exception {
    // the default OSV API is never called: behind this dead proxy it would fail the lock (exit 3)
    try (SimpleIndexServer server = SimpleIndexServer.start(index());
        Locker locker = Locker.builder()
            .proxies("http://127.0.0.1:1", "http://127.0.0.1:1", List.of("127.0.0.1")).build()) {
      LockResult result = locker.lock(request(server, "pylock.toml").requirement("lib").build());
      assertTrue(result.text().contains("version = \"2.0\""), result.text());
      assertThrows(org.pylock4j.trust.AdvisoryDatabaseException.class, () -> locker.lock(
          request(server, "pylock.toml").requirement("lib").refuseMalware(true).build()));
    }
  }

  @Test
  void aRequirementsLockRecordsItsCommandAndTheHeaderReadsBack() throws Exception {
    try (SimpleIndexServer server = SimpleIndexServer.start(index());
        Locker locker = Locker.builder().build()) {
      LockResult result = locker.lock(
          request(server, "requirements.txt").requirement("app").constraint("lib<2").build());
      assertInstanceOf(RequirementsTxt.class, result.lock());
      assertTrue(result.text().contains("#    pylock4j lock app --index-url " + server.indexUrl()
          + " --python-version 3.12 --python-platform linux -o requirements.txt\n"),
          result.text());
      LockRequest back = Recorded.fromHeader(result.text(), dir, "requirements.txt")
          .orElseThrow().build();
      assertEquals(List.of("app"), back.requirements());
      assertEquals(server.indexUrl(), back.indexUrl().orElseThrow());
      assertEquals(LINUX, back.target().orElseThrow());
    }
  }

  /** Locks {@code checkout/requirements.in} (given absolute) into a requirements file there. */
  LockResult lockCheckout(Locker locker, SimpleIndexServer server, Path checkout, boolean header)
      throws IOException {
    Files.createDirectories(checkout);
    Files.writeString(checkout.resolve("requirements.in"), "app\n");
    return locker.lock(LockRequest.builder()
        .requirementsFile(checkout.resolve("requirements.in").toAbsolutePath())
        .indexUrl(server.indexUrl())
        .target(LINUX)
        .cacheDirectory(dir.resolve("cache"))
        .header(header)
        .output(checkout.resolve("requirements.txt").toAbsolutePath())
        .build());
  }

  @Test
  void inputsGivenAbsoluteAreRecordedRelativeToTheLockSoEveryCheckoutLocksTheSame()
      throws Exception {
    try (SimpleIndexServer server = SimpleIndexServer.start(index());
        Locker locker = Locker.builder().build()) {
      for (boolean header : new boolean[] {true, false}) {
        Path alice = dir.resolve("alice-" + header + "/proj");
        Path bob = dir.resolve("bob-" + header + "/deeper/proj");
        LockResult a = lockCheckout(locker, server, alice, header);
        LockResult b = lockCheckout(locker, server, bob, header);
        assertTrue(a.text().contains("    # via -r requirements.in\n"), a.text());
        assertFalse(a.text().contains(dir.toString()), a.text());
        assertEquals(a.text(), b.text());
        // alice's lock, committed, is up to date in bob's checkout (without a header, the
        // inputs come from its "# via -r" lines, read relative to the lock)
        Path lock = bob.resolve("requirements.txt");
        Files.writeString(lock, a.text());
        VerifyRequest verify = header ? VerifyRequest.of(lock) : VerifyRequest.builder(lock)
            .request(LockRequest.builder().indexUrl(server.indexUrl()).target(LINUX)
                .cacheDirectory(dir.resolve("cache")).build())
            .build();
        Verification v = locker.verify(verify);
        assertTrue(v.isUpToDate(), v.render());
        Files.writeString(bob.resolve("requirements.in"), "app\nlib<2\n");
        assertFalse(locker.verify(verify).isUpToDate(), "header " + header);
      }
    }
  }

  @Test
  void theCommandSplitsBackWithQuotes() {
    assertEquals(List.of("pylock4j", "lock", "a>=1; python_version < '3.13'", "-o", "x y.txt"),
        Recorded.split("pylock4j lock 'a>=1; python_version < '\\''3.13'\\''' -o 'x y.txt'"));
  }

  @Test
  void theGraphAnswersWhy() throws Exception {
    try (SimpleIndexServer server = SimpleIndexServer.start(index());
        Locker locker = Locker.builder().build()) {
      locker.lock(request(server, "pylock.toml").requirement("app").build()).write();
      LockGraph graph = locker.graph(dir.resolve("pylock.toml"));
      assertEquals(List.of(new LockGraph.Chain(List.of("app (requested)"),
          List.of(ProjectName.of("app"), ProjectName.of("lib")))),
          graph.why(ProjectName.of("lib"), 10));
      assertEquals("2.0", graph.version(ProjectName.of("lib")).orElseThrow());
    }
  }

  @Test
  void nothingToLockIsBadInputAndAMissingTargetNamesTheSetting() {
    try (Locker locker = Locker.builder().build()) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> locker.lock(LockRequest.builder().target(LINUX).build()));
      assertEquals("nothing to lock: give requirements, -r FILE or --project pyproject.toml",
          e.getMessage());
      IllegalStateException s = assertThrows(IllegalStateException.class,
          () -> locker.lock(LockRequest.builder().requirement("app").build()));
      assertEquals("target was not set in the request", s.getMessage());
    }
  }

  @Test
  void lockAsyncGivesTheSameLock() throws Exception {
    try (SimpleIndexServer server = SimpleIndexServer.start(index());
        Locker locker = Locker.builder().build()) {
      LockRequest r = request(server, "pylock.toml").requirement("app").build();
      assertEquals(locker.lock(r).text(), locker.lockAsync(r).get().text());
    }
  }

  @Test
  void requestsAreImmutableAndToBuilderCopies() {
    LockRequest a = LockRequest.builder().requirement("app").extra("x").build();
    LockRequest b = a.toBuilder().requirement("lib").build();
    assertEquals(List.of("app"), a.requirements());
    assertEquals(List.of("app", "lib"), b.requirements());
    assertThrows(UnsupportedOperationException.class, () -> a.requirements().add("x"));
    assertThrows(IllegalArgumentException.class, () -> LockRequest.builder().threads(0));
  }
}
