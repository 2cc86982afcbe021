package org.pylock4j.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pylock4j.error.InvalidMetadataException;

class CoreMetadataTest {

  private static final String HEAD = "Metadata-Version: 2.1\nName: foo\nVersion: 1.0\n";

  @Test
  void readsTheFieldsResolutionNeeds() {
    CoreMetadata m = CoreMetadata.parse("""
        Metadata-Version: 2.4
        Name: Foo.Bar
        Version: 1.0rc1
        Summary: A thing
        Requires-Python: >=3.9
        Provides-Extra: test
        Requires-Dist: requests>=2
        Requires-Dist: pytest ; extra == "test"
        Dynamic: License

        Requires-Dist: not-this-one (it is in the description)
        """);
    assertEquals("2.4", m.metadataVersion());
    assertEquals("Foo.Bar", m.name());
    assertEquals("1.0rc1", m.version());
    assertEquals(">=3.9", m.requiresPython());
    assertEquals(List.of("requests>=2", "pytest ; extra == \"test\""), m.requiresDist());
    assertEquals(List.of("test"), m.providesExtra());
    assertEquals(List.of("license"), m.dynamic());
    assertEquals(List.of("test"), m.extras());
  }

  @Test
  void extrasAreComparedNormalised() {
    CoreMetadata m = CoreMetadata.parse(HEAD + "Provides-Extra: Dev_Tools\n"
        + "Provides-Extra: dev.tools\nProvides-Extra: docs\n");
    assertEquals(List.of("Dev_Tools", "dev.tools", "docs"), m.providesExtra());
    assertEquals(List.of("dev-tools", "docs"), m.extras());
  }

  @Test
  void fieldNamesAreCaseInsensitiveAndRepeatedFieldsKeepTheirOrder() {
    CoreMetadata m = CoreMetadata.parse(
        "metadata-version: 2.1\nNAME: foo\nversion: 1\nrequires-dist: b\nREQUIRES-DIST: a\n"
            + "Requires-Dist: c\n");
    assertEquals(List.of("b", "a", "c"), m.requiresDist());
  }

  @Test
  void continuationLinesBelongToTheFieldAbove() {
    CoreMetadata m = CoreMetadata.parse(HEAD + "Summary: one\n  two\nRequires-Dist: a\n"
        + "\t; python_version < '3'\nRequires-Dist: b\n");
    assertEquals(List.of("a\n\t; python_version < '3'", "b"), m.requiresDist());
  }

  @Test
  void multiLineDescriptionHeaderDoesNotHideLaterFields() {
    CoreMetadata m = CoreMetadata.parse(HEAD + "Description: first\n        |\n"
        + "        |Requires-Dist: inside-description\nRequires-Dist: real\n");
    assertEquals(List.of("real"), m.requiresDist());
  }

  @ParameterizedTest
  @CsvSource({"\\n", "\\r\\n", "\\r"})
  void acceptsEveryLineEnding(String escaped) {
    String nl = Tables.unescape(escaped);
    CoreMetadata m = CoreMetadata.parse(String.join(nl, "Metadata-Version: 2.1", "Name: foo",
        "Version: 1.0", "Requires-Dist: a", "", "Requires-Dist: body"));
    assertEquals(List.of("a"), m.requiresDist());
  }

  @Test
  void valuesAreTrimmedAndEmptyListEntriesDropped() {
    CoreMetadata m = CoreMetadata.parse("Metadata-Version:2.2\nName:\tfoo  \nVersion:   1.0\n"
        + "Requires-Dist:\nRequires-Dist:  a >= 1  \nProvides-Extra: \nRequires-Python:  \n"
        + "Dynamic: \nDynamic:  Requires-Dist \n");
    assertEquals("foo", m.name());
    assertEquals("1.0", m.version());
    assertEquals(List.of("a >= 1"), m.requiresDist());
    assertEquals(List.of(), m.providesExtra());
    assertNull(m.requiresPython());
    assertEquals(List.of("requires-dist"), m.dynamic());
  }

  @Test
  void legacyRequiresIsNotRequiresDist() {
    CoreMetadata m = CoreMetadata.parse(
        "Metadata-Version: 1.1\nName: old\nVersion: 0.1\nRequires: other (>1.0)\n");
    assertEquals(List.of(), m.requiresDist());
  }

  @Test
  void headerBlockEndsAtALineThatIsNoField() {
    CoreMetadata m = CoreMetadata.parse(HEAD + "Requires-Dist: a\nnot a header\n"
        + "Requires-Dist: b\n");
    assertEquals(List.of("a"), m.requiresDist());
  }

  @Test
  void envelopeFromLinesAndNamelessFieldsAreSkipped() {
    CoreMetadata m = CoreMetadata.parse("From someone\n" + HEAD + ": nameless\nFrom x\n"
        + "Requires-Dist: a\n");
    assertEquals(List.of("a"), m.requiresDist());
  }

