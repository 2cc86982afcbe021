package org.pylock4j.pypi.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.error.IndexException;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.ProjectPage;

/**
 * Mutated real pages and mutated wheels, read through the public API of a {@code file://} index:
 * every outcome is a page, metadata, or an {@link IndexException}; never another exception.
 * Fixed seeds, so every run is the same.
 */
class MalformedInputFuzzTest {

  private static final ProjectName SIX = ProjectName.of("six");

  private static byte[] mutate(byte[] input, Random random) {
    byte[] out = input.clone();
    int edits = 1 + random.nextInt(8);
    for (int i = 0; i < edits && out.length > 0; i++) {
      int at = random.nextInt(out.length);
      switch (random.nextInt(4)) {
        case 0 -> out[at] = (byte) random.nextInt(256);
        case 1 -> out[at] = (byte) "<>\"'={}[],:&#;/ ".charAt(random.nextInt(16));
        case 2 -> out = java.util.Arrays.copyOf(out, at); // truncate
        default -> {
          byte[] longer = new byte[out.length + 1];
          System.arraycopy(out, 0, longer, 0, at);
          longer[at] = (byte) random.nextInt(128);
          System.arraycopy(out, at, longer, at + 1, out.length - at);
          out = longer;
        }
      }
    }
    return out;
  }

  private static <T> T outcome(CompletableFuture<T> future, String what) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof IndexException) {
        return null;
      }
      fail(what + ": " + e.getCause(), e.getCause());
      return null;
    }
  }

  private static Path poetrySix() throws URISyntaxException {
    return Path.of(MalformedInputFuzzTest.class.getResource("/indexes/poetry/six").toURI());
  }

  @Test
  void mutatedPagesGiveAPageOrAnIndexException(@TempDir Path root) throws Exception {
    byte[] json = Files.readAllBytes(poetrySix().resolve("index.json"));
    byte[] html = Files.readAllBytes(poetrySix().resolve("index.html"));
    Random random = new Random(20261125);
    int pages = 0;
    for (int i = 0; i < 150; i++) {
      Path dir = Files.createDirectories(root.resolve("run" + i).resolve("six"));
      boolean useJson = i % 2 == 0;
      Files.write(dir.resolve(useJson ? "index.json" : "index.html"), mutate(useJson ? json : html, random));
      try (PypiIndex index = PypiIndex.builder().indexUrl(dir.getParent().toUri().toString()).netrc(null).build()) {
        ProjectPage page = outcome(index.page(SIX), "run " + i);
        if (page != null) {
          pages++;
        }
      }
    }
    assertTrue(pages > 0, "some mutations still parse");
  }

  @Test
  void mutatedWheelsGiveMetadataOrAnIndexException(@TempDir Path root) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("six-1.0.dist-info/METADATA"));
      zip.write("Metadata-Version: 2.1\nName: six\nVersion: 1.0\nRequires-Dist: a\n"
          .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("six.py"));
      byte[] noise = new byte[4000]; // mutations in here do not touch the metadata
      new Random(1).nextBytes(noise);
      zip.write(noise);
    }
    byte[] wheel = bytes.toByteArray();
    Random random = new Random(7);
    int read = 0;
    int refused = 0;
    for (int i = 0; i < 150; i++) {
      Path dir = Files.createDirectories(root.resolve("run" + i));
      Files.write(dir.resolve("six-1.0-py3-none-any.whl"), mutate(wheel, random));
      try (PypiIndex index = PypiIndex.builder().findLinks(dir).netrc(null).build()) {
        ProjectPage page = index.page(SIX).join();
        for (DistributionFile file : page.files()) {
          if (outcome(index.metadata(file), "run " + i) != null) {
            read++;
          } else {
            refused++;
          }
        }
      }
    }
    assertTrue(read > 0 && refused > 0, "read " + read + ", refused " + refused);
  }
}
