package org.pylock4j.pypi;

import org.pylock4j.testing.SimpleIndexServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.ProjectPage;

/** Pages over JSON, HTML and file:// from the same snapshot data. */
class PypiIndexPagesTest {

  private static final Path POETRY = IndexTesting.resource("indexes/poetry");
  private static final Path POETRY_HTML = IndexTesting.resource("indexes/poetry-html");

  /** What every form of a page must agree on: everything but the URL base, upload time and size. */
  private record Common(String filename, String version, Map<String, String> hashes, String requiresPython,
      String yanked, Map<String, String> coreMetadataHashes, String relativeUrl) {
    static Common of(DistributionFile f, String index) {
      return new Common(f.filename(), f.version().toString(), f.hashes(), f.requiresPython(), f.yanked(),
          f.coreMetadataHashes(), f.url().substring(index.length()));
    }
  }

  private static List<String> projects() throws IOException {
    try (Stream<Path> dirs = Files.list(POETRY)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void jsonHtmlAndFileIndexesGiveTheSamePagesAndMetadata() throws Exception {
    try (SimpleIndexServer jsonServer = SimpleIndexServer.start(POETRY);
        SimpleIndexServer htmlServer = SimpleIndexServer.start(POETRY_HTML);
        PypiIndex json = IndexTesting.builder(jsonServer.indexUrl()).build();
        PypiIndex html = IndexTesting.builder(htmlServer.indexUrl()).build();
        PypiIndex file = IndexTesting.builder(POETRY.toUri().toString()).build()) {
      String fileBase = POETRY.toUri().toString();
      int files = 0;
      for (String name : projects()) {
        ProjectName project = ProjectName.of(name);
        ProjectPage fromJson = json.page(project).join();
        ProjectPage fromHtml = html.page(project).join();
        ProjectPage fromFile = file.page(project).join();
        // Twisted-18.9.0.tar.bz2 is its only file: not a wheel or sdist name (PEP 625), skipped
        assertEquals(name.equals("twisted"), fromJson.files().isEmpty(), name);
        assertEquals(jsonServer.indexUrl(), fromJson.index());
        assertEquals(fileBase, fromFile.index());
        assertEquals(fromJson.files().stream().map(f -> Common.of(f, jsonServer.indexUrl())).toList(),
            fromHtml.files().stream().map(f -> Common.of(f, htmlServer.indexUrl())).toList(), name);
        assertEquals(fromJson.files().stream().map(f -> Common.of(f, jsonServer.indexUrl())).toList(),
            fromFile.files().stream().map(f -> Common.of(f, fileBase)).toList(), name);
        // JSON pages (served or local) carry PEP 700 data; HTML has no place for it
        assertEquals(fromJson.files().stream().map(DistributionFile::uploadTime).toList(),
            fromFile.files().stream().map(DistributionFile::uploadTime).toList());
        assertTrue(fromHtml.files().stream().allMatch(f -> f.uploadTime() == null && f.size() == -1));
        for (int i = 0; i < fromJson.files().size(); i++) {
          if (fromJson.files().get(i).hasCoreMetadataFile()) {
            CoreMetadata a = json.metadata(fromJson.files().get(i)).join();
            assertEquals(a, html.metadata(fromHtml.files().get(i)).join());
            assertEquals(a, file.metadata(fromFile.files().get(i)).join());
            files++;
          }
        }
      }
      assertEquals(57, files); // wheels with a PEP 658 file in the snapshot's poetry data
      // Twisted-18.9.0.tar.bz2, hbmqtt-0.9.6-py3.8.egg, hbmqtt-0.9.6.linux-x86_64.tar.gz (a bdist_dumb)
      assertEquals(3, json.statistics().skippedFiles());
      assertEquals(3, html.statistics().skippedFiles());
      assertEquals(57, json.statistics().metadataFileRequests());
      assertEquals(0, json.statistics().rangeRequests() + json.statistics().wholeFileRequests());
    }
  }

  @Test
  void readsRealValuesOfTheSnapshot() throws Exception {
    try (SimpleIndexServer server = SimpleIndexServer.start(POETRY);
        PypiIndex index = IndexTesting.builder(server.indexUrl()).build()) {
      ProjectPage six = index.page(ProjectName.of("Six")).join();
      DistributionFile wheel = six.files().stream()
          .filter(f -> f.filename().equals("six-1.11.0-py2.py3-none-any.whl")).findFirst().orElseThrow();
      assertEquals(server.indexUrl() + "six/six-1.11.0-py2.py3-none-any.whl", wheel.url());
      assertEquals(Instant.parse("2017-09-17T18:46:53.702194Z"), wheel.uploadTime());
      assertEquals(10702, wheel.size());
      assertEquals(Map.of(), wheel.hashes());
      assertTrue(wheel.hasCoreMetadataFile());

      DistributionFile jupyter = index.page(ProjectName.of("jupyter")).join().files().stream()
          .filter(f -> f.filename().equals("jupyter-1.0.0-py2.py3-none-any.whl")).findFirst().orElseThrow();
      // a real pypi.org hash, from file-hashes.json
      assertEquals("5b290f93b98ffbc21c0c7e749f054b3267782166d72fa5e3ed1ed4eaf34a2b78", jupyter.sha256().orElseThrow());

      ProjectPage poetryCore = index.page(ProjectName.of("poetry_core")).join();
      assertTrue(poetryCore.files().stream().anyMatch(f -> ">=3.7,<4.0".equals(f.requiresPython())));

      // the page is parsed once per process
      index.page(ProjectName.of("six")).join();
      assertEquals(1, server.requestCount("/simple/six/"));
      assertEquals(ProjectPage.missing(ProjectName.of("nonexistent"), server.indexUrl()),
          index.page(ProjectName.of("nonexistent")).join());
    }
  }

  @Test
  void countsAndSkipsFilesThatAreNotDistributionsOfTheProject(@TempDir Path root) throws Exception {
    Path dir = Files.createDirectories(root.resolve("demo"));
    Files.writeString(dir.resolve("index.json"), """
        {"meta": {"api-version": "1.0"}, "name": "demo", "files": [
          {"filename": "demo-1.0.tar.gz", "url": "https://files.example/demo-1.0.tar.gz", "hashes": {}},
          {"filename": "demo-1.0.win32.exe", "url": "demo-1.0.win32.exe", "hashes": {}},
          {"filename": "other-1.0.tar.gz", "url": "other-1.0.tar.gz", "hashes": {}},
          {"filename": "demo-1.0-py3-none-any.whl", "url": "sub/demo-1.0-py3-none-any.whl",
           "hashes": {"SHA256": "ABCDABCDABCDABCDABCDABCDABCDABCDABCDABCDABCDABCDABCDABCDABCDABCD"}, "yanked": "broken", "dist-info-metadata": true}
        ]}
        """);
    try (SimpleIndexServer server = SimpleIndexServer.start(root);
        PypiIndex index = IndexTesting.builder(server.indexUrl()).build()) {
      List<DistributionFile> files = index.page(ProjectName.of("demo")).join().files();
      assertEquals(2, files.size());
      assertEquals("https://files.example/demo-1.0.tar.gz", files.get(0).url());
      assertEquals(server.indexUrl() + "demo/sub/demo-1.0-py3-none-any.whl", files.get(1).url());
      assertEquals(Map.of("sha256", "abcd".repeat(16)), files.get(1).hashes());
      assertEquals("broken", files.get(1).yanked());
      assertEquals(Map.of(), files.get(1).coreMetadataHashes());
      assertEquals(2, index.statistics().skippedFiles());
    }
  }

  @Test
  void readsAPlainDirectoryOfDistributionsLikeFindLinks(@TempDir Path dir) throws Exception {
    byte[] wheel = Dists.wheel("demo", "1.0", Dists.metadata("demo", "1.0", "six"), 10);
    byte[] sdist = Dists.sdistTarGz("demo-1.1", "Metadata-Version: 2.2\nName: demo\nVersion: 1.1\nRequires-Dist: attrs\n");
    Files.write(dir.resolve("demo-1.0-py3-none-any.whl"), wheel);
    Files.write(dir.resolve("demo-1.1.tar.gz"), sdist);
    Files.write(dir.resolve("other-1.0-py3-none-any.whl"), wheel);
    try (PypiIndex index = IndexTesting.builder().findLinks(dir).build()) {
      List<DistributionFile> files = index.page(ProjectName.of("demo")).join().files();
      assertEquals(List.of("demo-1.0-py3-none-any.whl", "demo-1.1.tar.gz"),
          files.stream().map(DistributionFile::filename).toList());
      assertEquals(MetadataFetcher.sha256(wheel), files.get(0).sha256().orElseThrow());
      assertEquals(sdist.length, files.get(1).size());
      assertEquals(List.of("six"), index.metadata(files.get(0)).join().requiresDist());
      CoreMetadata fromSdist = index.metadata(files.get(1)).join();
      assertEquals(List.of("attrs"), fromSdist.requiresDist());
      assertTrue(fromSdist.dependenciesAreStatic());
    }
  }
}
