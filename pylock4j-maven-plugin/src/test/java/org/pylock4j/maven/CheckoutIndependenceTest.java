package org.pylock4j.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same project checked out at two paths locks to the same bytes through the goals, and a lock
 * made in one checkout verifies in the other. Maven hands every {@code File} parameter over as an
 * absolute path ({@code <requirementsFile>}, {@code <pyproject>}, {@code <constraintsFile>},
 * {@code <output>}), and {@code <indexUrl>} here is a directory of the project given absolute.
 */
class CheckoutIndependenceTest {

  static final Path EXAMPLE_INDEX = Path.of("..", "examples", "reports", "index");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"requirements.txt", "pylock.toml"})
  void twoCheckoutsLockToTheSameBytesAndVerifyEachOther(String output) throws Exception {
    Path alice = checkout(dir.resolve("home/alice/proj"));
    Path bob = checkout(dir.resolve("work/bob/src/other-name"));

    byte[] a = lock(alice, output);
    byte[] b = lock(bob, output);
    String text = new String(a, StandardCharsets.UTF_8);
    assertFalse(text.contains(dir.toString()), "the lock names a checkout path:\n" + text);
    assertTrue(text.contains("requirements.in"), text);
    assertArrayEquals(a, b, "alice's lock:\n" + text + "\nbob's lock:\n"
        + new String(b, StandardCharsets.UTF_8));

    // alice commits her lock; bob's checkout verifies it (and the lock goal leaves it alone)
    Files.write(bob.resolve(output), a);
    mojo(new VerifyMojo(), bob, output).execute();
    assertArrayEquals(a, lock(bob, output));
  }

  @org.junit.jupiter.api.Test
  void aLimitsMessageNamesItsParameter() throws Exception {
    Path project = checkout(dir.resolve("limits"));
    LockMojo small = mojo(new LockMojo(), project, "requirements.txt");
    small.maxInputBytes = 4L;
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, small::execute);
    assertTrue(e.getMessage().contains("maxInputBytes"), e.getMessage());

    LockMojo page = mojo(new LockMojo(), project, "requirements.txt");
    page.maxPageBytes = 10L;
    e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, page::execute);
    assertTrue(e.getMessage().contains("<maxPageBytes>"), e.getMessage());

    LockMojo timeout = mojo(new LockMojo(), project, "requirements.txt");
    timeout.requestTimeout = 0L;
    e = org.junit.jupiter.api.Assertions.assertThrows(
        org.apache.maven.plugin.MojoFailureException.class, timeout::execute);
    assertTrue(e.getMessage().contains("<requestTimeout>"), e.getMessage());
    assertFalse(Files.exists(project.resolve("requirements.txt")), "a failed run wrote a lock");
  }

  /** A copy of the sample project: three inputs and a local index, under {@code root}. */
  static Path checkout(Path root) throws IOException {
    Files.createDirectories(root);
    Files.writeString(root.resolve("requirements.in"), "jinja2>=3.1\n");
    Files.writeString(root.resolve("constraints.txt"), "six<2\n");
    Files.writeString(root.resolve("pyproject.toml"), """
        [project]
        name = "sample"
        version = "1.0"
        dependencies = ["python-dateutil>=2.8"]
        """);
    Path index = root.resolve("index");
    try (Stream<Path> files = Files.walk(EXAMPLE_INDEX)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path to = index.resolve(EXAMPLE_INDEX.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return root;
  }

  byte[] lock(Path project, String output) throws Exception {
    mojo(new LockMojo(), project, output).execute();
    return Files.readAllBytes(project.resolve(output));
  }

  /** The goal configured as Maven configures it: every path absolute. */
  <T extends AbstractPylockMojo> T mojo(T mojo, Path project, String output) {
    Path base = project.toAbsolutePath();
    MavenProject p = new MavenProject();
    p.setFile(base.resolve("pom.xml").toFile());
    mojo.project = p;
    mojo.session = new MavenSession(null, null, new DefaultMavenExecutionRequest(),
        new DefaultMavenExecutionResult());
    mojo.requirementsFile = file(base, "requirements.in");
    mojo.pyproject = file(base, "pyproject.toml");
    mojo.constraintsFile = file(base, "constraints.txt");
    mojo.indexUrl = base.resolve("index").toString();
    mojo.pythonVersion = "3.12";
    mojo.output = file(base, output);
    mojo.cacheDirectory = dir.resolve("cache").toFile();
    return mojo;
  }

  static File file(Path base, String name) {
    return base.resolve(name).toFile();
  }
}
