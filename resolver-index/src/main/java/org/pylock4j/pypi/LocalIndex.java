package org.pylock4j.pypi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pylock4j.internal.Failures;
import org.pylock4j.error.IndexException;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.ProjectPage;
import org.pylock4j.version.Version;

/**
 * A {@code file://} index: either a directory in the static Simple layout
 * ({@code <root>/<normalized-name>/index.json} or {@code index.html}, see tools/README.md), or a
 * plain directory of wheels and sdists like pip's {@code --find-links} (then hashes and sizes are
 * computed from the files).
 */
final class LocalIndex {

  private final Path root;
  private final String url;
  private final boolean flat;
  private final PageParser parser;
  private final long maxPageBytes;
  private final String pageLimit;

  LocalIndex(Path root, String url, boolean flat, PageParser parser, long maxPageBytes, String pageLimit) {
    this.root = root;
    this.url = url;
    this.flat = flat;
    this.parser = parser;
    this.maxPageBytes = maxPageBytes;
    this.pageLimit = pageLimit;
  }

  /** Whether {@code root} looks like a flat directory of distributions (no Simple layout). */
  static boolean isFlat(Path root) {
    if (Files.isRegularFile(root.resolve("index.html")) || Files.isRegularFile(root.resolve("index.json"))) {
      return false;
    }
    try (Stream<Path> children = Files.list(root)) {
      return children.noneMatch(child -> Files.isDirectory(child)
          && (Files.isRegularFile(child.resolve("index.json")) || Files.isRegularFile(child.resolve("index.html"))));
    } catch (IOException e) {
      return true;
    }
  }

  /** The page of {@code project} and the number of files skipped. */
  PageParser.Parsed page(ProjectName project) {
    return flat ? flatPage(project) : simplePage(project);
  }

  private PageParser.Parsed simplePage(ProjectName project) {
    Path dir = root.resolve(project.normalized());
    Path json = dir.resolve("index.json");
    Path html = dir.resolve("index.html");
    try {
      if (Files.isRegularFile(json)) {
        return parser.parseJson(project, json.toUri().toString(), readPage(json));
      }
      if (Files.isRegularFile(html)) {
        return parser.parseHtml(project, html.toUri().toString(), readPage(html));
      }
    } catch (IOException e) {
      throw new IndexException("cannot read the page of " + project + " under " + url + ": " + Failures.describe(e),
          dir.toUri().toString(), 0, null);
    }
    return new PageParser.Parsed(List.of(), 0);
  }

  private byte[] readPage(Path page) throws IOException {
    long size = Files.size(page);
    if (size > maxPageBytes) {
      String pageUrl = page.toUri().toString();
      throw new IndexException(pageUrl + " is larger (" + size + " bytes) than the maximum allowed ("
          + maxPageBytes + " bytes, from " + pageLimit + ")", pageUrl, 0, null);
    }
    return Files.readAllBytes(page);
  }

  private PageParser.Parsed flatPage(ProjectName project) {
    List<DistributionFile> files = new ArrayList<>();
    List<Path> paths;
    try (Stream<Path> children = Files.list(root)) {
      paths = children.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new IndexException("cannot list " + url + ": " + Failures.describe(e), url, 0, null);
    }
    for (Path path : paths) {
      String filename = path.getFileName().toString();
      Version version = PageParser.versionOf(project, filename);
      if (version == null) {
        continue; // another project's file, or not a distribution
      }
      try {
        Path provenance = path.resolveSibling(filename + ".provenance");
        files.add(new DistributionFile(project, version, filename, path.toUri().toString(),
            Map.of("sha256", sha256(path)), null, null, null, Files.size(path), null,
            Files.isRegularFile(provenance) ? provenance.toUri().toString() : null));
      } catch (IOException e) {
        throw new IndexException("cannot read " + path.toUri() + ": " + Failures.describe(e), path.toUri().toString(), 0, null);
      }
    }
    return new PageParser.Parsed(files, 0);
  }

  ProjectPage toPage(ProjectName project, List<DistributionFile> files) {
    return new ProjectPage(project, url, files);
  }

  private static String sha256(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return org.pylock4j.internal.Digests.sha256(in);
    }
  }
}
