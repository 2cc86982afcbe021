package org.pylock4j.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.IndexException;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

class InMemoryPackageSourceTest {

  @Test
  void versionAddsAPurePythonWheelWithItsMetadata() {
    InMemoryPackageSource source = InMemoryPackageSource.builder()
        .version("Foo_Bar", "1.0", "six>=1", "pytest; extra == 'test'")
        .build();
    ProjectPage page = source.page(ProjectName.of("foo-bar")).join();
    assertEquals(InMemoryPackageSource.DEFAULT_INDEX, page.index());
    DistributionFile file = page.files().get(0);
    assertEquals("foo_bar-1.0-py3-none-any.whl", file.filename());
    assertEquals("https://pypi.org/simple/foo-bar/foo_bar-1.0-py3-none-any.whl", file.url());
    assertEquals(Version.parse("1.0"), file.version());
    CoreMetadata metadata = source.metadata(file).join();
    assertEquals(List.of("six>=1", "pytest; extra == 'test'"), metadata.requiresDist());
    assertEquals(List.of("test"), metadata.providesExtra());
  }

  @Test
  void unknownProjectIsAMissingPageAndUnknownFileFailsWith404() {
    InMemoryPackageSource source = InMemoryPackageSource.builder().index("https://x.test/simple/")
        .build();
    assertEquals(ProjectPage.missing(ProjectName.of("nope"), "https://x.test/simple/"),
        source.page(ProjectName.of("nope")).join());
    DistributionFile file = new DistributionFile(ProjectName.of("nope"), Version.parse("1"),
        "nope-1-py3-none-any.whl", "https://x.test/nope-1-py3-none-any.whl", Map.of(), null, null,
        null, -1, null);
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> source.metadata(file).get());
    IndexException cause = assertInstanceOf(IndexException.class, e.getCause());
    assertEquals(404, cause.status().orElseThrow());
  }

  @Test
  void projectsKeepTheirIndexAndFuturesCompleteOnTheExecutor() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      InMemoryPackageSource source = InMemoryPackageSource.builder()
          .project(ProjectName.of("private"), "https://corp.test/simple/")
          .version("private", "2.0")
          .executor(executor)
          .build();
      CompletableFuture<ProjectPage> page = source.page(ProjectName.of("private"));
      assertEquals("https://corp.test/simple/", page.get().index());
      assertTrue(page.get().files().get(0).url().startsWith("https://corp.test/simple/private/"));
      assertThrows(IllegalStateException.class, () -> InMemoryPackageSource.builder()
          .project(ProjectName.of("a"), "https://one.test/").project(ProjectName.of("a"),
              "https://two.test/"));
    } finally {
      executor.shutdownNow();
    }
  }
}
