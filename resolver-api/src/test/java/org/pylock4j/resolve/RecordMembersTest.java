package org.pylock4j.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pylock4j.metadata.Tag;
import org.pylock4j.metadata.TagSet;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;

/**
 * The records whose equals and hashCode are written out (to spare a fresh JVM their method-handle
 * bootstrap) hash and compare as the generated members would: same hash, so hash-ordered
 * iteration, and with it any output, is as before. The reference is a record of the same
 * components, whose members the compiler generates.
 */
class RecordMembersTest {

  private record Three(Object a, Object b, Object c) {}

  private record Two(Object a, Object b) {}

  private record One(Object a) {}

  @Test
  void tagHashesAsARecordOfItsParts() {
    Tag tag = new Tag("cp312", "abi3", "manylinux_2_17_x86_64");
    assertEquals(new Three("cp312", "abi3", "manylinux_2_17_x86_64").hashCode(), tag.hashCode());
    assertEquals(tag, new Tag("CP312", "abi3", "manylinux_2_17_x86_64"));
    assertNotEquals(tag, new Tag("cp312", "none", "manylinux_2_17_x86_64"));
    assertNotEquals(tag, new Tag("cp312", "abi3", "any"));
    assertNotEquals(tag, new Tag("py3", "abi3", "manylinux_2_17_x86_64"));
  }

  @Test
  void projectNameHashesAsARecordOfItsName() {
    assertEquals(new One("requests").hashCode(), ProjectName.of("Requests").hashCode());
    assertEquals(ProjectName.of("zope.interface"), ProjectName.of("Zope_Interface"));
    assertNotEquals(ProjectName.of("requests"), ProjectName.of("request"));
  }

  @Test
  void dependencyEdgeHashesAsARecordOfItsParts() {
    Requirement requirement = Requirement.parse("idna>=2.5");
    ProjectName from = ProjectName.of("requests");
    ProjectName to = ProjectName.of("idna");
    DependencyEdge edge = new DependencyEdge(from, to, requirement);
    assertEquals(new Three(from, to, requirement).hashCode(), edge.hashCode());
    DependencyEdge root = new DependencyEdge(null, to, requirement);
    assertEquals(new Three(null, to, requirement).hashCode(), root.hashCode());
    assertEquals(root, new DependencyEdge(null, to, Requirement.parse("idna>=2.5")));
    assertNotEquals(root, edge);
    assertNotEquals(edge, new DependencyEdge(from, to, Requirement.parse("idna>=3")));
  }

  @Test
  void targetEnvironmentHashesAsARecordOfItsParts() {
    TargetEnvironment target = TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64);
    assertEquals(new Two(target.markers(), target.tags()).hashCode(), target.hashCode());
    assertEquals(new One(target.markers().values()).hashCode(), target.markers().hashCode());
    assertEquals(target.markers(),
        new MarkerEnvironment(new java.util.TreeMap<>(target.markers().values())));
    assertEquals(target, TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64));
    assertNotEquals(target, TargetEnvironment.cpython("3.11", MarkerEnvironment.Platform.LINUX_X86_64));
    TagSet none = TagSet.cpython("3.12", List.of());
    assertEquals(new Two(target.markers(), none).hashCode(),
        new TargetEnvironment(target.markers(), none).hashCode());
  }
}
