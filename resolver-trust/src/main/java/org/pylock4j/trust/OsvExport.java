package org.pylock4j.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.pylock4j.requirement.ProjectName;

/**
 * An offline OSV export of the PyPI ecosystem: a directory tree of {@code *.json} records, or a zip
 * of them (as {@code https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip}). Read whole
 * on open and indexed by project; immutable after that.
 */
final class OsvExport implements AdvisorySource {

  /** The largest record read (real ones are a few KiB). */
  private static final int MAX_RECORD_BYTES = 16 << 20;

  private final Map<ProjectName, List<OsvRecord>> byProject;
  private final int records;

  private OsvExport(Map<ProjectName, List<OsvRecord>> byProject, int records) {
    this.byProject = byProject;
    this.records = records;
  }

  static OsvExport open(Path path, ObjectMapper json) {
    Map<ProjectName, List<OsvRecord>> index = new HashMap<>();
    int[] count = {0};
    try {
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
            if (!Files.isRegularFile(f)) {
              // a FIFO would block the run, a device never end, a directory fail obscurely: refuse them
              throw new AdvisoryDatabaseException("not a regular file (a FIFO, a device, a directory or a"
                  + " dangling link): an OSV export holds regular JSON files only", f.toString(), 0, null);
            }
            try (InputStream in = Files.newInputStream(f)) {
              add(index, read(json, in, f.toString()), count);
            }
          }
        }
      } else if (Files.isRegularFile(path)) {
        checkZip(path);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(path))) {
          ZipEntry entry;
          while ((entry = zip.getNextEntry()) != null) {
            if (!entry.isDirectory() && entry.getName().endsWith(".json")) {
              add(index, read(json, zip, path + "!" + entry.getName()), count);
            }
          }
        }
      } else {
        throw new AdvisoryDatabaseException(
            Files.exists(path) ? "not a directory or a regular file (a FIFO or a device?): expected a"
                + " directory or a zip of OSV JSON files"
                : "OSV export not found (expected a directory or a zip of OSV JSON files)",
            path.toString(), 0, null);
      }
    } catch (IOException e) {
      throw new AdvisoryDatabaseException("cannot read OSV export: " + e.getMessage(), path.toString(), 0, e);
    }
    if (count[0] == 0) {
      // an empty export would pass every audit: fail closed
      throw new AdvisoryDatabaseException("the OSV export holds no records (expected a directory or a"
          + " zip of OSV JSON files, such as PyPI/all.zip)", path.toString(), 0, null);
    }
    index.replaceAll((k, v) -> List.copyOf(v));
    return new OsvExport(Map.copyOf(index), count[0]);
  }

  /** Refuses a file that is not a zip archive (an HTML error page, plain text, nothing). */
  private static void checkZip(Path path) throws IOException {
    byte[] head = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, 4);
    }
    boolean zip = n == 4 && head[0] == 'P' && head[1] == 'K'
        && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
    if (!zip) {
      throw new AdvisoryDatabaseException("not a zip of OSV JSON files" + (n == 0 ? " (the file is empty)"
          : ""), path.toString(), 0, null);
    }
  }

  private static OsvRecord read(ObjectMapper json, InputStream in, String where) throws IOException {
    JsonNode node;
    byte[] bytes = in.readNBytes(MAX_RECORD_BYTES + 1);
    if (bytes.length > MAX_RECORD_BYTES) {
      throw new AdvisoryDatabaseException("OSV record larger than " + MAX_RECORD_BYTES
          + " bytes (not an OSV record)", where, 0, null);
    }
    try {
      node = json.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new AdvisoryDatabaseException("malformed OSV record: " + org.pylock4j.internal.Failures.parser(e.getOriginalMessage()), where, 0, e);
    }
    try {
      return OsvRecord.parse(node);
    } catch (RuntimeException e) {
      throw new AdvisoryDatabaseException("malformed OSV record: " + e.getMessage(), where, 0, e);
    }
  }

  private static void add(Map<ProjectName, List<OsvRecord>> index, OsvRecord record, int[] count) {
    count[0]++;
    for (ProjectName p : record.packages()) {
      index.computeIfAbsent(p, k -> new ArrayList<>()).add(record);
    }
  }

  /** How many records the export holds. */
  int size() {
    return records;
  }

  @Override
  public Map<PackageVersion, List<OsvRecord>> affecting(Collection<PackageVersion> packages) {
    Map<PackageVersion, List<OsvRecord>> out = new LinkedHashMap<>();
    for (PackageVersion pv : packages) {
      out.put(pv, recordsFor(pv.name()).stream().filter(r -> r.affects(pv.name(), pv.version())).toList());
    }
    return out;
  }

  @Override
  public List<OsvRecord> recordsFor(ProjectName project) {
    return byProject.getOrDefault(project, List.of());
  }

  @Override
  public void close() {}
}
