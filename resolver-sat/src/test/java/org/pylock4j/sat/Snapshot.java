package org.pylock4j.sat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.version.Version;

/**
 * The test copy of ../shared/pypi-snapshot (src/test/resources/snapshot, made by
 * src/test/python/subset_snapshot.py): real PyPI metadata loaded into an {@link
 * InMemoryPackageSource}, and the root sets with their expected results.
 */
final class Snapshot {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode projects;

  private Snapshot() {}

  private static synchronized JsonNode projects() {
    if (projects == null) {
      try (InputStream in = new GZIPInputStream(resource("projects.json.gz"))) {
        projects = JSON.readTree(in).get("projects");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return projects;
  }

  private static InputStream resource(String name) {
    InputStream in = Snapshot.class.getResourceAsStream("/snapshot/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no test resource snapshot/" + name);
    }
    return in;
  }

  /**
   * A source over the snapshot: only the files of resolvelib snapshot {@code snapshotId} when it
   * is not null, else every file.
   */
  static InMemoryPackageSource source(String snapshotId) {
    InMemoryPackageSource.Builder b = InMemoryPackageSource.builder();
    for (JsonNode p : projects()) {
      ProjectName name = new ProjectName(p.get("name").asText());
      b.project(name, InMemoryPackageSource.DEFAULT_INDEX);
      for (JsonNode f : p.get("files")) {
        if (snapshotId != null && !contains(f.get("sources"), snapshotId)) {
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
        DistributionFile file = new DistributionFile(name, version, filename,
            InMemoryPackageSource.DEFAULT_INDEX + name + "/" + filename, hashes, requiresPython,
            yanked, f.has("upload-time") ? Instant.parse(f.get("upload-time").asText()) : null,
            f.has("size") ? f.get("size").asLong() : -1, Map.of());
        b.file(file, new CoreMetadata("2.1", name.toString(), f.get("version").asText(),
            strings(f.get("requires-dist")), requiresPython, strings(f.get("provides-extra")),
            List.of()));
      }
    }
    return b.build();
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

  /** A root set: its PEP 508 lines and the resolvelib snapshot id it names, if any. */
  record Case(String name, List<Requirement> requirements, String snapshotId) {}

  static Case rootSet(String name) {
    String text;
    try (InputStream in = resource(name + ".txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Requirement> requirements = new ArrayList<>();
    String snapshot = null;
    for (String line : text.split("\n")) {
      line = line.strip();
      if (line.startsWith("# snapshot: resolvelib:")) {
        snapshot = line.substring("# snapshot: resolvelib:".length()).strip();
      }
      if (!line.isEmpty() && !line.startsWith("#")) {
        requirements.add(Requirement.parse(line));
      }
    }
    return new Case(name, requirements, snapshot);
  }

  /** The {@code resolved} map of a case's expected result (name to version text). */
  static Map<String, String> expected(String name) {
    try (InputStream in = resource(name + ".expected.json")) {
      JsonNode resolved = JSON.readTree(in).get("resolved");
      Map<String, String> m = new TreeMap<>();
      resolved.fields().forEachRemaining(e -> m.put(e.getKey(),
          e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
