package org.pylock4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class LoginsTest {

  private final Logins logins = new Logins(Map.of("corp", new Logins.Login("ci bot", "p@ss:w/rd")));

  @Test
  void theServerNamedByTheIndexGivesItsLoginAsUserinfoEncoded() throws Exception {
    assertEquals("https://ci%20bot:p%40ss%3Aw%2Frd@pypi.corp.example/simple/",
        logins.apply("corp", "https://pypi.corp.example/simple/"));
  }

  @Test
  void anIndexWithoutAServerIsUnchanged() throws Exception {
    assertEquals("https://pypi.org/simple/", logins.apply("pypi", "https://pypi.org/simple/"));
    assertEquals("https://pypi.org/simple/", logins.apply(null, "https://pypi.org/simple/"));
  }

  @Test
  void aLoginForALocalIndexIsRefused() {
    MojoFailureException e =
        assertThrows(MojoFailureException.class, () -> logins.apply("corp", "/srv/index"));
    assertEquals("index corp: settings.xml server 'corp' has a login, but the index is not an"
        + " http(s) URL: /srv/index", e.getMessage());
  }

  @Test
  void aUrlWithItsOwnLoginIsRefusedWithoutEchoingIt() {
    MojoFailureException e = assertThrows(MojoFailureException.class,
        () -> logins.apply("corp", "https://me:secret@pypi.corp.example/simple/"));
    assertEquals("index corp: the URL already carries a login; keep it in settings.xml server"
        + " 'corp' only", e.getMessage());
  }

  @Test
  void neverPrintsAPassword() {
    assertFalse(logins.toString().contains("p@ss"), logins.toString());
    assertFalse(new Logins.Login("u", "p@ss").toString().contains("p@ss"));
  }
}
