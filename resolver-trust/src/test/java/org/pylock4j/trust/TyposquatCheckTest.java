package org.pylock4j.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pylock4j.requirement.ProjectName;

class TyposquatCheckTest {

  private static final TyposquatCheck STANDARD = TyposquatCheck.standard();

  /**
   * Typosquats that were published on PyPI and removed as malicious. Sources: SK-CSIRT advisory
   * skcsirt-sa-20170909-pypi (acqusition, crypt, setup-tools, urlib3, urllib; via
   * pyupio/safety-db#2254); python3-dateutil and jeIlyfish, 2019 (dateutil/dateutil#984,
   * jamesturk/jellyfish#126); request, 2020 (discuss.python.org "Improving risks and consequences
   * against typosquatting on pypi"); equests, 2022 (ossf/malicious-packages#145); loquru, 2025
   * (Delgan/loguru#1363); colourama and djanga (2017-2018 removals); requets and pyhton-dateutil
   * (patterns from public typosquat taxonomies).
   */
  @ParameterizedTest
  @CsvSource({
    "python3-dateutil, python-dateutil, EDIT",
    "jeIlyfish,        jellyfish,       HOMOGLYPH",
    "urlib3,           urllib3,         EDIT",
    "urllib,           urllib3,         EDIT",
    "reqeusts,         requests,        EDIT",
    "requets,          requests,        EDIT",
    "request,          requests,        EDIT",
    "equests,          requests,        EDIT",
    "colourama,        colorama,        EDIT",
    "djanga,           django,          EDIT",
    "crypt,            crypto,          EDIT",
    "setup-tools,      setuptools,      SEPARATOR",
    "acqusition,       acquisition,     EDIT",
    "loquru,           loguru,          EDIT",
    "pyhton-dateutil,  python-dateutil, EDIT",
  })
  void catchesHistoricalTyposquats(String name, String popular, TyposquatWarning.Kind kind) {
    List<TyposquatWarning> warnings = STANDARD.check(ProjectName.of(name));
    assertTrue(
        warnings.stream().anyMatch(w -> w.popular().normalized().equals(popular) && w.kind() == kind),
        () -> name + " should warn about " + popular + " (" + kind + "), got " + warnings);
  }

  @Test
  void messageNamesBothProjectsTheRankAndTheDifference() {
    assertEquals(
        "\"reqeusts\" looks like \"requests\" (download rank 6): two adjacent characters swapped",
        STANDARD.check(ProjectName.of("reqeusts")).get(0).message());
    assertEquals(
        "\"urlib3\" looks like \"urllib3\" (download rank 3): one character missing ('l')",
        STANDARD.check(ProjectName.of("urlib3")).get(0).message());
    assertEquals(
        "\"python3-dateutil\" looks like \"python-dateutil\" (download rank 13): one character added ('3')",
        STANDARD.check(ProjectName.of("python3-dateutil")).get(0).message());
    assertEquals(
        "\"c0l0rama\" looks like \"colorama\" (download rank 81): differs in look-alike characters",
        STANDARD.check(ProjectName.of("c0l0rama")).get(0).message());
  }

  @ParameterizedTest
  @CsvSource({
    "nurnpy,          numpy,    HOMOGLYPH",
    "python-requests, requests, AFFIX",
    "requests-py,     requests, AFFIX",
    "yaml,            pyyaml,   AFFIX",
    "py-yaml,         pyyaml,   SEPARATOR",
    "pan-das,         pandas,   SEPARATOR",
  })
  void catchesEachKindOfDifference(String name, String popular, TyposquatWarning.Kind kind) {
    TyposquatWarning first = STANDARD.check(ProjectName.of(name)).get(0);
    assertEquals(popular, first.popular().normalized());
    assertEquals(kind, first.kind());
  }

  @ParameterizedTest
  @ValueSource(strings = {"requests", "boto3", "numpy", "django", "pydantic", "my-internal-tool", "sax", "sixx"})
  void popularNamesAndUnrelatedOrShortNamesDoNotWarn(String name) {
    assertEquals(List.of(), STANDARD.check(ProjectName.of(name)));
  }

  /**
   * The whole ranking checked against itself: only these 18 of the 14,985 ranked projects warn
   * (each is at least 100 ranks-times less popular than its look-alike). Some are honest projects
   * (attr, boto, scipp, vyper, openml), several look like squats that gathered downloads.
   */
  @Test
  void rankedProjectsWarnAboutEachOtherOnlyInDocumentedCases() {
    Set<String> warned = new TreeSet<>();
    TyposquatCheck.readRanking(TyposquatCheck.class.getResourceAsStream(TyposquatCheck.RESOURCE))
        .keySet()
        .forEach(p -> {
          if (!STANDARD.check(p).isEmpty()) {
            warned.add(p.normalized());
          }
        });
    assertEquals(
        new TreeSet<>(List.of("attr", "boto", "crick", "dydantic", "google-oauth", "grequests",
            "ipytest", "myjwt", "openapi", "openml", "panda", "pyaml", "pyasn", "pymantic", "pyyml",
            "scipp", "vyper", "xoto3")),
        warned);
  }

