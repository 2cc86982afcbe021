package org.pylock4j.pypi.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.pypi.Dists;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.ProjectPage;

/**
 * Finding 1: an evil index that lists a real file (its real sha256) with metadata of its own
 * must not plant that metadata in the shared cache for a legitimate index serving the same file.
 */
class CachePoisoningTest {

  private static final ProjectName LIB = ProjectName.of("lib");
  private static final String WHEEL = "lib-2.0-py3-none-any.whl";
  private static final String REAL_METADATA = Dists.metadata("lib", "2.0", "six");
  private static final String EVIL_METADATA = Dists.metadata("lib", "2.0", "six", "evilpayload");
  private static final byte[] REAL_WHEEL = Dists.wheel("lib", "2.0", REAL_METADATA, 100_000);

  @TempDir Path cache;

  private static List<String> requirements(CoreMetadata metadata) {
    return metadata.requirements().stream().map(Requirement::toString).toList();
  }

  /** The legitimate index: the real wheel, no PEP 658 file, so its metadata is read from the wheel. */
  private static EvilServer legitimate() {
    return new EvilServer()
        .json("/simple/lib/", EvilServer.page("lib", "{\"filename\": \"" + WHEEL + "\", \"url\": \""
            + WHEEL + "\", \"hashes\": {\"sha256\": \"" + EvilServer.sha256(REAL_WHEEL) + "\"}}"))
        .bytes("/simple/lib/" + WHEEL, REAL_WHEEL);
  }

  private List<String> legitimateAnswer() {
    try (EvilServer good = legitimate(); PypiIndex index = Hostile.client(cache, good.indexUrl())) {
      ProjectPage page = Hostile.get(index.page(LIB));
      return requirements(Hostile.get(index.metadata(page.files().get(0))));
    }
  }

  @Test
  void aMetadataFileOfAnEvilIndexIsNotCachedUnderTheRealWheelsHash() {
    try (EvilServer evil = new EvilServer()) {
      evil.json("/simple/lib/", EvilServer.page("lib", "{\"filename\": \"" + WHEEL + "\", \"url\": \""
              + WHEEL + "\", \"hashes\": {\"sha256\": \"" + EvilServer.sha256(REAL_WHEEL)
              + "\"}, \"core-metadata\": {\"sha256\": \"" + EvilServer.sha256(EVIL_METADATA) + "\"}}"))
          .route("/simple/lib/" + WHEEL + ".metadata", r -> new MockResponse().setBody(EVIL_METADATA));
      try (PypiIndex index = Hostile.client(cache, evil.indexUrl())) {
        ProjectPage page = Hostile.get(index.page(LIB));
        assertEquals(List.of("six", "evilpayload"), requirements(Hostile.get(index.metadata(page.files().get(0)))));
      }
    }
    assertEquals(List.of("six"), legitimateAnswer());
  }

  @Test
  void aTamperedWheelReadByRangesIsNotCachedUnderTheRealWheelsHash() {
    byte[] tampered = Dists.wheel("lib", "2.0", EVIL_METADATA, 100_000);
    try (EvilServer evil = new EvilServer()) {
      evil.json("/simple/lib/", EvilServer.page("lib", "{\"filename\": \"" + WHEEL + "\", \"url\": \""
              + WHEEL + "\", \"size\": " + tampered.length + ", \"hashes\": {\"sha256\": \""
              + EvilServer.sha256(REAL_WHEEL) + "\"}}"))
          .ranged("/simple/lib/" + WHEEL, tampered);
      try (PypiIndex index = Hostile.client(cache, evil.indexUrl())) {
        ProjectPage page = Hostile.get(index.page(LIB));
        assertEquals(List.of("six", "evilpayload"), requirements(Hostile.get(index.metadata(page.files().get(0)))));
      }
    }
    assertEquals(List.of("six"), legitimateAnswer());
  }
}