  @Test
  void missingFieldsAreNamed() {
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
        () -> CoreMetadata.parse("Metadata-Version: 2.1\nName: foo\n"));
    assertEquals("core metadata lacks required field Version", e.getMessage());
    e = assertThrows(InvalidMetadataException.class,
        () -> CoreMetadata.parse("Summary: no identity\n"));
    assertEquals("core metadata lacks required fields Metadata-Version, Name, Version",
        e.getMessage());
  }

  @Test
  void textWithoutHeadersIsNotMetadata() {
    for (String text : List.of("", "\n", "<html><body>404</body></html>", "{ \"name\": \"x\" }")) {
      InvalidMetadataException e =
          assertThrows(InvalidMetadataException.class, () -> CoreMetadata.parse(text));
      assertEquals("not core metadata: no header fields", e.getMessage());
      assertEquals(text, e.input());
    }
    // {"name" is a field name to an RFC 822 parser, as it is to packaging's
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
        () -> CoreMetadata.parse("{\"name\": \"x\"}"));
    assertEquals("core metadata lacks required fields Metadata-Version, Name, Version",
        e.getMessage());
  }

  @Test
  void repeatedSingleFieldsAreRejectedAtTheirLine() {
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
        () -> CoreMetadata.parse(HEAD + "Summary: x\nName: bar\n"));
    assertEquals("line 5: core metadata field Name appears more than once", e.getMessage());
    assertEquals(5, e.line());
    assertEquals("bar", e.input());
    e = assertThrows(InvalidMetadataException.class,
        () -> CoreMetadata.parse(HEAD + "Requires-Python: >=3\nrequires-python: >=3.8\n"));
    assertEquals("line 5: core metadata field Requires-Python appears more than once",
        e.getMessage());
  }

  @Test
  void emptyRequiredFieldsAndBadMetadataVersionAreRejected() {
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
        () -> CoreMetadata.parse("Metadata-Version: 2.1\nName:  \nVersion: 1.0\n"));
    assertEquals("line 2: core metadata field Name is empty", e.getMessage());
    e = assertThrows(InvalidMetadataException.class,
        () -> CoreMetadata.parse("Metadata-Version: 2.x\nName: a\nVersion: 1.0\n"));
    assertEquals("line 1: core metadata field Metadata-Version is not a version number: '2.x'",
        e.getMessage());
  }

  @Test
  void bytesAreUtf8AndMayStartWithAByteOrderMark() {
    byte[] bytes = ("\uFEFFMetadata-Version: 2.1\nName: f\u00f6\u00f6\nVersion: 1.0\n")
        .getBytes(StandardCharsets.UTF_8);
    assertEquals("f\u00f6\u00f6", CoreMetadata.parse(bytes).name());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1.0 |                  | false",
      "1.2 |                  | false",
      "2.0 |                  | false",
      "2.1 |                  | false",
      "2.2 |                  | true",
      "2.3 | License          | true",
      "2.4 | Requires-Dist    | false",
      "2.4 | requires-python  | false",
      "2.4 | Provides-Extra   | true",
      "2.10|                  | true",
      "3.0 |                  | true",
  })
  void dependenciesAreStaticFromMetadata22UnlessDeclaredDynamic(
      String version, String dynamic, boolean expected) {
    String text = "Metadata-Version: " + version + "\nName: a\nVersion: 1\n"
        + (dynamic == null ? "" : "Dynamic: " + dynamic + "\n");
    assertEquals(expected, CoreMetadata.parse(text).dependenciesAreStatic());
  }

  @Test
  void aLongDescriptionBodyIsNotScanned() {
    StringBuilder text = new StringBuilder(HEAD).append("Requires-Dist: a\n\n");
    String line = "Requires-Dist: looks-like-a-header ".repeat(10) + "\n";
    while (text.length() < 16_000_000) {
      text.append(line);
    }
    assertEquals(List.of("a"), CoreMetadata.parse(text.toString()).requiresDist());
  }

  @Test
  void manyHeaderContinuationLinesAreReadInOnePass() {
    StringBuilder text = new StringBuilder(HEAD).append("Description: start\n");
    for (int i = 0; i < 200_000; i++) {
      text.append("        |line ").append(i).append('\n');
    }
    text.append("Requires-Dist: after\n");
    CoreMetadata m = CoreMetadata.parse(text.toString());
    assertEquals(List.of("after"), m.requiresDist());
    assertFalse(m.dependenciesAreStatic());
  }

  @Test
  void realMetadataFileParses() {
    CoreMetadata m = CoreMetadata.parse(Tables.resource(
        "core-metadata/packaging-26.2.dist-info.METADATA"));
    assertEquals("packaging", m.name());
    assertEquals("26.2", m.version());
    assertTrue(m.requiresPython() != null && m.requiresPython().startsWith(">="));
  }
}
