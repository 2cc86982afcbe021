package org.pylock4j.metadata;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.InvalidMetadataException;
import org.pylock4j.internal.PyStrings;

/**
 * Seeded random mutations of real inputs: the parsers either succeed or throw {@link
 * InvalidMetadataException}, nothing else.
 */
class MetadataFuzzTest {

  private static final String ALPHABET = "-_.:+!aZ09 \t\n\r\\'\"/\u00e9\u0661\u200b\uFEFF";

  @Test
  void filenameParsersOnlyThrowInvalidMetadata() {
    Random random = new Random(427);
    List<String> seeds = Tables.rows("wheel-filenames.tsv").stream().map(r -> r.get(0)).toList();
    List<String> sdists = Tables.rows("sdist-filenames.tsv").stream().map(r -> r.get(0)).toList();
    for (int i = 0; i < 10_000; i++) {
      check(mutate(seeds.get(random.nextInt(seeds.size())), random), WheelFilename::parse);
      check(mutate(sdists.get(random.nextInt(sdists.size())), random), SdistFilename::parse);
      check(mutate("cp312-cp312-manylinux_2_17_x86_64", random), Tag::parse);
      check(mutate("py2.py3-none-any", random), Tag::parseAll);
    }
  }

  @Test
  void coreMetadataParserOnlyThrowsInvalidMetadata() {
    Random random = new Random(643);
    String seed = Tables.resource("core-metadata/packaging-26.2.dist-info.METADATA")
        .substring(0, 1500);
    for (int i = 0; i < 2_000; i++) {
      String text = seed;
      for (int edits = random.nextInt(20); edits >= 0; edits--) {
        text = mutate(text, random);
      }
      check(text, CoreMetadata::parse);
    }
  }

  private static String mutate(String text, Random random) {
    int pos = random.nextInt(text.length() + 1);
    String c = String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    return switch (random.nextInt(3)) {
      case 0 -> text.substring(0, pos) + c + text.substring(pos);
      case 1 -> pos < text.length() ? text.substring(0, pos) + text.substring(pos + 1) : text;
      default -> pos < text.length() ? text.substring(0, pos) + c + text.substring(pos + 1) : text;
    };
  }

  private static void check(String input, Consumer<String> parser) {
    try {
      parser.accept(input);
    } catch (InvalidMetadataException expected) {
      // fine
    } catch (RuntimeException | StackOverflowError e) {
      fail("input " + PyStrings.repr(input) + " threw " + e, e);
    }
  }
}
