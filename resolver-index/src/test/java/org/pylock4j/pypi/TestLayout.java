package org.pylock4j.pypi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a project of real, test-built distributions in the static Simple layout (tools/README.md). */
final class TestLayout {

  /**
   * One file of a page.
   *
   * @param metadata the PEP 658 file to write next to it, or null for none
   * @param sha256 the hash to list: "real", "none" or a (wrong) hex digest
   */
  record Dist(String filename, byte[] bytes, String metadata, String sha256, boolean listSize) {
    static Dist of(String filename, byte[] bytes) {
      return new Dist(filename, bytes, null, "real", true);
    }

    Dist withMetadata(String text) {
      return new Dist(filename, bytes, text, sha256, listSize);
    }

    Dist hash(String value) {
      return new Dist(filename, bytes, metadata, value, listSize);
    }

    Dist withoutSize() {
      return new Dist(filename, bytes, metadata, sha256, false);
    }

    String realSha256() {
      return MetadataFetcher.sha256(bytes);
    }
  }

  private TestLayout() {}

  static void project(Path root, String project, Dist... dists) {
    try {
      Path dir = Files.createDirectories(root.resolve(project));
      List<String> json = new ArrayList<>();
      StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>\n");
      for (Dist dist : dists) {
        Files.write(dir.resolve(dist.filename()), dist.bytes());
        String sha = switch (dist.sha256()) {
          case "real" -> dist.realSha256();
          case "none" -> null;
          default -> dist.sha256();
        };
        String core = null;
        if (dist.metadata() != null) {
          byte[] metadata = dist.metadata().getBytes(StandardCharsets.UTF_8);
          Files.write(dir.resolve(dist.filename() + ".metadata"), metadata);
          core = MetadataFetcher.sha256(metadata);
        }
        json.add("{\"filename\": \"" + dist.filename() + "\", \"url\": \"" + dist.filename() + "\", \"hashes\": {"
            + (sha == null ? "" : "\"sha256\": \"" + sha + "\"") + "}, \"yanked\": false"
            + (dist.listSize() ? ", \"size\": " + dist.bytes().length : "")
            + (core == null ? "" : ", \"core-metadata\": {\"sha256\": \"" + core + "\"}") + "}");
        html.append("<a href=\"").append(dist.filename()).append(sha == null ? "" : "#sha256=" + sha).append('"')
            .append(core == null ? "" : " data-core-metadata=\"sha256=" + core + "\"")
            .append('>').append(dist.filename()).append("</a><br/>\n");
      }
      Files.writeString(dir.resolve("index.json"), "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"" + project
          + "\", \"files\": [\n" + String.join(",\n", json) + "\n]}\n");
      Files.writeString(dir.resolve("index.html"), html.append("</body></html>\n").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
