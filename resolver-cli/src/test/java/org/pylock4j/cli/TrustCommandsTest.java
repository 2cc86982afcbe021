package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.testing.SimpleIndexServer;

/**
 * The supply-chain commands and flags end to end: typosquat warnings, {@code audit}, {@code lock
 * --avoid-vulnerable}, {@code diff}, {@code --index} pinning, against the loopback test index and
 * the made-up OSV records of {@code src/test/resources/osv} (offline, or served by a loopback
 * mock of the OSV API).
 */
class TrustCommandsTest {

  static final Path V1 = LockCommandTest.V1;
  static final Path V2 = LockCommandTest.V2;
  static final String OSV = "src/test/resources/osv";

  @TempDir Path dir;
  SimpleIndexServer server;

  @BeforeEach
  void start() {
    server = SimpleIndexServer.start(V2);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** {@code lock} with a fixed target, {@code index} and a private cache. */
  Cli.Result lock(SimpleIndexServer index, String... args) {
    List<String> all = new ArrayList<>(List.of("lock"));
    all.addAll(Arrays.asList(args));
    all.addAll(
        List.of(
            "--index-url", index.indexUrl(), "--python-version", "3.12",
            "--python-platform", "linux", "--cache-dir", dir.resolve("cache").toString()));
    return Cli.run(all.toArray(String[]::new));
  }

  /** Locks {@code requirements} from {@code index} into {@code name} in the temp directory. */
  Path locked(SimpleIndexServer index, String name, String... requirements) {
    Path out = dir.resolve(name);
    List<String> args = new ArrayList<>(Arrays.asList(requirements));
    args.addAll(List.of("-o", out.toString()));
    Cli.Result r = lock(index, args.toArray(String[]::new));
    assertEquals(0, r.code(), r.toString());
    return out;
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** The version a pylock.toml locks {@code name} at. */
  static String lockedVersion(Path lock, String name) throws IOException {
    Matcher m =
        Pattern.compile("name = \"" + Pattern.quote(name) + "\"\nversion = \"([^\"]+)\"")
            .matcher(read(lock));
    return m.find() ? m.group(1) : null;
  }

  // typosquats

  @Test
  void aTyposquatNameIsWarnedAboutBeforeResolving() {
    Cli.Result r = lock(server, "reqeusts", "-o", dir.resolve("x.toml").toString());
    assertTrue(
        r.err().startsWith("warning: \"reqeusts\" looks like \"requests\" (download rank "),
        r.toString());
    assertTrue(
        r.err().contains("two adjacent characters swapped (a typosquat? check the name;"
            + " --strict refuses it)\n"),
        r.toString());
  }

  @Test
  void strictRefusesATyposquatNameWithExitTwoWithoutFetching() {
    Cli.Result r =
        lock(server, "lib-a", "reqeusts", "--strict", "-o", dir.resolve("x.toml").toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: "), r.toString());
    assertTrue(r.err().contains("\"reqeusts\" looks like \"requests\""), r.toString());
    assertFalse(r.err().contains("warning:"), r.toString());
    assertEquals(0, server.totalRequests(), "nothing is fetched");
    assertFalse(Files.exists(dir.resolve("x.toml")));
  }

  @Test
  void honestNamesLockWithoutWarnings() {
    Path out = dir.resolve("pylock.toml");
    Cli.Result r = lock(server, "app-core", "--strict", "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("Locked 4 packages for CPython 3.12 on linux x86_64 into " + out + "\n", r.err());
  }

  // audit

  @Test
  void auditPrintsEachFindingAndExitsOne() {
    Path lock = locked(server, "pylock.toml", "app-core");
    Cli.Result r = Cli.run("audit", lock.toString(), "--osv-offline", OSV);
    assertEquals(1, r.code(), r.toString());
    assertEquals(
        "lib-a==2.1: CLI-2026-1 (CVE-2026-1001) Made-up: lib-a leaks its secrets; no fixed version"
            + " known; severity CVSS_V3 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n"
            + "lib-c==1.5: CLI-2026-2 (GHSA-cli2-cli2-cli2) Made-up: lib-c 1.5 runs code it should"
            + " not; fixed in 2.0; severity DATABASE MODERATE\n",
        r.out());
    assertEquals("2 known vulnerabilities in 2 of 4 packages of " + lock + "\n", r.err());
  }

  @Test
  void auditReadsARequirementsLock() {
    Path lock = locked(server, "requirements.txt", "lib-c<2");
    Cli.Result r = Cli.run("audit", lock.toString(), "--osv-offline", OSV);
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().startsWith("lib-c==1.5: CLI-2026-2 (GHSA-cli2-cli2-cli2) "), r.toString());
  }

  @Test
  void auditIgnoresByIdOrAlias() {
    Path lock = locked(server, "pylock.toml", "app-core");
    Cli.Result r =
        Cli.run(
            "audit", lock.toString(), "--osv-offline", OSV, "--ignore", "CLI-2026-1",
            "--ignore", "ghsa-cli2-cli2-cli2");
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.out());
    assertEquals(
        "note: ignored lib-a==2.1: CLI-2026-1 (CVE-2026-1001)\n"
            + "note: ignored lib-c==1.5: CLI-2026-2 (GHSA-cli2-cli2-cli2)\n"
            + "No known vulnerabilities in 4 packages of " + lock + "\n",
        r.err());
  }

  @Test
  void auditOfACleanLockExitsZero() {
    Path lock = locked(server, "pylock.toml", "lib-c<1.5");
    Cli.Result r = Cli.run("audit", lock.toString(), "--osv-offline", OSV);
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.out());
    assertEquals("No known vulnerabilities in 1 package of " + lock + "\n", r.err());
  }

  @Test
  void auditOfABadLockExitsTwo() throws IOException {
    Path lock = dir.resolve("pylock.toml");
    Files.writeString(lock, "lock-version = \"1.0\"\npackages = 3\n");
    Cli.Result r = Cli.run("audit", lock.toString(), "--osv-offline", OSV);
    assertEquals(2, r.code(), r.toString());
    Cli.Result missing =
        Cli.run("audit", dir.resolve("nope.toml").toString(), "--osv-offline", OSV);
    assertEquals(2, missing.code(), missing.toString());
    assertEquals(
        "error: no such file: " + dir.resolve("nope.toml") + "\n", missing.err());
  }

  /** A loopback OSV API knowing CLI-2026-1 (lib-a 2.1); every other version is clean. */
  static MockWebServer osvApi() throws IOException {
    MockWebServer osv = new MockWebServer();
    ObjectMapper json = new ObjectMapper();
    String record = read(Path.of(OSV, "PyPI", "CLI-2026-1.json"));
    osv.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            try {
              String path = request.getRequestUrl().encodedPath(); // also through a proxy
              if (path.equals("/v1/querybatch")) {
                JsonNode body = json.readTree(request.getBody().readUtf8());
                StringBuilder results = new StringBuilder("{\"results\":[");
                String sep = "";
                for (JsonNode q : body.path("queries")) {
                  boolean hit =
                      q.path("package").path("name").asText().equals("lib-a")
                          && q.path("version").asText().equals("2.1");
                  results.append(sep).append(
                      hit ? "{\"vulns\":[{\"id\":\"CLI-2026-1\"}]}" : "{}");
                  sep = ",";
                }
                return new MockResponse().setBody(results.append("]}").toString());
              }
              if (path.equals("/v1/query")) {
                JsonNode body = json.readTree(request.getBody().readUtf8());
                boolean libA = body.path("package").path("name").asText().equals("lib-a");
                return new MockResponse().setBody(libA ? "{\"vulns\":[" + record + "]}" : "{}");
              }
              if (path.equals("/v1/vulns/CLI-2026-1")) {
                return new MockResponse().setBody(record);
              }
              return new MockResponse().setResponseCode(404).setBody("{}");
            } catch (IOException e) {
              return new MockResponse().setResponseCode(500);
            }
          }
        });
    osv.start(java.net.InetAddress.getLoopbackAddress(), 0);
    return osv;
  }

  static String baseUrl(MockWebServer osv) {
    String url = osv.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  @Test
  void auditAsksTheOsvApi() throws IOException {
    Path lock = locked(server, "pylock.toml", "app-core");
    try (MockWebServer osv = osvApi()) {
      Cli.Result r = Cli.run("audit", lock.toString(), "--osv-url", baseUrl(osv));
      assertEquals(1, r.code(), r.toString());
      assertEquals(
          "lib-a==2.1: CLI-2026-1 (CVE-2026-1001) Made-up: lib-a leaks its secrets; no fixed"
              + " version known; severity CVSS_V3 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n",
          r.out());
    }
  }

  @Test
  void auditExitsThreeWhenTheDatabaseFails() throws IOException {
    Path lock = locked(server, "pylock.toml", "lib-c<1.5");
    try (MockWebServer osv = new MockWebServer()) {
      osv.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              return new MockResponse().setResponseCode(403).setBody("no");
            }
          });
      osv.start(java.net.InetAddress.getLoopbackAddress(), 0);
      Cli.Result r = Cli.run("audit", lock.toString(), "--osv-url", baseUrl(osv));
      assertEquals(3, r.code(), r.toString());
      assertTrue(r.err().startsWith("error: "), r.toString());
      assertTrue(r.err().contains(baseUrl(osv) + "/v1/querybatch"), r.toString());
      assertEquals("", r.out());
    }
  }

  @Test
  void auditAndLockReachOsvThroughTheProxyOfTheEnvironment() throws IOException {
    Path lock = locked(server, "pylock.toml", "app-core");
    try (MockWebServer proxy = osvApi()) {
      Map<String, String> env = Map.of(
          "HTTP_PROXY", "http://127.0.0.1:" + proxy.getPort(), "NO_PROXY", "127.0.0.1,localhost");
      Cli.Result r = Cli.run(TargetDetector.NONE, env, "audit", lock.toString(), "--osv-url",
          "http://osv.invalid");
      assertEquals(1, r.code(), r.toString());
      assertTrue(r.out().startsWith("lib-a==2.1: CLI-2026-1 (CVE-2026-1001)"), r.toString());
      int asked = proxy.getRequestCount();
      assertTrue(asked > 0);
      Path out = dir.resolve("safe.toml");
      r = Cli.run(TargetDetector.NONE, env, "lock", "app-core", "--avoid-vulnerable", "--osv-url",
          "http://osv.invalid", "--index-url", server.indexUrl(), "--python-version", "3.12",
          "--python-platform", "linux", "--cache-dir", dir.resolve("cache").toString(), "-o",
          out.toString());
      assertEquals(0, r.code(), r.toString());
      assertEquals("2.0", lockedVersion(out, "lib-a"));
      assertTrue(proxy.getRequestCount() > asked, "lock asked OSV through the proxy");
    }
  }

  @Test
  void anOsvAnswerOverTheLimitIsExitThreeNamingTheOption() throws IOException {
    Path lock = locked(server, "pylock.toml", "app-core");
    try (MockWebServer osv = osvApi()) {
      Cli.Result r = Cli.run("audit", lock.toString(), "--osv-url", baseUrl(osv),
          "--max-osv-response-bytes", "16");
      assertEquals(3, r.code(), r.toString());
      assertTrue(r.err().contains(baseUrl(osv) + "/v1/querybatch"), r.toString());
      assertTrue(r.err().contains("--max-osv-response-bytes"), r.toString());
    }
  }

  // lock --avoid-vulnerable

  @Test
  void avoidVulnerablePicksTheNewestVersionsWithoutKnownVulnerabilities() throws IOException {
    Path plain = locked(server, "plain.toml", "app-core");
    assertEquals("2.1", lockedVersion(plain, "lib-a"));
    assertEquals("1.5", lockedVersion(plain, "lib-c"));
    Path safe = locked(server, "safe.toml", "app-core", "--avoid-vulnerable", "--osv-offline", OSV);
    assertEquals("2.0", lockedVersion(safe, "app-core"));
    assertEquals("2.0", lockedVersion(safe, "lib-a"));
    assertEquals("1.0", lockedVersion(safe, "lib-c"));
    assertEquals(0, Cli.run("audit", safe.toString(), "--osv-offline", OSV).code());
  }

  @Test
  void avoidVulnerableAsksTheOsvApi() throws IOException {
    try (MockWebServer osv = osvApi()) {
      Path safe =
          locked(server, "safe.toml", "app-core", "--avoid-vulnerable", "--osv-url", baseUrl(osv));
      assertEquals("2.0", lockedVersion(safe, "lib-a"));
      assertEquals("1.5", lockedVersion(safe, "lib-c"));
    }
  }

  @Test
  void avoidVulnerableHonoursIgnoredVulnerabilities() throws IOException {
    Path lock =
        locked(
            server, "pylock.toml", "app-core", "--avoid-vulnerable", "--osv-offline", OSV,
            "--ignore-vuln", "CVE-2026-1001");
    assertEquals("2.1", lockedVersion(lock, "lib-a"));
    assertEquals("1.0", lockedVersion(lock, "lib-c"));
  }

  @Test
  void avoidVulnerableExplainsARequirementThatForcesAVulnerableVersion() {
    Path out = dir.resolve("pylock.toml");
    Cli.Result r =
        lock(
            server, "lib-a>=2.1", "--avoid-vulnerable", "--osv-offline", OSV, "-o",
            out.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(
        r.err().startsWith("error: no set of versions satisfies the requirements\n"), r.toString());
    assertTrue(r.err().contains("root requires lib-a>=2.1"), r.toString());
    assertTrue(
        r.err().contains(
            "lib-a: no candidate version matches >=2.1 (2.1 excluded by the request (known"
                + " vulnerability "),
        r.toString());
    assertFalse(Files.exists(out));
  }

  @Test
  void ignoreVulnNeedsAnAdvisoryDatabase() {
    Cli.Result r =
        lock(server, "lib-a", "--ignore-vuln", "MAL-2026-7", "-o", dir.resolve("x.toml").toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "error: --ignore-vuln needs an advisory database: --osv-offline, --osv-url,"
            + " --refuse-malware or --avoid-vulnerable\n",
        r.err());
  }

  // malware (OSV MAL- records)

  static final String MALWARE = "src/test/resources/osv-malware";

  @Test
  void aLockWithAnOsvDatabaseLeavesOutMalwareAndSaysSo() throws IOException {
    Cli.Result r =
        lock(server, "lib-a", "--osv-offline", MALWARE, "-o", dir.resolve("pylock.toml").toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("2.0", lockedVersion(dir.resolve("pylock.toml"), "lib-a"));
    assertTrue(
        r.err().contains("warning: left out lib-a==2.1: OSV reports it as MALWARE, MAL-2026-7"
            + " Malicious code in lib-a (PyPI) (--ignore-vuln MAL-2026-7 would admit it)\n"),
        r.toString());
  }

  @Test
  void onlyMalwareSatisfyingARequirementIsExitOneNamingTheRecord() {
    Path out = dir.resolve("pylock.toml");
    Cli.Result r = lock(server, "lib-a>=2.1", "--osv-offline", MALWARE, "-o", out.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(
        r.err().contains("lib-a: no candidate version matches >=2.1 (2.1 excluded by the request"
            + " (malware MAL-2026-7)"),
        r.toString());
    assertFalse(Files.exists(out));
  }

  @Test
  void anIgnoredMalwareRecordAdmitsItsVersion() throws IOException {
    Path out = dir.resolve("pylock.toml");
    Cli.Result r =
        lock(server, "lib-a", "--osv-offline", MALWARE, "--ignore-vuln", "mal-2026-7", "-o",
            out.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("2.1", lockedVersion(out, "lib-a"));
    assertTrue(r.err().contains("warning: locked lib-a==2.1 although OSV reports it as MALWARE,"
        + " MAL-2026-7 Malicious code in lib-a (PyPI) (ignored as asked)\n"), r.toString());
    assertFalse(r.err().contains("left out"), r.toString());
  }

  @Test
  void withoutAvoidVulnerableOnlyMalwareIsLeftOut() throws IOException {
    // CLI-2026-1 is an ordinary vulnerability of lib-a 2.1: reported by audit, not avoided
    Path lock = locked(server, "pylock.toml", "lib-a", "--osv-offline", OSV);
    assertEquals("2.1", lockedVersion(lock, "lib-a"));
  }

  @Test
  void avoidVulnerableLeavesOutMalwareAndSaysSo() throws IOException {
    Cli.Result r =
        lock(server, "lib-a", "--avoid-vulnerable", "--osv-offline", MALWARE, "-o",
            dir.resolve("pylock.toml").toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("2.0", lockedVersion(dir.resolve("pylock.toml"), "lib-a"));
    assertTrue(r.err().contains("MALWARE, MAL-2026-7"), r.toString());
  }

  @Test
  void refuseMalwareAsksTheOsvApi() throws IOException {
    try (MockWebServer osv = osvApi()) {
      Cli.Result r =
          lock(server, "lib-a", "--refuse-malware", "--osv-url", baseUrl(osv), "-o",
              dir.resolve("pylock.toml").toString());
      assertEquals(0, r.code(), r.toString());
      // the mock knows CLI-2026-1 (not malware) only: nothing is left out
      assertEquals("2.1", lockedVersion(dir.resolve("pylock.toml"), "lib-a"));
      assertTrue(osv.getRequestCount() > 0, "OSV was asked");
    }
  }

  // diff

  @Test
  void diffShowsUpgrades() throws IOException {
    Path before = locked(server, "old.toml", "app-core", "lib-a==2.0", "lib-c==1.0");
    Path after = locked(server, "new.toml", "app-core");
    Cli.Result r = Cli.run("diff", before.toString(), after.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("~ lib-a 2.0 -> 2.1 (upgraded)\n~ lib-c 1.0 -> 1.5 (upgraded)\n", r.out());
    assertEquals("2 changes, 0 red flags\n", r.err());
  }

  @Test
  void diffFlagsAProjectTakenFromAnotherIndex() throws IOException {
    try (SimpleIndexServer other = SimpleIndexServer.start(V2)) {
      Path before = locked(server, "old.toml", "lib-c==1.0");
      Path after = locked(other, "new.toml", "lib-c==1.0");
      Cli.Result r = Cli.run("diff", before.toString(), after.toString());
      assertEquals(1, r.code(), r.toString());
      // the files' URLs moved with the index: one red flag, the index change
      assertEquals(
          "! lib-c 1.0 (index changed: " + server.indexUrl() + " -> " + other.indexUrl() + ")\n",
          r.out());
    }
  }

  @Test
  void diffFlagsAChangedHashAndExitsOne() throws IOException {
    Path before = locked(server, "old.toml", "lib-c==1.0");
    Path after = dir.resolve("new.toml");
    String text = read(before);
    Matcher m = Pattern.compile("sha256 = \"([0-9a-f]{64})\"").matcher(text);
    assertTrue(m.find(), text);
    String forged = "0".repeat(64);
    Files.writeString(after, text.replace(m.group(1), forged));
    Cli.Result r = Cli.run("diff", before.toString(), after.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().startsWith("! lib-c 1.0 (hash changed"), r.toString());
    assertTrue(r.err().startsWith("warning: 1 change, 1 red flag"), r.toString());
    Cli.Result same = Cli.run("diff", before.toString(), before.toString());
    assertEquals(0, same.code(), same.toString());
    assertEquals("", same.out());
  }

  @Test
  void diffWithAnIndexGivesAddedProjectsTheirHistory() throws IOException {
    Path before = locked(server, "old.toml", "lib-c<1.5");
    Path after = locked(server, "new.toml", "lib-a==2.0");
    Cli.Result r =
        Cli.run(
            "diff", before.toString(), after.toString(), "--index-url", server.indexUrl(),
            "--cache-dir", dir.resolve("cache").toString());
    assertTrue(
        r.out().contains("+ lib-a 2.0 (added; first upload 2024-01-01, "), r.toString());
    assertTrue(r.out().contains(" days ago, 3 releases)"), r.toString());
  }

  @Test
  void diffWithAnUnusableIndexOrCaBundleIsBadInput() throws IOException {
    Path before = locked(server, "old.toml", "lib-c<1.5");
    Path after = locked(server, "new.toml", "lib-a==2.0");
    Path missing = dir.resolve("no-index");
    Cli.Result r = Cli.run("diff", before.toString(), after.toString(), "--index-url",
        missing.toString(), "--cache-dir", dir.resolve("cache").toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: --index-url " + missing + ": "), r.toString());
    assertTrue(r.err().contains(missing.toString()), r.toString());
    Path pem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
    r = Cli.run("diff", before.toString(), after.toString(), "--index-url", server.indexUrl(),
        "--cert", pem.toString(), "--cache-dir", dir.resolve("cache").toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("certificate file " + pem), r.toString());
  }

  @Test
  void diffComparesRequirementsLocks() throws IOException {
    Path before = locked(server, "old.txt", "lib-c==1.0");
    Path after = locked(server, "new.txt", "lib-c<2", "colorize");
    Cli.Result r = Cli.run("diff", before.toString(), after.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("+ colorize 1.0 (added)\n~ lib-c 1.0 -> 1.5 (upgraded)\n", r.out());
  }

  @Test
  void theHelpListsTheSupplyChainCommands() {
    Cli.Result r = Cli.run("--help");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("  audit "), r.out());
    assertTrue(r.out().contains("  diff "), r.out());
    Cli.Result lock = Cli.run("lock", "--help");
    for (String option :
        List.of("--strict", "--avoid-vulnerable", "--refuse-malware", "--osv-url", "--osv-offline", "--ignore-vuln",
            "--index=NAME=URL")) {
      assertTrue(lock.out().contains(option), option + " in\n" + lock.out());
    }
  }

  @Test
  void diffRefusesLocksOfDifferentFormats() throws IOException {
    Path toml = locked(server, "pylock.toml", "lib-c<1.5");
    Path txt = locked(server, "requirements.txt", "lib-c<1.5");
    Cli.Result r = Cli.run("diff", toml.toString(), txt.toString());
    assertEquals(2, r.code(), r.toString());
  }

  // --index pinning

  @Test
  void aPinnedProjectIsReadFromItsIndexOnly() throws IOException {
    try (SimpleIndexServer internal = SimpleIndexServer.start(V1)) {
      Path lock =
          locked(server, "pylock.toml", "app-core", "--index", "lib-a=" + internal.indexUrl());
      assertEquals("2.0", lockedVersion(lock, "lib-a"), "index-v1 has no lib-a 2.1");
      assertEquals("1.5", lockedVersion(lock, "lib-c"), "lib-c is not pinned");
      assertEquals(0, server.requestCount("/simple/lib-a/"));
      assertTrue(internal.requestCount("/simple/lib-a/") > 0);
      assertEquals(0, internal.requestCount("/simple/lib-c/"));
    }
  }

  @Test
  void pyprojectIndexTablesPinProjects() throws IOException {
    try (SimpleIndexServer internal = SimpleIndexServer.start(V1)) {
      Path project = dir.resolve("pyproject.toml");
      Files.writeString(
          project,
          "[project]\nname = \"demo\"\nversion = \"1\"\ndependencies = [\"app-core\"]\n\n"
              + "[[tool.pylock4j.index]]\nname = \"internal\"\nurl = \"" + internal.indexUrl()
              + "\"\nprojects = [\"lib_a\", \"lib-c\"]\n");
      Path lock = locked(server, "pylock.toml", "--project", project.toString());
      assertEquals("2.0", lockedVersion(lock, "lib-a"));
      assertEquals("1.0", lockedVersion(lock, "lib-c"));
      assertEquals(0, server.requestCount("/simple/lib-a/"));
      assertEquals(0, server.requestCount("/simple/lib-c/"));
    }
  }

  @Test
  void aBadIndexPinIsBadInput() {
    Cli.Result r = lock(server, "lib-a", "--index", "https://example.org/simple/", "-o", "-");
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "error: --index must be NAME=URL (a project name and the index it is read from), not"
            + " 'https://example.org/simple/'\n",
        r.err());
  }

  @Test
  void verifyReadsPinnedProjectsFromTheirIndex() throws IOException {
    try (SimpleIndexServer internal = SimpleIndexServer.start(V1)) {
      String pin = "lib-a=" + internal.indexUrl();
      Path lock = locked(server, "pylock.toml", "app-core", "--index", pin);
      List<String> verify =
          List.of(
              "verify", lock.toString(), "--index-url", server.indexUrl(), "--cache-dir",
              dir.resolve("cache").toString());
      List<String> withPin = new ArrayList<>(verify);
      withPin.addAll(List.of("--index", pin));
      Cli.Result pinned = Cli.run(withPin.toArray(String[]::new));
      assertEquals(0, pinned.code(), pinned.toString());
      // the lock records its pins ([tool.pylock4j] index-pins): verify needs no --index
      Cli.Result recorded = Cli.run(verify.toArray(String[]::new));
      assertEquals(0, recorded.code(), recorded.toString());
    }
  }

  // builds

  /**
   * A directory index holding project sdist-only, version 1.0, with an sdist and no wheel (its
   * static metadata (2.2) served next to it, PEP 658, so nothing is built or unpacked).
   */
  Path sdistOnlyIndex() throws Exception {
    Path project = dir.resolve("sdist-index").resolve("sdist-only");
    Files.createDirectories(project);
    byte[] sdist = "not really a tarball".getBytes(StandardCharsets.UTF_8);
    byte[] metadata =
        "Metadata-Version: 2.2\nName: sdist-only\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8);
    Files.write(project.resolve("sdist_only-1.0.tar.gz"), sdist);
    Files.write(project.resolve("sdist_only-1.0.tar.gz.metadata"), metadata);
    Files.writeString(
        project.resolve("index.json"),
        "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"sdist-only\", \"versions\": [\"1.0\"],"
            + " \"files\": [{\"filename\": \"sdist_only-1.0.tar.gz\","
            + " \"url\": \"sdist_only-1.0.tar.gz\","
            + " \"hashes\": {\"sha256\": \"" + sha256(sdist) + "\"}, \"upload-time\":"
            + " \"2024-01-01T00:00:00Z\", \"core-metadata\": {\"sha256\": \"" + sha256(metadata)
            + "\"}}]}");
    return dir.resolve("sdist-index");
  }

  static String sha256(byte[] data) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
  }

  @Test
  void anSdistOnlyPackageIsWarnedAbout() throws Exception {
    Path index = sdistOnlyIndex();
    Path out = dir.resolve("pylock.toml");
    Cli.Result r =
        lock(
            server, "sdist-only", "lib-c<1.5", "--index", "sdist-only=" + index, "-o",
            out.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals(
        "warning: sdist-only==1.0: no wheel, only the sdist sdist_only-1.0.tar.gz (installing it"
            + " runs its build): it would run code at install time (--only-binary refuses sdists)\n"
            + "Locked 2 packages for CPython 3.12 on linux x86_64 into " + out + "\n",
        r.err());
    Cli.Result refused =
        lock(server, "sdist-only", "--only-binary", "--index", "sdist-only=" + index, "-o", "-");
    assertEquals(1, refused.code(), refused.toString());
  }
}
