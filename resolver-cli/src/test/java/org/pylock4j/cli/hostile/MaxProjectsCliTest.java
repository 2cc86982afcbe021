package org.pylock4j.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.cli.Main;
import org.pylock4j.testing.SimpleIndexServer;

/**
 * {@code --max-projects} (issue 18, finding 9): too many requirements fail before any index
 * request, exit 2 naming the input; a dependency fan-out over the limit fails as the other
 * resolver limits do (exit 4) naming the option; a normal lock is unaffected.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MaxProjectsCliTest {

  @TempDir Path dir;
  private SimpleIndexServer server;

  /** {@code fan} 1.0 requires {@code d1} … {@code d10}; each {@code d} 1.0 requires nothing. */
  @BeforeEach
  void start() throws IOException {
    Map<String, List<String>> projects = new LinkedHashMap<>();
    List<String> deps = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      deps.add("d" + i);
      projects.put("d" + i, List.of());
    }
    projects.put("fan", deps);
    Path root = dir.resolve("index");
    StringBuilder list = new StringBuilder();
    for (Map.Entry<String, List<String>> e : projects.entrySet()) {
      String name = e.getKey();
      Path project = Files.createDirectories(root.resolve(name));
      String wheel = name + "-1.0-py3-none-any.whl";
      byte[] wheelBytes = ("not a real wheel: " + wheel).getBytes(StandardCharsets.UTF_8);
      StringBuilder metadata = new StringBuilder(
          "Metadata-Version: 2.1\nName: " + name + "\nVersion: 1.0\n");
      e.getValue().forEach(d -> metadata.append("Requires-Dist: ").append(d).append('\n'));
      byte[] metadataBytes = metadata.toString().getBytes(StandardCharsets.UTF_8);
      Files.write(project.resolve(wheel), wheelBytes);
      Files.write(project.resolve(wheel + ".metadata"), metadataBytes);
      Files.writeString(project.resolve("index.json"), "{\"meta\": {\"api-version\": \"1.1\"},"
          + " \"name\": \"" + name + "\", \"versions\": [\"1.0\"], \"files\": [{\"filename\": \""
          + wheel + "\", \"url\": \"" + wheel + "\", \"hashes\": {\"sha256\": \""
          + sha256(wheelBytes) + "\"}, \"core-metadata\": {\"sha256\": \""
          + sha256(metadataBytes) + "\"}}]}");
      list.append(list.isEmpty() ? "" : ",").append("{\"name\": \"").append(name).append("\"}");
    }
    Files.writeString(root.resolve("index.json"),
        "{\"meta\": {\"api-version\": \"1.1\"}, \"projects\": [" + list + "]}");
    server = SimpleIndexServer.start(root);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Result lock(String... args) {
    List<String> all = new ArrayList<>(List.of("lock", "-i", server.indexUrl(),
        "-o", dir.resolve("pylock.toml").toString(), "--python-version", "3.12",
        "--cache-dir", dir.resolve("cache").toString()));
    all.addAll(Arrays.asList(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), all.toArray(String[]::new));
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void tooManyRequirementsFailBeforeAnyIndexRequestNamingTheInputAndOption() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 10_001; i++) {
      lines.append("proj").append(i).append('\n');
    }
    Path requirements = Files.writeString(dir.resolve("requirements.in"), lines);
    Result r = lock("-r", requirements.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("requirements.in:10001: more than 10000 distinct projects to lock"
        + " (--max-projects)"), r.toString());
    assertEquals(0, server.totalRequests(), server.requestCounts().toString());
  }

  @Test
  void aFanOutOverTheLimitIsExitFourNamingTheOption() {
    Result r = lock("fan", "--max-projects", "5");
    assertEquals(4, r.code(), r.toString());
    assertEquals("error: the resolution considered more than 5 distinct projects"
        + " (--max-projects)\n", r.err());
    assertEquals(0, server.requestCount("/simple/d10/"), server.requestCounts().toString());
  }

  @Test
  void aNormalLockIsUnaffected() throws IOException {
    Result r = lock("fan");
    assertEquals(0, r.code(), r.toString());
    String lock = Files.readString(dir.resolve("pylock.toml"));
    assertTrue(lock.contains("name = \"d10\""), lock);
    assertTrue(lock.contains("name = \"fan\""), lock);
  }
}
