package org.pylock4j.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.error.InvalidVersionException;
import org.pylock4j.error.PylockException;

class VersionTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.0-RC1|1.0rc1",
        "V1.0|1.0",
        "1.0.ALPHA.2|1.0a2",
        "1.0-beta_3|1.0b3",
        "1.0c1|1.0rc1",
        "1.0pre|1.0rc0",
        "1.0preview2|1.0rc2",
        "1.0-1|1.0.post1",
        "1.0.rev2|1.0.post2",
        "1.0r|1.0.post0",
        "1.0-dev|1.0.dev0",
        "1.0a.|1.0a0",
        "01.002.0|1.2.0",
        "1!1.0+Ubuntu-01_X|1!1.0+ubuntu.1.x",
        "0!1.0|1.0",
        "'  1.0\t'|1.0",
      })
  void normalisesEverySpellingPep440Allows(String input, String normal) {
    assertEquals(normal, Version.parse(input).toString());
  }

  @Test
  void invalidVersionNamesTheInput() {
    InvalidVersionException e =
        assertThrows(InvalidVersionException.class, () -> Version.parse("foo"));
    assertEquals("invalid version: 'foo'", e.getMessage());
    assertEquals("foo", e.input());
    assertEquals(0, e.column());
    assertTrue(e instanceof InvalidInputException && e instanceof PylockException);
  }

  @Test
  void invalidVersionMessageQuotesAsPythonRepr() {
    assertEquals(
        "invalid version: \"1.0'\"",
        assertThrows(InvalidVersionException.class, () -> Version.parse("1.0'")).getMessage());
    assertEquals(
        "invalid version: '1.0\\n2'",
        assertThrows(InvalidVersionException.class, () -> Version.parse("1.0\n2")).getMessage());
    assertEquals(
        "invalid version: ''",
        assertThrows(InvalidVersionException.class, () -> Version.parse("")).getMessage());
  }

  /** {@code Version("1.0\xa0x")} and {@code Version("1.0\U000e0001")} in packaging 26.2. */
  @Test
  void invalidVersionMessageEscapesUnprintableCodePointsAsPythonRepr() {
    assertEquals(
        "invalid version: '1.0\\xa0x'",
        assertThrows(InvalidVersionException.class, () -> Version.parse("1.0\u00a0x"))
            .getMessage());
    assertEquals(
        "invalid version: '1.0\\U000e0001'",
        assertThrows(InvalidVersionException.class, () -> Version.parse("1.0\udb40\udc01"))
            .getMessage());
  }

  @Test
  void tryParseAndIsValidReportInvalidWithoutThrowing() {
    assertEquals(Optional.empty(), Version.tryParse("1.0.*"));
    assertFalse(Version.isValid("1..0"));
    assertTrue(Version.isValid("1.0"));
    assertEquals("2.0", Version.tryParse("2.0").orElseThrow().toString());
  }

  @Test
  void nullIsRejected() {
    assertThrows(NullPointerException.class, () -> Version.parse(null));
    assertThrows(NullPointerException.class, () -> Version.tryParse(null));
  }

  @Test
  void trailingZerosDoNotChangeEqualityButStayInTheNormalForm() {
    Version a = Version.parse("1.0");
    Version b = Version.parse("1.0.0");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(0, a.compareTo(b));
    assertEquals("1.0.0", b.toString());
    assertEquals(List.of(BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO), b.release());
    assertEquals(3, b.releaseLength());
  }

  @Test
  void ordersDevBeforePreBeforeFinalBeforePost() {
    List<String> sorted =
        List.of(
            "1.0.dev0", "1.0a1.dev1", "1.0a1", "1.0a2.post1", "1.0b1", "1.0rc1", "1.0",
            "1.0+abc", "1.0+abc.1", "1.0+1", "1.0+2", "1.0+10", "1.0.post1.dev1", "1.0.post1",
            "1.0.1", "1.1", "1!0.1");
    List<Version> versions = new ArrayList<>();
    for (int i = sorted.size() - 1; i >= 0; i--) {
      versions.add(Version.parse(sorted.get(i)));
    }
    versions.sort(null);
    assertEquals(sorted, versions.stream().map(Version::toString).toList());
  }

  @Test
  void numbersBeyondLongCompareNumerically() {
    Version big = Version.parse("1.99999999999999999999999");
    Version max = Version.parse("1.9223372036854775807");
    assertTrue(big.compareTo(max) > 0);
    assertTrue(max.compareTo(big) < 0);
    assertEquals(new BigInteger("99999999999999999999999"), big.release().get(1));
    assertEquals(big, Version.parse("1.099999999999999999999999.0"));
    assertEquals(big.hashCode(), Version.parse("1.099999999999999999999999.0").hashCode());
    assertEquals("18446744073709551616!1.0a18446744073709551616",
        Version.parse("18446744073709551616!1.0a18446744073709551616").toString());
  }

  @Test
  void accessorsGiveEachSegment() {
    Version v = Version.parse("1!2.0rc3.post4.dev5+local.7");
    assertEquals(BigInteger.ONE, v.epoch());
    assertEquals(List.of(BigInteger.TWO, BigInteger.ZERO), v.release());
    assertEquals(Optional.of(new Version.PreRelease("rc", BigInteger.valueOf(3))), v.pre());
    assertEquals(Optional.of(BigInteger.valueOf(4)), v.post());
    assertEquals(Optional.of(BigInteger.valueOf(5)), v.dev());
    assertEquals(Optional.of("local.7"), v.local());
    assertTrue(v.isPrerelease());
    assertTrue(v.isPostRelease());
    assertTrue(v.isDevRelease());
    assertTrue(v.isLocal());
    assertEquals("1!2.0rc3.post4.dev5", v.publicVersion().toString());
    assertEquals("1!2.0", v.baseVersion().toString());
  }

  @Test
  void plainReleaseHasNoSuffix() {
    Version v = Version.parse("3.11");
    assertEquals(BigInteger.ZERO, v.epoch());
    assertEquals(Optional.empty(), v.pre());
    assertEquals(Optional.empty(), v.post());
    assertEquals(Optional.empty(), v.dev());
    assertEquals(Optional.empty(), v.local());
    assertFalse(v.isPrerelease());
    assertSame(v, v.publicVersion());
    assertSame(v, v.baseVersion());
  }

  @Test
  void devReleaseIsAPrerelease() {
    assertTrue(Version.parse("1.0.dev1").isPrerelease());
    assertTrue(Version.parse("1.0.post1.dev1").isPrerelease());
    assertFalse(Version.parse("1.0.post1").isPrerelease());
  }

  @Test
  void localLabelsCompareAsPackagingDoes() {
    assertTrue(Version.parse("1.0+a").compareTo(Version.parse("1.0+1")) < 0);
    assertTrue(Version.parse("1.0+9").compareTo(Version.parse("1.0+10")) < 0);
    assertTrue(Version.parse("1.0+1").compareTo(Version.parse("1.0+1.a")) < 0);
    assertEquals(Version.parse("1.0+01.A"), Version.parse("1.0+1-a"));
    assertNotEquals(Version.parse("1.0+1"), Version.parse("1.0"));
  }

  @Test
  void veryLongInputsParseWithoutOverflow() {
    String release = "1" + ".2".repeat(50_000);
    assertEquals(50_001, Version.parse(release).releaseLength());
    String digits = "9".repeat(4_300);
    assertEquals(new BigInteger(digits), Version.parse(digits).release().get(0));
    assertFalse(Version.isValid("1" + ".".repeat(100_000)));
  }

  @Test
  void numbersOfMoreThan4300DigitsAreRefusedAsPythonRefusesThem() {
    String digits = "0" + "9".repeat(4_300);
    InvalidVersionException e =
        assertThrows(InvalidVersionException.class, () -> Version.parse("1.0+" + digits));
    assertEquals(
        "invalid version: '1.0+" + digits.substring(0, 196) + "'... (4305 characters) (a number"
            + " has more than 4300 digits)",
        e.getMessage());
    assertEquals("1.0+" + digits, e.input());
    assertTrue(Version.isValid("1.0+a" + digits)); // a letter makes it a string segment
    assertFalse(Version.isValid("1.0.post" + digits));
    assertFalse(Version.isValid(digits + "!1"));
  }
}
