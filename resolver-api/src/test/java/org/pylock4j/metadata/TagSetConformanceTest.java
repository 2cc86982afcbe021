package org.pylock4j.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pylock4j.requirement.MarkerEnvironment.Platform;

/**
 * Tag lists against {@code packaging.tags}: for each target in tag-sets.txt, the exact list
 * {@code cpython_tags()} + {@code compatible_tags()} yield (= {@code sys_tags()} on CPython) with
 * the platform list packaging computes for an emulated machine.
 */
class TagSetConformanceTest {

  @TestFactory
  Stream<DynamicTest> tagListsMatchPackaging() {
    Map<String, List<String>> blocks = blocks();
    assertTrue(blocks.size() >= 30, "too few targets: " + blocks.size());
    return blocks.entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue())));
  }

  private static void check(String title, List<String> expected) {
    String[] words = title.split(" ");
    TagSet actual;
    if (words[0].equals("cpython")) {
      actual = TagSet.cpython(words[1], Platform.valueOf(words[2]));
    } else {
      int major = Integer.parseInt(words[1]);
      int minor = Integer.parseInt(words[2]);
      List<String> abis = Arrays.asList(words[3].substring("abis=".length()).split(","));
      String listed = words[words.length - 1].substring("platforms=".length());
      List<String> platforms = platforms(words[4], words[5], words[6]);
      assertEquals(Arrays.asList(listed.split(",")), platforms, "platforms");
      actual = TagSet.cpython(major, minor, abis, platforms);
    }
    assertEquals(expected, actual.tags().stream().map(Tag::toString).toList());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(i, actual.rank(Tag.parseAll(expected.get(i)).iterator().next()));
    }
  }

  /** The platform list of "linux ARCH glibc=X.Y", "linux ARCH musl=X.Y", "macos ARCH X.Y". */
  private static List<String> platforms(String kind, String arch, String version) {
    if (kind.equals("windows")) {
      return List.of(arch);
    }
    String[] numbers = version.substring(version.indexOf('=') + 1).split("\\.");
    int major = Integer.parseInt(numbers[0]);
    int minor = Integer.parseInt(numbers[1]);
    if (kind.equals("macos")) {
      return TagSet.macosPlatforms(major, minor, arch);
    }
    List<String> out = new ArrayList<>(version.startsWith("glibc=")
        ? TagSet.manylinuxPlatforms(arch, major, minor)
        : TagSet.musllinuxPlatforms(arch, major, minor));
    out.add("linux_" + arch);
    return out;
  }

  private static Map<String, List<String>> blocks() {
    Map<String, List<String>> blocks = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : Tables.lines("tag-sets.txt")) {
      if (line.startsWith("== ")) {
        current = new ArrayList<>();
        blocks.put(line.substring(3), current);
      } else {
        current.add(line);
      }
    }
    return blocks;
  }
}