  @Test
  void aRankedNameWarnsOnlyAgainstAMuchMorePopularOne() {
    Map<ProjectName, Integer> ranking = Map.of(
        ProjectName.of("flask"), 10, ProjectName.of("flaskk"), 500, ProjectName.of("flasq"), 1500);
    TyposquatCheck check = TyposquatCheck.of(ranking, new TyposquatCheck.Options(5, 4, 100, 100_000));
    assertEquals(List.of(), check.check(ProjectName.of("flaskk")));
    assertEquals("flask", check.check(ProjectName.of("flasq")).get(0).popular().normalized());
    assertEquals("flask", check.check(ProjectName.of("flazk")).get(0).popular().normalized());
  }

  @Test
  void maxTargetRankLimitsThePopularProjects() {
    Map<ProjectName, Integer> ranking = Map.of(ProjectName.of("flask"), 10, ProjectName.of("pandas"), 50);
    TyposquatCheck check = TyposquatCheck.of(ranking, new TyposquatCheck.Options(5, 4, 100, 20));
    assertFalse(check.check(ProjectName.of("flaskk")).isEmpty());
    assertEquals(List.of(), check.check(ProjectName.of("pandass")));
  }

  @Test
  void checkAllKeepsInputOrderAndOnlyNamesThatWarn() {
    Map<ProjectName, List<TyposquatWarning>> result = STANDARD.checkAll(
        List.of(ProjectName.of("urlib3"), ProjectName.of("requests"), ProjectName.of("djanga")));
    assertEquals(List.of(ProjectName.of("urlib3"), ProjectName.of("djanga")), List.copyOf(result.keySet()));
  }

  @Test
  void standardRankingHasTheTopProjects() {
    assertEquals(1, STANDARD.rank(ProjectName.of("boto3")).getAsInt());
    assertEquals(6, STANDARD.rank(ProjectName.of("Requests")).getAsInt());
    assertTrue(STANDARD.rank(ProjectName.of("urlib3")).isEmpty());
  }

  @Test
  void oneEditNamesTheOperation() {
    assertEquals("two adjacent characters swapped", TyposquatCheck.oneEdit("ab", "ba"));
    assertEquals("one character changed ('x' for 'b')", TyposquatCheck.oneEdit("axc", "abc"));
    assertEquals("one character added ('x')", TyposquatCheck.oneEdit("abxc", "abc"));
    assertEquals("one character missing ('c')", TyposquatCheck.oneEdit("ab", "abc"));
    assertEquals(null, TyposquatCheck.oneEdit("abc", "abc"));
    assertEquals(null, TyposquatCheck.oneEdit("abcd", "badc"));
    assertEquals(null, TyposquatCheck.oneEdit("abc", "a"));
  }

