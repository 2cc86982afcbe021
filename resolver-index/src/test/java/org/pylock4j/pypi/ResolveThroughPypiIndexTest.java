package org.pylock4j.pypi;

import org.pylock4j.testing.SimpleIndexServer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.PackageSource;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.sat.SatResolver;

/** End to end: SatResolver over PypiIndex over real HTTP on loopback, JSON, HTML and file://. */
class ResolveThroughPypiIndexTest {

  private static final Path INDEX = IndexTesting.resource("indexes/resolvelib-virtualenv-six");
  private static final TargetEnvironment PY38 =
      TargetEnvironment.cpython("3.8", MarkerEnvironment.Platform.LINUX_X86_64);

  private static Resolution resolve(PackageSource source) {
    return SatResolver.create().resolve(ResolutionRequest.builder()
        .requirements(List.of(Requirement.parse("six<1.12"), Requirement.parse("virtualenv")))
        .target(PY38)
        .source(source)
        .build());
  }

  /** name → version and the files' names and hashes: what must not depend on the index form. */
  private static Map<String, String> summary(Resolution resolution) {
    Map<String, String> result = new TreeMap<>();
    for (LockedPackage p : resolution.packages()) {
      result.put(p.name().toString(), p.version() + " " + p.files().stream()
          .map(f -> f.filename() + f.hashes()).toList());
    }
    return result;
  }

  @Test
  void resolvesTheSameOverJsonHtmlAndFileIndexes(@TempDir Path cache) {
    try (SimpleIndexServer json = SimpleIndexServer.builder(INDEX).jsonOnly().start();
        SimpleIndexServer html = SimpleIndexServer.builder(INDEX).htmlOnly().start();
        PypiIndex overJson = IndexTesting.builder(json.indexUrl()).cacheDirectory(cache).build();
        PypiIndex overHtml = IndexTesting.builder(html.indexUrl()).build();
        PypiIndex overFile = IndexTesting.builder(INDEX.toString()).build()) {
      Resolution fromJson = resolve(overJson);
      // resolvelib's expected answer for its conflict-with-dependency case
      assertEquals(Map.of("six", "1.11.0", "virtualenv", "16.7.9"),
          fromJson.packages().stream().collect(java.util.stream.Collectors.toMap(
              p -> p.name().toString(), p -> p.version().toString())));
      assertEquals(json.indexUrl(), fromJson.find(org.pylock4j.requirement.ProjectName.of("six")).orElseThrow().index());
      assertEquals(summary(fromJson), summary(resolve(overHtml)));
      assertEquals(summary(fromJson), summary(resolve(overFile)));
      assertEquals(0, html.requestCountEndingWith("index.json"));
      for (LockedPackage p : fromJson.packages()) {
        for (DistributionFile f : p.files()) {
          assertEquals(json.indexUrl() + p.name() + "/" + f.filename(), f.url());
        }
      }
    }
  }

  @Test
  void aSecondRunWithAWarmCacheFetchesNoMetadata(@TempDir Path cache) {
    try (SimpleIndexServer server = SimpleIndexServer.start(INDEX)) {
      Resolution cold;
      long coldMetadata;
      try (PypiIndex index = IndexTesting.builder(server.indexUrl()).cacheDirectory(cache).build()) {
        cold = resolve(index);
        coldMetadata = index.statistics().metadataFileRequests();
      }
      server.resetCounts();
      try (PypiIndex index = IndexTesting.builder(server.indexUrl()).cacheDirectory(cache).build()) {
        assertEquals(cold, resolve(index));
        assertEquals(0, index.statistics().metadataRequests());
        assertEquals(0, server.requestCountEndingWith(".metadata"));
        assertEquals(coldMetadata, index.statistics().metadataCacheHits());
      }
      server.resetCounts();
      try (PypiIndex index = IndexTesting.builder(server.indexUrl()).cacheDirectory(cache).offline(true).build()) {
        assertEquals(cold, resolve(index));
        assertEquals(0, server.totalRequests());
      }
    }
  }
}
