package org.pylock4j.version.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.InvalidSpecifierException;
import org.pylock4j.error.InvalidVersionException;
import org.pylock4j.version.Specifier;
import org.pylock4j.version.SpecifierSet;
import org.pylock4j.version.Version;

/**
 * Random and mutated inputs never make the parsers throw anything but their documented
 * exception, and whatever parses prints a normal form that parses back to the same value.
 */
class VersionFuzzTest {

  private static final String[] SEEDS = {
    "1.0", "1!2.0rc1.post2.dev3+local.4", "v1.0-RC1", "1.0-1", "2.2.post3", "==1.0.*",
    "~=2.2", ">=1.0, <2, !=1.3.*", "===foo", "<1.7rc1", ">1.7.post1", "==1.0+ubuntu-1",
    "99999999999999999999.1a99999999999999999999",
  };
  private static final String ALPHABET =
      "0123456789.-_!+*vVaAbBcCrRpPeEoOsStTdDlLxX ~=<>,;()\t\n\\'\"";
  private static final char[] ODD = {
    '\u0000', '\u00a0', '\u017f', '\u0131', '\u0130', '\u212a', '\u3000', '\u0661', '\uff11',
    '\ud83d', '\ude00', '\ufeff', '\u2028', '\uffff',
  };

  private static String randomText(Random r) {
    if (r.nextInt(3) == 0) {
      return mutate(r, SEEDS[r.nextInt(SEEDS.length)]);
    }
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(20);
    for (int i = 0; i < n; i++) {
      sb.append(r.nextInt(10) == 0 ? ODD[r.nextInt(ODD.length)]
          : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  private static String mutate(Random r, String s) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + r.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = sb.length() == 0 ? 0 : r.nextInt(sb.length() + 1);
      char c = r.nextInt(5) == 0 ? ODD[r.nextInt(ODD.length)]
          : ALPHABET.charAt(r.nextInt(ALPHABET.length()));
      switch (r.nextInt(3)) {
        case 0 -> sb.insert(at, c);
        case 1 -> {
          if (at < sb.length()) {
            sb.deleteCharAt(at);
          }
        }
        default -> {
          if (at < sb.length()) {
            sb.setCharAt(at, c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static <T> void check(
      long seed, Class<? extends RuntimeException> allowed, Function<String, T> parse) {
    Random r = new Random(seed);
    for (int i = 0; i < 10_000; i++) {
      String text = randomText(r);
      T value;
      try {
        value = parse.apply(text);
      } catch (RuntimeException e) {
        if (!allowed.isInstance(e)) {
          fail("unexpected " + e + " for " + escape(text), e);
        }
        continue;
      }
      T again = parse.apply(value.toString());
      assertEquals(value, again, () -> "round trip of " + escape(text));
      assertEquals(value.toString(), again.toString(), () -> "normal form of " + escape(text));
      assertEquals(value.hashCode(), again.hashCode(), () -> "hash of " + escape(text));
    }
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return sb.append('"').toString();
  }

  @Test
  void versionParserOnlyThrowsInvalidVersion() {
    check(1, InvalidVersionException.class, Version::parse);
  }

  @Test
  void specifierParserOnlyThrowsInvalidSpecifier() {
    check(2, InvalidSpecifierException.class, Specifier::parse);
  }

  @Test
  void specifierSetParserOnlyThrowsInvalidSpecifier() {
    check(3, InvalidSpecifierException.class, SpecifierSet::parse);
  }

  @Test
  void containsNeverThrowsOnParsedInputs() {
    Random r = new Random(4);
    Version[] probes = {
      Version.parse("1.0"), Version.parse("1.0a1"), Version.parse("1!2.0+x"),
      Version.parse("99999999999999999999.0.post1.dev2"), Version.parse("0.dev0"),
    };
    int parsed = 0;
    for (int i = 0; i < 10_000; i++) {
      SpecifierSet s;
      try {
        s = SpecifierSet.parse(randomText(r));
      } catch (InvalidSpecifierException e) {
        continue;
      }
      parsed++;
      for (Version v : probes) {
        s.contains(v);
        s.contains(v, false);
      }
      s.filter(java.util.List.of(probes));
    }
    if (parsed < 100) {
      fail("too few inputs parsed to exercise contains: " + parsed);
    }
  }
}
