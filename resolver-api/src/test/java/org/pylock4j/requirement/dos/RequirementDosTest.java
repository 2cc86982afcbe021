package org.pylock4j.requirement.dos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.InvalidRequirementException;
import org.pylock4j.requirement.Marker;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.Requirement;

/**
 * Hostile requirements and markers: huge inputs are parsed in one pass or refused by a named
 * limit, never a stack overflow. The time bound only guards against a hang.
 */
class RequirementDosTest {

  private static final Duration HANG = Duration.ofSeconds(60);

  private static <T> T bounded(org.junit.jupiter.api.function.ThrowingSupplier<T> work) {
    return assertTimeoutPreemptively(HANG, work);
  }

  @Test
  void trailingSpacesUpToTheLimitParse() {
    String text = "six " + " ".repeat(Requirement.MAX_LENGTH - 4);
    assertEquals("six", bounded(() -> Requirement.parse(text)).toString());
  }

  @Test
  void textOverTheLengthLimitIsRefusedNamingTheLimit() {
    String text = "six " + " ".repeat(1_000_000);
    InvalidRequirementException e =
        assertThrows(InvalidRequirementException.class, () -> bounded(() -> Requirement.parse(text)));
    assertEquals(
        "requirement of 1000004 characters is longer than the limit of 65536"
            + " (Requirement.MAX_LENGTH): '" + "six" + " ".repeat(77) + "...'",
        e.getMessage());
  }

  @Test
  void aVersionOfManySegmentsParsesWithoutStackOverflow() {
    String version = "1" + ".1".repeat(30_000);
    for (String op : new String[] {"==", "!=", "~=", ">=", "<", "==="}) {
      Requirement r = bounded(() -> Requirement.parse("six" + op + version));
      assertEquals("six" + op + version, r.toString());
    }
  }

  @Test
  void aLongLocalLabelParses() {
    String label = "a." .repeat(20_000) + "a";
    Requirement r = bounded(() -> Requirement.parse("six==1+" + label));
    assertEquals("six==1+" + label, r.toString());
  }

  @Test
  void aLongLocalLabelAfterAnOrderingOperatorIsTheUsualError() {
    String label = "a." .repeat(20_000) + "a";
    InvalidRequirementException e =
        assertThrows(
            InvalidRequirementException.class,
            () -> bounded(() -> Requirement.parse("six>=1+" + label)));
    assertTrue(
        e.reason().startsWith("Local version label can only be used with `==` or `!=` operators"),
        e.reason());
  }

  @Test
  void manyDigitsAreRefusedQuickly() {
    String text = "six==" + "1".repeat(60_000);
    InvalidRequirementException e =
        assertThrows(InvalidRequirementException.class, () -> bounded(() -> Requirement.parse(text)));
    assertTrue(e.getMessage().contains("(60000 characters) is not a PEP 440 version"), e.getMessage());
  }

  @Test
  void nestingUpToTheLimitParsesAndEvaluates() {
    int depth = Marker.MAX_NESTING;
    String marker = "(".repeat(depth) + "os_name == 'posix'" + ")".repeat(depth);
    Requirement r = bounded(() -> Requirement.parse("six; " + marker));
    assertTrue(
        r.marker().evaluate(
            MarkerEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64)));
  }

  @Test
  void nestingBeyondTheLimitIsRefusedNamingTheLimit() {
    int depth = 10_000;
    String text = "six; " + "(".repeat(depth) + "os_name == 'posix'" + ")".repeat(depth);
    InvalidRequirementException e =
        assertThrows(InvalidRequirementException.class, () -> bounded(() -> Requirement.parse(text)));
    assertTrue(
        e.reason().startsWith(
            "Marker nests parentheses deeper than the limit of 100 (Marker.MAX_NESTING)\n"),
        e.reason());
    assertEquals(106, e.column());
  }

  @Test
  void aChainUpToTheLimitParsesPrintsAndEvaluates() {
    String chain = "os_name == 'posix' and ".repeat(Marker.MAX_COMPARISONS - 1) + "os_name == 'nt'";
    Requirement r = bounded(() -> Requirement.parse("six; " + chain));
    assertTrue(r.marker().toString().endsWith("and os_name == \"nt\""));
    assertEquals(
        false,
        r.marker().evaluate(
            MarkerEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64)));
  }

  @Test
  void aChainBeyondTheLimitIsRefusedNamingTheLimit() {
    String chain = "os_name == 'posix' and ".repeat(Marker.MAX_COMPARISONS) + "os_name == 'nt'";
    InvalidRequirementException e =
        assertThrows(
            InvalidRequirementException.class, () -> bounded(() -> Requirement.parse("six;" + chain)));
    assertTrue(
        e.reason().startsWith(
            "Marker has more comparisons than the limit of 1000 (Marker.MAX_COMPARISONS)\n"),
        e.reason());
  }
}
