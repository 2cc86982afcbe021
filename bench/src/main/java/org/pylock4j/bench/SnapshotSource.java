package org.pylock4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.version.Version;

/**
 * The real metadata of a pypi-snapshot directory ({@code projects/*.json}) as an {@link
 * InMemoryPackageSource}: the same pages and metadata the bench's HTTP indexes serve, without
 * I/O, for JMH.
 */
final class SnapshotSource {

  /** The resolvelib snapshot the big real root sets are resolved against. */
  static final String CHEROOT = "resolvelib:pypi-2020-11-17-cheroot";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SnapshotSource() {}

  /**
   * Every project of {@code snapshot}, with only the files whose {@code sources} contain {@code
   * sourceId} (every file when it is null); projects left without a file are left out, as
   * tools/snapshot_to_index.py does.
   */
  static InMemoryPackageSource load(Path snapshot, String sourceId) {
    InMemoryPackageSource.Builder b = InMemoryPackageSource.builder();
    try (Stream<Path> files = Files.list(snapshot.resolve("projects"))) {
      for (Path file : files.sorted().toList()) {
        addProject(b, JSON.readTree(file.toFile()), sourceId);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.build();
  }

  private static void addProject(InMemoryPackageSource.Builder b, JsonNode p, String sourceId) {
    ProjectName name = new ProjectName(p.get("name").asText());
    for (JsonNode f : p.get("files")) {
      if (sourceId != null && !contains(f.get("sources"), sourceId)) {
        continue;
      }
      Version version;
      try {
        version = Version.parse(f.get("version").asText());
      } catch (RuntimeException e) {
        continue; // two records are not PEP 440 (see the snapshot README)
      }
      String filename = f.get("filename").asText();
      Map<String, String> hashes = new TreeMap<>();
      if (f.has("hashes")) {
        f.get("hashes").fields().forEachRemaining(h -> hashes.put(h.getKey(), h.getValue().asText()));
      }
      String yanked = null;
      JsonNode y = f.get("yanked");
      if (y != null && !y.isNull() && !(y.isBoolean() && !y.asBoolean())) {
        yanked = y.isTextual() ? y.asText() : "";
      }
      String requiresPython = text(f, "requires-python");
      String uploadTime = text(f, "upload-time");
      String url = InMemoryPackageSource.DEFAULT_INDEX + name + "/" + filename;
      DistributionFile file = new DistributionFile(name, version, filename, url, hashes,
          requiresPython, yanked, uploadTime == null ? null : Instant.parse(uploadTime),
          f.has("size") ? f.get("size").asLong() : -1, Map.of());
      CoreMetadata metadata = filename.endsWith(".whl")
          ? new CoreMetadata("2.1", name.toString(), f.get("version").asText(),
              strings(f.get("requires-dist")), requiresPython, strings(f.get("provides-extra")),
              List.of())
          : null;
      b.file(file, metadata);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode n : array) {
      if (n.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> list.add(n.asText()));
    }
    return list;
  }
}
