package org.pylock4j.lock.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pylock4j.lock.InvalidLockFileException;
import org.pylock4j.lock.LockFiles;

/**
 * Mutates the golden lock files at random (fixed seeds) and checks that the readers either read
 * the result or reject it with an {@link InvalidLockFileException} that has a reason: never
 * another exception, never a hang.
 */
class LockReaderFuzzTest {

  private static final int ROUNDS = 1000;
  private static final String ALPHABET = "\"'[]{}=,.#\n \\-_:0123456789abcdefxyzZT";

  private static String resource(String name) throws IOException {
    try (InputStream in = LockReaderFuzzTest.class.getResourceAsStream("/lock/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String mutate(String text, Random random) {
    StringBuilder b = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && b.length() > 0; i++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(5)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 2 -> b.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 3 -> b.delete(at, Math.min(b.length(), at + random.nextInt(40)));
        default -> {
          List<String> lines = new ArrayList<>(Arrays.asList(b.toString().split("\n", -1)));
          int line = random.nextInt(lines.size());
          lines.add(random.nextInt(lines.size()), lines.get(line));
          b.setLength(0);
          b.append(String.join("\n", lines));
        }
      }
    }
    return b.toString();
  }

  private static int fuzz(String seedText, long seed, Consumer<String> reader) {
    Random random = new Random(seed);
    int rejected = 0;
    for (int i = 0; i < ROUNDS; i++) {
      String input = mutate(seedText, random);
      try {
        reader.accept(input);
      } catch (InvalidLockFileException e) {
        if (e.reason().isBlank()) {
          fail("empty reason for input:\n" + input);
        }
        rejected++;
      } catch (RuntimeException e) {
        throw new AssertionError("unexpected " + e + " for input:\n" + input, e);
      }
    }
    return rejected;
  }

  @Test
  void pylockReaderOnlyEverThrowsInvalidLockFile() throws IOException {
    int rejected = fuzz(resource("sample.pylock.toml"), 751L,
        text -> LockFiles.readPylock(text, "pylock.toml"));
    assertEquals(true, rejected > ROUNDS / 4, "most mutations should be rejected: " + rejected);
  }

  @Test
  void requirementsReaderOnlyEverThrowsInvalidLockFile() throws IOException {
    int rejected = fuzz(resource("sample.requirements.txt"), 508L,
        text -> LockFiles.readRequirementsTxt(text, "requirements.txt"));
    assertEquals(true, rejected > ROUNDS / 10, "some mutations should be rejected: " + rejected);
  }
}
