package org.pylock4j.pypi.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pylock4j.error.IndexException;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;

/**
 * Finding 11: index data is validated before it can reach a lock: a malformed hash makes the page
 * malformed (exit 3); an invalid requires-python is dropped with a warning, as pip ignores it.
 */
class IndexDataTest {

  private static final ProjectName DEMO = ProjectName.of("demo");
  private static final String SHA = "a".repeat(64);

  @ParameterizedTest
  @ValueSource(strings = {"zz&md5=1", "aaaa", "", "%s&md5=1"})
  void aMalformedSha256InAnHtmlFragmentIsAnIndexError(String value) {
    String hash = value.replace("%s", SHA);
    try (EvilServer evil = new EvilServer()) {
      evil.html("/simple/demo/", "<a href=\"demo-1.0-py3-none-any.whl#sha256=" + hash + "\">x</a>");
      try (PypiIndex index = Hostile.client(evil.indexUrl()).build()) {
        IndexException e = Hostile.failure(index.page(DEMO));
        assertEquals("malformed Simple API page " + evil.url("/simple/demo/") + ": bad sha256 hash \""
            + hash + "\" of demo-1.0-py3-none-any.whl (64 hexadecimal digits expected)", e.getMessage());
      }
    }
  }

  @Test
  void aMalformedHashInJsonIsAnIndexError() {
    try (EvilServer evil = new EvilServer()) {
      evil.json("/simple/demo/", EvilServer.page("demo", "{\"filename\": \"demo-1.0-py3-none-any.whl\","
          + " \"url\": \"demo-1.0-py3-none-any.whl\", \"hashes\": {\"sha256\": \"" + SHA + "\"},"
          + " \"core-metadata\": {\"sha256\": \"\\\"; rm -rf /\"}}"));
      try (PypiIndex index = Hostile.client(evil.indexUrl()).build()) {
        IndexException e = Hostile.failure(index.page(DEMO));
        assertEquals("malformed Simple API page " + evil.url("/simple/demo/") + ": bad sha256 hash \"\"; rm -rf /\""
            + " of demo-1.0-py3-none-any.whl (core-metadata) (64 hexadecimal digits expected)", e.getMessage());
      }
    }
  }

  @Test
  void anEggFragmentIsIgnoredNotAnError() {
    try (EvilServer evil = new EvilServer()) {
      evil.html("/simple/demo/", "<a href=\"demo-1.0.tar.gz#egg=demo-1.0\">x</a>");
      try (PypiIndex index = Hostile.client(evil.indexUrl()).build()) {
        assertEquals(java.util.Map.of(), Hostile.get(index.page(DEMO)).files().get(0).hashes());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {">=>=3!!", "3.6", ">=3.6,<", "lambda: 1"})
  void anInvalidRequiresPythonIsDroppedWithAWarning(String value) {
    List<String> warnings = new ArrayList<>();
    try (EvilServer evil = new EvilServer()) {
      evil.json("/simple/demo/", EvilServer.page("demo", "{\"filename\": \"demo-1.0-py3-none-any.whl\","
          + " \"url\": \"demo-1.0-py3-none-any.whl\", \"hashes\": {\"sha256\": \"" + SHA + "\"},"
          + " \"requires-python\": \"" + value + "\"}"));
      try (PypiIndex index = Hostile.client(evil.indexUrl()).warnings(warnings::add).build()) {
        DistributionFile file = Hostile.get(index.page(DEMO)).files().get(0);
        assertNull(file.requiresPython());
        assertEquals(List.of("ignoring the invalid requires-python \"" + value
            + "\" of demo-1.0-py3-none-any.whl from " + evil.url("/simple/demo/")), warnings);
      }
    }
  }
}
