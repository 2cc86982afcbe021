package org.pylock4j.version.dos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.InvalidSpecifierException;
import org.pylock4j.error.InvalidVersionException;
import org.pylock4j.version.SpecifierSet;
import org.pylock4j.version.Version;

/**
 * Hostile versions and specifiers: parsed in one pass (a number beyond the digit limit is refused
 * without converting it), never a stack overflow. The time bound only guards against a hang.
 */
class VersionDosTest {

  private static final Duration HANG = Duration.ofSeconds(60);

  @Test
  void aMillionDigitsAreRefusedNamingTheDigitLimit() {
    String digits = "1".repeat(1_000_000);
    InvalidVersionException e =
        assertThrows(
            InvalidVersionException.class,
            () -> assertTimeoutPreemptively(HANG, () -> Version.parse(digits)));
    assertEquals(
        "invalid version: '" + "1".repeat(200) + "'... (1000000 characters) (a number has more"
            + " than 4300 digits)",
        e.getMessage());
  }

  @Test
  void aMillionDigitsInASpecifierAreRefused() {
    String text = "==" + "1".repeat(1_000_000);
    InvalidSpecifierException e =
        assertThrows(
            InvalidSpecifierException.class,
            () -> assertTimeoutPreemptively(HANG, () -> SpecifierSet.parse(text)));
    assertTrue(e.getMessage().startsWith("invalid specifier: '==111"), e.getMessage());
  }

  @Test
  void numbersUpToTheDigitLimitStillCompare() {
    Version big = Version.parse("1".repeat(4300));
    Version bigger = Version.parse("2" + "0".repeat(4299));
    assertTrue(big.compareTo(bigger) < 0);
  }

  @Test
  void aHundredThousandSegmentsParseCompareAndPrint() {
    String text = "1" + ".0".repeat(99_999) + ".1";
    Version v = assertTimeoutPreemptively(HANG, () -> Version.parse(text));
    assertEquals(text, v.toString());
    assertTrue(v.compareTo(Version.parse("1")) > 0);
    assertTrue(SpecifierSet.parse(">=1").contains(v));
  }
}
