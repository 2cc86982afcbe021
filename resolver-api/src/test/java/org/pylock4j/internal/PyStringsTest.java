package org.pylock4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected values are what python3 printed for the same input. */
class PyStringsTest {

  /** {@code [c for c in range(0x110000) if chr(c).isspace()]}. */
  private static final int[] PYTHON_SPACES = {
    0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001,
    0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f,
    0x205f, 0x3000
  };

  @Test
  void isSpaceIsExactlyPythonsIsspaceOverAllCodePoints() {
    List<Integer> actual = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (PyStrings.isSpace(cp)) {
        actual.add(cp);
      }
    }
    List<Integer> expected = new ArrayList<>();
    for (int cp : PYTHON_SPACES) {
      expected.add(cp);
    }
    assertEquals(expected, actual);
  }

  @Test
  void spaceClassMatchesWhatIsSpaceAccepts() {
    Matcher m = Pattern.compile(PyStrings.SPACE_CLASS).matcher("");
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      int c = cp;
      boolean matches = m.reset(new String(Character.toChars(cp))).matches();
      assertEquals(PyStrings.isSpace(cp), matches, () -> "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void containsSpaceFindsAnyPythonWhitespace() {
    assertTrue(PyStrings.containsSpace("1.0\u20002"));
    assertTrue(PyStrings.containsSpace("\u0085"));
    assertFalse(PyStrings.containsSpace("1.0\u200b2"));
    assertFalse(PyStrings.containsSpace(""));
  }

  @Test
  void stripRemovesPythonWhitespace() {
    assertEquals("a b", PyStrings.strip(" \t\u000b\u000c\u001c\u00a0\u3000a b\u0085\r\n"));
    assertEquals("\u200ba", PyStrings.strip("\u200ba"));
    assertEquals("", PyStrings.strip("   "));
    assertEquals("\ud83d\ude00", PyStrings.strip("\u2028\ud83d\ude00\u2029"));
    String clean = "a b";
    assertSame(clean, PyStrings.strip(clean));
  }

  @ParameterizedTest
  @ValueSource(strings = {"_", "a", "\u00e9", "\u0663", "\u00b2", "\u216b", "\ud835\udfce"})
  void wordCharsAreAlphanumericsAndUnderscore(String c) {
    assertTrue(PyStrings.isWordChar(c.codePointAt(0)), c);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-", ".", " ", "\u0301", "\ud83d\ude00"})
  void otherCharsAreNotWordChars(String c) {
    assertFalse(PyStrings.isWordChar(c.codePointAt(0)), c);
  }

  /** Python's {@code sorted} of U+FFFF, U+10000, 'a' and U+D800: by code point. */
  @Test
  void compareOrdersByCodePointNotUtf16Unit() {
    List<String> sorted = new ArrayList<>(List.of("\uffff", "\ud800\udc00", "a", "\ud800"));
    sorted.sort(PyStrings::compare);
    assertEquals(List.of("a", "\ud800", "\uffff", "\ud800\udc00"), sorted);
    assertTrue(PyStrings.compare("ab", "abc") < 0);
    assertEquals(0, PyStrings.compare("\ud83d\ude00", "\ud83d\ude00"));
    assertTrue(PyStrings.compare("\ud83d\ude01", "\ud83d\ude00") > 0);
  }

  @Test
  void reprQuotesAndEscapesAsPython() {
    assertEquals("'abc'", PyStrings.repr("abc"));
    assertEquals("\"it's\"", PyStrings.repr("it's"));
    assertEquals("'a\\'b\"c'", PyStrings.repr("a'b\"c"));
    assertEquals("'a\\\\b'", PyStrings.repr("a\\b"));
    assertEquals("'\\t\\n\\r\\x00\\x7f'", PyStrings.repr("\t\n\r\u0000\u007f"));
    assertEquals("'\u00e9\\xa0\\u200b\u2603'", PyStrings.repr("\u00e9\u00a0\u200b\u2603"));
    assertEquals("' \\u3000\\xad'", PyStrings.repr(" \u3000\u00ad"));
  }

  @Test
  void reprWorksOnCodePoints() {
    assertEquals("'\\U000e0001'", PyStrings.repr(new String(Character.toChars(0xE0001))));
    assertEquals("'\ud83d\ude00'", PyStrings.repr("\ud83d\ude00"));
    assertEquals("'\\ud800'", PyStrings.repr("\ud800"));
  }

  @Test
  void literalEvalDecodesPythonEscapes() {
    assertEquals("a\tb", PyStrings.literalEval("'a\\tb'"));
    assertEquals(
        "A\u00e9\ud83d\ude00A\u2022",
        PyStrings.literalEval("'\\x41\\u00e9\\U0001F600\\101\\N{BULLET}'"));
    assertEquals("\\q", PyStrings.literalEval("'\\q'"));
    assertEquals("", PyStrings.literalEval("'\\\n'"));
    assertEquals("it's", PyStrings.literalEval("\"it's\""));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "'\\x4'|truncated \\xXX escape",
        "'\\U00110000'|illegal Unicode character",
        "'\\N{NO SUCH}'|unknown Unicode character name",
        "'a\\'|unterminated string literal",
        "'a\rb'|unterminated string literal",
      })
  void literalEvalGivesPythonsReason(String literal, String reason) {
    assertEquals(
        reason,
        assertThrows(IllegalArgumentException.class, () -> PyStrings.literalEval(literal))
            .getMessage());
  }

  @Test
  void literalEvalRejectsNullBytes() {
    assertEquals(
        "source code string cannot contain null bytes",
        assertThrows(IllegalArgumentException.class, () -> PyStrings.literalEval("'a\0'"))
            .getMessage());
  }
}
