package org.pylock4j.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PyTextTest {

  /** Expected values printed by python3.11 {@code repr()}. */
  @Test
  void reprQuotesAndEscapesAsPython() {
    assertEquals("'abc'", PyText.repr("abc"));
    assertEquals("\"it's\"", PyText.repr("it's"));
    assertEquals("'a\\'b\"c'", PyText.repr("a'b\"c"));
    assertEquals("'a\\\\b'", PyText.repr("a\\b"));
    assertEquals("'\\t\\n\\r\\x00\\x7f'", PyText.repr("\t\n\r\u0000\u007f"));
    assertEquals("'\u00e9\\xa0\\u200b\u2603'", PyText.repr("\u00e9\u00a0\u200b\u2603"));
    assertEquals("'\\U000e0001'", PyText.repr(new String(Character.toChars(0xE0001))));
  }

  @Test
  void stripRemovesPythonWhitespace() {
    assertEquals("a b", PyText.strip(" \t\u000b\u000c\u001c\u00a0\u3000a b\u0085\r\n"));
    assertEquals("\u200ba", PyText.strip("\u200ba"));
    assertEquals("", PyText.strip("   "));
  }
}
