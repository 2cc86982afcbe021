package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.testing.SimpleIndexServer;

/**
 * The README's library example, compiled from README.md as written there and run against the
 * loopback test index: only its paths, index URL and cache directory are replaced.
 */
class ReadmeLibraryExampleTest {

  @TempDir Path dir;

  /** The first {@code java} block after "## As a library". */
  static String readmeExample() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("## As a library");
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    return readme.substring(start, readme.indexOf("```\n", start));
  }

  /** The example as a class with {@code static void run(Path dir, String indexUrl)}. */
  static String asClass(String example) {
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String line : example.lines().toList()) {
      (line.startsWith("import ") ? imports : body).append(line).append('\n');
    }
    String code = body.toString()
        .replace("Path.of(System.getProperty(\"user.home\"), \".cache\", \"pylock4j\")",
            "dir.resolve(\"cache\")")
        .replace("Path.of(\"", "dir.resolve(\"")
        .replace("\"https://pypi.org/simple/\"", "indexUrl");
    return imports + "public class ReadmeExample {\n"
        + "  public static void run(Path dir, String indexUrl) throws Exception {\n"
        + code + "  }\n}\n";
  }

  @Test
  void theLibraryExampleLocksWithTheFilesConstraintsThenVerifies() throws Exception {
    String source = asClass(readmeExample());
    assertTrue(source.contains("dir.resolve(\"requirements.in\")"), source);
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("ReadmeExample.java"), source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int rc = javac.run(null, errors, errors, "-d", src.toString(), "-classpath",
        System.getProperty("java.class.path"), src.resolve("ReadmeExample.java").toString());
    assertEquals(0, rc, errors.toString(StandardCharsets.UTF_8) + "\n" + source);

    Path work = Files.createDirectories(dir.resolve("work"));
    Files.writeString(work.resolve("requirements.in"), "app-core\n-c constraints.txt\n");
    Files.writeString(work.resolve("constraints.txt"), "lib-a<2.1\n");
    try (SimpleIndexServer server = SimpleIndexServer.start(LockCommandTest.V2);
        URLClassLoader loader = new URLClassLoader(
            new URL[] {src.toUri().toURL()}, getClass().getClassLoader())) {
      loader.loadClass("ReadmeExample").getMethod("run", Path.class, String.class)
          .invoke(null, work, server.indexUrl());
    }
    // the file's -c line counts: lib-a stays below 2.1, which the index has
    assertEquals(
        Map.of("app-core", "2.0", "lib-a", "2.0", "lib-b", "1.0", "lib-c", "1.5"),
        LockCommandTest.versions(work.resolve("pylock.toml")));
  }
}
