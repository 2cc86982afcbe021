package org.pylock4j.pypi.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.ProjectPage;
import org.pylock4j.testing.SimpleIndexServer;

/**
 * Finding 15: one {@code --cache-dir} shared by concurrent runs (threads, processes), one of
 * them killed mid-run, still answers a following offline run completely.
 */
class SharedCacheTest {

  private static final List<String> PROJECTS =
      List.of("six", "pluggy", "poetry-core", "jupyter", "requests", "attrs");

  @TempDir Path cache;

  private static Path index() {
    try {
      return Path.of(SharedCacheTest.class.getResource("/indexes/poetry").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One run: every page of {@link #PROJECTS} and the metadata of each one's newest file. */
  static void run(PypiIndex index) {
    for (String name : PROJECTS) {
      ProjectPage page = Hostile.get(index.page(ProjectName.of(name)));
      assertFalse(page.files().isEmpty(), name);
      DistributionFile newest = page.files().get(page.files().size() - 1);
      if (newest.hasCoreMetadataFile()) {
        Hostile.get(index.metadata(newest));
      }
    }
  }

  private void offlineRunSucceeds(String url) {
    try (PypiIndex offline = Hostile.client(url).cacheDirectory(cache).offline(true).build()) {
      run(offline);
    }
  }

  @Test
  @Timeout(120)
  void concurrentThreadsShareOneCache() throws Exception {
    try (SimpleIndexServer server = SimpleIndexServer.start(index())) {
      ExecutorService threads = Executors.newFixedThreadPool(4);
      try {
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          runs.add(CompletableFuture.runAsync(() -> {
            try (PypiIndex index = Hostile.client(server.indexUrl()).cacheDirectory(cache).build()) {
              run(index);
            }
          }, threads));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(100, TimeUnit.SECONDS);
      } finally {
        threads.shutdownNow();
      }
      offlineRunSucceeds(server.indexUrl());
    }
  }

  @Test
  @Timeout(240)
  void processesKilledMidRunLeaveNoDamagedEntry() throws Exception {
    try (SimpleIndexServer server = SimpleIndexServer.start(index())) {
      List<Process> children = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), Child.class.getName(), server.indexUrl(),
            cache.toString()).redirectErrorStream(true).start());
      }
      // the first child is killed once it has done a whole run (and is busy with more)
      Process victim = children.get(0);
      BufferedReader lines = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8));
      String line;
      int runs = 0;
      while (runs < 1 && (line = lines.readLine()) != null) {
        if (line.equals("run")) {
          runs++;
        }
      }
      assertEquals(1, runs, "the child stopped early");
      victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      for (Process child : children.subList(1, children.size())) {
        assertTrue(child.waitFor(180, TimeUnit.SECONDS), "a child did not finish");
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), output);
      }
      offlineRunSucceeds(server.indexUrl());
    }
  }

  /** A run in another process: repeated runs, each with a fresh index (no memory between them). */
  public static final class Child {
    public static void main(String[] args) throws IOException {
      for (int i = 0; i < 4; i++) {
        try (PypiIndex index = Hostile.client(args[0]).cacheDirectory(Path.of(args[1])).build()) {
          run(index);
        }
        System.out.println("run");
        System.out.flush();
      }
    }
  }
}
