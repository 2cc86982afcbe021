package org.pylock4j.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pylock4j.error.InvalidMetadataException;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

class WheelFilenameTest {

  @Test
  void parsesNameVersionBuildAndCompressedTags() {
    WheelFilename w = WheelFilename.parse("Foo_Bar-1.0.POST1-7beta-py2.py3-none-any.whl");
    assertEquals(ProjectName.of("foo-bar"), w.name());
    assertEquals(Version.parse("1.0.post1"), w.version());
    assertEquals(Optional.of("7beta"), w.buildTag());
    assertEquals(new WheelFilename.BuildTag(java.math.BigInteger.valueOf(7), "beta"),
        w.parsedBuildTag().orElseThrow());
    assertEquals(List.of("py2-none-any", "py3-none-any"),
        w.tags().stream().map(Tag::toString).toList());
  }

  @Test
  void tagsKeepTheirExpansionOrderAndAreLowerCase() {
    WheelFilename w = WheelFilename.parse(
        "numpy-2.0.0-CP312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    assertEquals(List.of("cp312-cp312-manylinux_2_17_x86_64", "cp312-cp312-manylinux2014_x86_64"),
        w.tags().stream().map(Tag::toString).toList());
    assertEquals(Optional.empty(), w.buildTag());
  }

  @Test
  void buildTagsOrderByNumberThenSuffix() {
    WheelFilename.BuildTag two = WheelFilename.BuildTag.of("2");
    WheelFilename.BuildTag ten = WheelFilename.BuildTag.of("10");
    WheelFilename.BuildTag tenA = WheelFilename.BuildTag.of("10a");
    assertTrue(two.compareTo(ten) < 0);
    assertTrue(ten.compareTo(tenA) < 0);
    assertEquals(0, ten.compareTo(WheelFilename.BuildTag.of("010")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "foo-1.0-py3-none-any.zip      | Invalid wheel filename (extension must be '.whl'): "
          + "'foo-1.0-py3-none-any.zip'",
      "foo-1.0-any.whl               | Invalid wheel filename (wrong number of parts): "
          + "'foo-1.0-any'",
      "foo__bar-1.0-py3-none-any.whl | Invalid project name: 'foo__bar-1.0-py3-none-any'",
      "foo-1.x-py3-none-any.whl      | Invalid wheel filename (invalid version): "
          + "'foo-1.x-py3-none-any'",
      "foo-1.0-b1-py3-none-any.whl   | Invalid build number: b1 in 'foo-1.0-b1-py3-none-any'",
      "_foo-1.0-py3-none-any.whl     | Invalid project name: '_foo-1.0-py3-none-any'",
      "it's-1.0-py3-none-any.whl     | Invalid project name: \"it's-1.0-py3-none-any\"",
  })
  void rejectsWithPackagingsMessages(String filename, String message) {
    InvalidMetadataException e =
        assertThrows(InvalidMetadataException.class, () -> WheelFilename.parse(filename));
    assertEquals(message, e.getMessage());
    assertEquals(filename, e.input());
  }

  @Test
  void sdistFilenames() {
    SdistFilename s = SdistFilename.parse("zope.interface-7.1.1.tar.gz");
    assertEquals(ProjectName.of("zope-interface"), s.name());
    assertEquals(Version.parse("7.1.1"), s.version());
    assertEquals(ProjectName.of("foo-bar"), SdistFilename.parse("foo-bar-2.0.zip").name());
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
        () -> SdistFilename.parse("foo-1.0.tgz"));
    assertEquals("Invalid sdist filename (extension must be '.tar.gz' or '.zip'): 'foo-1.0.tgz'",
        e.getMessage());
    e = assertThrows(InvalidMetadataException.class, () -> SdistFilename.parse("foo.zip"));
    assertEquals("Invalid sdist filename: 'foo.zip'", e.getMessage());
    e = assertThrows(InvalidMetadataException.class,
        () -> SdistFilename.parse("foo bar-1.0.zip"));
    assertEquals("Invalid sdist filename (invalid project name): 'foo bar-1.0.zip'",
        e.getMessage());
  }
}
