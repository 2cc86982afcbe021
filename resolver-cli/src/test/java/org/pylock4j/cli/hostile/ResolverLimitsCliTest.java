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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.cli.Main;
import org.pylock4j.testing.SimpleIndexServer;

/**
 * The resolver's limits on the command line (issue 18, finding 10): an unsatisfiable cycle served
 * by a generated index on 127.0.0.1 is exit 1 with an explanation naming the cycle; a limit set
 * very low names its option. The timeout only guards against a hang.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ResolverLimitsCliTest {

  @TempDir Path dir;
  private SimpleIndexServer server;

  /**
   * Writes a PEP 691 index of {@code n} projects of {@code m} versions in a cycle ({@code
   * p_i==v} requires {@code p_{i+1}<v}) with PEP 658 metadata files.
   */
  static Path cycleIndex(Path root, int n, int m) throws IOException {
    StringBuilder projects = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String name = "p" + i;
      Path project = Files.createDirectories(root.resolve(name));
      StringBuilder files = new StringBuilder();
      StringBuilder versions = new StringBuilder();
      for (int v = 1; v <= m; v++) {
        String wheel = name + "-" + v + ".0-py3-none-any.whl";
        byte[] wheelBytes = ("not a real wheel: " + wheel).getBytes(StandardCharsets.UTF_8);
        byte[] metadata = ("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + v + ".0\n"
            + "Requires-Dist: p" + ((i + 1) % n) + "<" + v + ".0\n")
            .getBytes(StandardCharsets.UTF_8);
        Files.write(project.resolve(wheel), wheelBytes);
        Files.write(project.resolve(wheel + ".metadata"), metadata);
        files.append(files.isEmpty() ? "" : ",").append("{\"filename\": \"").append(wheel)
            .append("\", \"url\": \"").append(wheel).append("\", \"hashes\": {\"sha256\": \"")
            .append(sha256(wheelBytes)).append("\"}, \"core-metadata\": {\"sha256\": \"")
            .append(sha256(metadata)).append("\"}}");
        versions.append(versions.isEmpty() ? "" : ",").append('"').append(v).append(".0\"");
      }
      Files.writeString(project.resolve("index.json"), "{\"meta\": {\"api-version\": \"1.1\"},"
          + " \"name\": \"" + name + "\", \"versions\": [" + versions + "], \"files\": ["
          + files + "]}");
      projects.append(projects.isEmpty() ? "" : ",").append("{\"name\": \"").append(name)
          .append("\"}");
    }
    Files.writeString(root.resolve("index.json"),
        "{\"meta\": {\"api-version\": \"1.1\"}, \"projects\": [" + projects + "]}");
    return root;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @BeforeEach
  void start() throws IOException {
    server = SimpleIndexServer.start(cycleIndex(dir.resolve("index"), 6, 6));
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
    List<String> all = new ArrayList<>(List.of("lock", "p0", "-i", server.indexUrl(),
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
  void anUnsatisfiableCycleIsExitOneNamingTheCycle() {
    Result r = lock();
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: no set of versions satisfies the requirements\n"),
        r.toString());
    assertTrue(r.err().contains("p0 1.0 requires p1<1.0"), r.toString());
    assertTrue(!r.err().contains("not minimal"), r.toString());
  }

  @Test
  void noTimeToExplainIsStillExitOneAndNamesTheOption() {
    Result r = lock("--explanation-timeout", "0");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("root requires p0 (not minimal: explaining stopped after its time"
        + " budget of PT0S (--explanation-timeout))"), r.toString());
    assertTrue(!r.err().contains("ResolverOptions"), r.toString());
  }

  @Test
  void tooFewRoundsIsExitFourNamingTheOption() {
    Result r = lock("--max-rounds", "2");
    assertEquals(4, r.code(), r.toString());
    assertEquals("error: the resolution needed more than 2 rounds of the lazy loop"
        + " (--max-rounds)\n", r.err());
  }
}