  @Test
  void malformedRankingLineIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TyposquatCheck.readRanking(new ByteArrayInputStream(
            "# header\n1\trequests\nx\tflask\n".getBytes(StandardCharsets.UTF_8))));
    assertEquals("line 3: expected rank<TAB>project name, got: x\tflask", e.getMessage());
  }

  @Test
  void optionsRejectNonsense() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TyposquatCheck.Options(5, 4, 0.5, 10));
    assertEquals("minPopularityRatio must be at least 1, was 0.5", e.getMessage());
  }

  @Test
  void strictModeThrowsListingEveryWarningAndSkipsDirectUrls() {
    TyposquatException e = assertThrows(TyposquatException.class, () -> STANDARD.requireNoWarnings(List.of(
        org.pylock4j.requirement.Requirement.parse("reqeusts>=2"),
        org.pylock4j.requirement.Requirement.parse("numpy"),
        org.pylock4j.requirement.Requirement.parse("djanga @ https://example.org/djanga-1.0.tar.gz"),
        org.pylock4j.requirement.Requirement.parse("urlib3"))));
    assertEquals("requested name looks like a typosquat (allow it explicitly if it is intended): "
        + "\"reqeusts\" looks like \"requests\" (download rank 6): two adjacent characters swapped\n"
        + "\"urlib3\" looks like \"urllib3\" (download rank 3): one character missing ('l')", e.getMessage());
    assertEquals("reqeusts", e.input());
    assertEquals(2, e.warnings().size());
  }

  @Test
  void allowedNamesAreNotReported() {
    TyposquatCheck check = STANDARD.allowing(List.of(ProjectName.of("Urlib3")));
    assertEquals(List.of(), check.check(ProjectName.of("urlib3")));
    assertFalse(check.check(ProjectName.of("reqeusts")).isEmpty());
    assertFalse(STANDARD.check(ProjectName.of("urlib3")).isEmpty());
  }

  @Test
  void bucketedEditSearchFindsExactlyWhatAFullScanFinds() {
    Map<ProjectName, Integer> ranking =
        TyposquatCheck.readRanking(TyposquatCheck.class.getResourceAsStream(TyposquatCheck.RESOURCE));
    List<ProjectName> names = new java.util.ArrayList<>();
    for (String n : List.of("python3-dateutil", "jeIlyfish", "urlib3", "reqeusts", "colourama", "djanga", "crypt",
        "nurnpy", "requests-py", "yaml", "pan-das", "attr", "sixx", "boto", "xoto3", "ulid")) {
      names.add(ProjectName.of(n));
    }
    ranking.keySet().stream().limit(400).forEach(p -> {
      names.add(ProjectName.of(p.normalized() + "x"));
      names.add(ProjectName.of("x" + p.normalized()));
      if (p.normalized().length() > 5) {
        names.add(ProjectName.of(p.normalized().substring(1)));
      }
    });
    List<ProjectName> targets = List.copyOf(ranking.keySet());
    String[] skeletons = targets.stream().map(t -> TyposquatCheck.skeleton(t.normalized())).toArray(String[]::new);
    int[] ranks = targets.stream().mapToInt(ranking::get).toArray();
    int warned = 0;
    for (ProjectName n : names) {
      String s = TyposquatCheck.skeleton(n.normalized());
      Integer own = ranking.get(n);
      Set<String> expected = new TreeSet<>();
      for (int i = 0; i < skeletons.length; i++) {
        if (skeletons[i].length() >= 5 && !targets.get(i).equals(n) && (own == null || ranks[i] <= own / 100.0)
            && TyposquatCheck.oneEdit(s, skeletons[i]) != null) {
          expected.add(targets.get(i).normalized());
        }
      }
      Set<String> actual = new TreeSet<>();
      STANDARD.check(n).stream().filter(w -> w.kind() == TyposquatWarning.Kind.EDIT)
          .forEach(w -> actual.add(w.popular().normalized()));
      assertEquals(expected, actual, n::normalized);
      warned += actual.isEmpty() ? 0 : 1;
    }
    assertTrue(warned > 800, "most variants warn: " + warned);
  }

  @Test
  void aRankedNameIsCheckedWithoutTheIndexesAndTheSameAsWithThem() throws Exception {
    Map<ProjectName, Integer> ranking;
    try (java.io.InputStream in = TyposquatCheck.class.getResourceAsStream(TyposquatCheck.RESOURCE)) {
      ranking = TyposquatCheck.readRanking(in);
    }
    int warned = 0;
    for (ProjectName name : ranking.keySet()) {
      List<TyposquatWarning> scanned = STANDARD.check(name, true);
      assertEquals(STANDARD.check(name, false), scanned, name.toString());
      warned += scanned.isEmpty() ? 0 : 1;
    }
    assertTrue(warned > 10, "ranked names that warn: " + warned);
  }

  @Test
  void theStandardResourceIsInNormalForm() {
    assertTrue(TyposquatCheck.isNormalized("python-dateutil"));
    assertFalse(TyposquatCheck.isNormalized("Python_dateutil"));
    assertFalse(TyposquatCheck.isNormalized("a--b"));
    assertFalse(TyposquatCheck.isNormalized("-a"));
  }

  /**
   * The standard check reads its resource by a fast path (straight into rank order); it answers
   * as the general constructor over the same ranking does.
   */
  @Test
  void theStandardCheckAnswersAsTheGeneralOneOverItsRanking() throws java.io.IOException {
    Map<ProjectName, Integer> ranking;
    try (java.io.InputStream in = TyposquatCheck.class.getResourceAsStream(TyposquatCheck.RESOURCE)) {
      ranking = TyposquatCheck.readRanking(in);
    }
    TyposquatCheck general = TyposquatCheck.of(ranking, TyposquatCheck.Options.DEFAULTS);
    int i = 0;
    for (ProjectName name : ranking.keySet()) {
      if (i++ % 150 != 0) {
        continue;
      }
      assertEquals(general.rank(name), STANDARD.rank(name), name.toString());
      assertEquals(general.check(name), STANDARD.check(name), name.toString());
      ProjectName typo = ProjectName.of(name.normalized() + "s");
      assertEquals(general.check(typo), STANDARD.check(typo), typo.toString());
    }
    for (String typo : List.of("reqeusts", "numpyy", "python-requests", "djanga", "urlib3")) {
      ProjectName name = ProjectName.of(typo);
      assertEquals(general.check(name), STANDARD.check(name), typo);
    }
  }
}
