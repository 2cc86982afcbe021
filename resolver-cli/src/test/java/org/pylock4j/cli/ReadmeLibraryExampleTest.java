package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.input.RequirementsFile;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.LockOptions;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.testing.SimpleIndexServer;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.sat.SatResolver;

/** The README's library example, as written there, against the loopback test index. */
class ReadmeLibraryExampleTest {

  @TempDir Path dir;

  @Test
  void theLibraryExampleWritesALock() throws IOException {
    Files.writeString(dir.resolve("requirements.in"), "app-core\n");
    try (SimpleIndexServer server = SimpleIndexServer.start(LockCommandTest.V2)) {
      // --- as in README.md, with the index URL and paths of this test
      RequirementsFile input = RequirementsFile.read(dir.resolve("requirements.in"));
      try (PypiIndex index = PypiIndex.builder()
          .indexUrl(server.indexUrl())
          .cacheDirectory(dir.resolve("cache"))
          .build()) {
        ResolutionRequest.Builder request = ResolutionRequest.builder()
            .target(TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64))
            .source(index);
        input.requirements().forEach(r -> request.requirement(r.requirement()));
        Resolution resolution = SatResolver.create().resolve(request.build());
        LockFiles.write(dir.resolve("pylock.toml"),
            LockFiles.writePylock(LockFiles.fromResolution(resolution, LockOptions.defaults())));
      }
      // ---
    }
    assertEquals(
        java.util.Map.of("app-core", "2.0", "lib-a", "2.1", "lib-b", "1.0", "lib-c", "1.5"),
        LockCommandTest.versions(dir.resolve("pylock.toml")));
  }

  @Test
  void theLibraryExampleShowsTheImportsItNeeds() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("```java\n");
    assertTrue(start >= 0, "README.md has a java example");
    String example = readme.substring(start, readme.indexOf("```\n", start + 8));
    List<String> imports = example.lines().filter(l -> l.startsWith("import ")).toList();
    assertFalse(imports.isEmpty(), "the example shows its imports");
    String test = Files.readString(
        Path.of("src/test/java/org/pylock4j/cli/ReadmeLibraryExampleTest.java"));
    for (String line : imports) {
      assertTrue(test.contains(line + "\n"), "this test compiles the README's " + line);
    }
    for (String type : List.of("RequirementsFile", "PypiIndex", "ResolutionRequest",
        "TargetEnvironment", "MarkerEnvironment", "Resolution", "SatResolver", "LockFiles",
        "LockOptions")) {
      assertTrue(imports.stream().anyMatch(l -> l.endsWith("." + type + ";")),
          "the README imports " + type);
    }
  }
}
