package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.Resolver;

/** A failure that is nobody's input: exit 4, a short message, the trace only with --verbose. */
class UnexpectedFailureTest {

  @TempDir Path dir;

  static final Resolver BROKEN =
      new Resolver() {
        @Override
        public Resolution resolve(ResolutionRequest request) {
          throw new IllegalStateException("boom");
        }

        @Override
        public CompletableFuture<Resolution> resolveAsync(ResolutionRequest request) {
          return CompletableFuture.failedFuture(new IllegalStateException("boom"));
        }
      };

  String[] args(boolean verbose) {
    return verbose
        ? new String[] {"lock", "lib-c", "--index-url", dir.toString(), "--python-version", "3.12",
            "--cache-dir", dir.resolve("cache").toString(), "-o", "-", "--verbose"}
        : new String[] {"lock", "lib-c", "--index-url", dir.toString(), "--python-version", "3.12",
            "--cache-dir", dir.resolve("cache").toString(), "-o", "-"};
  }

  String run(boolean verbose, int[] code) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    CliContext context =
        new CliContext(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), stream,
            Map.of(), false, TargetDetector.NONE);
    code[0] = new Main(context, () -> BROKEN).run(args(verbose));
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBugExitsFourWithoutAStackTrace() {
    int[] code = new int[1];
    String err = run(false, code);
    assertEquals(4, code[0]);
    assertEquals(
        "error: unexpected failure: java.lang.IllegalStateException: boom\n"
            + "(this is a bug in pylock4j; run again with --verbose for the details)\n",
        err);
  }

  @Test
  void verboseAddsTheStackTrace() {
    int[] code = new int[1];
    String err = run(true, code);
    assertEquals(4, code[0]);
    assertTrue(err.startsWith("error: unexpected failure: java.lang.IllegalStateException: boom\n"));
    assertTrue(err.contains("\tat org.pylock4j.cli."), err);
  }
}
