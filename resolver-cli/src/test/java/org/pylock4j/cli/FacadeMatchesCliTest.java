package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.locker.LockRequest;
import org.pylock4j.locker.LockResult;
import org.pylock4j.locker.Locker;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.resolve.TargetEnvironment;

/**
 * A Java program using only the facade writes the same bytes as the command, for the README's
 * main command ({@code ./pylock4j lock -r examples/reports/requirements.in --index-url
 * examples/reports/index --python-version 3.12 --python-platform linux -o pylock.toml}), run in
 * a checkout of the example; and the lock is the same in every checkout.
 */
class FacadeMatchesCliTest {

  @TempDir Path dir;

  /** A checkout at {@code root}: examples/reports with its index. */
  static Path checkout(Path root) throws IOException {
    VerifyAndWhyTest.copy(ExampleTest.EXAMPLES.resolve("reports"),
        root.resolve("examples/reports"));
    return root;
  }

  static byte[] viaCli(Path root) throws IOException {
    Cli.Result r = Cli.run("lock",
        "-r", root.resolve("examples/reports/requirements.in").toString(),
        "--index-url", root.resolve("examples/reports/index").toString(),
        "--python-version", "3.12", "--python-platform", "linux",
        "-o", root.resolve("pylock.toml").toString(),
        "--cache-dir", root.resolve("cache").toString());
    assertEquals(0, r.code(), r.toString());
    return Files.readAllBytes(root.resolve("pylock.toml"));
  }

  static byte[] viaFacade(Path root) {
    try (Locker locker = Locker.builder().build()) {
      LockResult result = locker.lock(LockRequest.builder()
          .requirementsFile(root.resolve("examples/reports/requirements.in"))
          .indexUrl(root.resolve("examples/reports/index").toString())
          .target(TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64))
          .output(root.resolve("pylock.toml"))
          .cacheDirectory(root.resolve("cache-facade"))
          .build());
      return result.bytes();
    }
  }

  @Test
  void theFacadeWritesTheCommandsBytesForTheReadmeMainCommand() throws IOException {
    Path root = checkout(dir.resolve("a"));
    byte[] cli = viaCli(root);
    byte[] facade = viaFacade(root);
    assertArrayEquals(cli, facade,
        new String(cli, StandardCharsets.UTF_8) + "\n---\n" + new String(facade, StandardCharsets.UTF_8));
  }

  @Test
  void aLockOfAnIndexUnderItsDirectoryIsTheSameInEveryCheckout() throws IOException {
    byte[] a = viaCli(checkout(dir.resolve("a")));
    byte[] b = viaCli(checkout(dir.resolve("elsewhere/b")));
    assertArrayEquals(a, b);
    String text = new String(a, StandardCharsets.UTF_8);
    assertTrue(text.contains("\npath = \"examples/reports/index/jinja2/jinja2-3.1.6-py3-none-any.whl\"\n"), text);
    assertTrue(text.contains("\nindex = \"examples/reports/index/\"\n"), text);
    assertTrue(text.contains("\ninputs = [\"examples/reports/requirements.in\"]\n"), text);
    assertTrue(!text.contains(dir.toString()), text);
    Path moved = dir.resolve("elsewhere/b/pylock.toml");
    Cli.Result verify = Cli.run("verify", moved.toString(), "--cache-dir", dir.resolve("c").toString());
    assertEquals(0, verify.code(), verify.toString());
  }
}
