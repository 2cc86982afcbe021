package org.pylock4j.pypi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

  @Test
  void takesUserinfoOutOfAUrlAndSendsItToThatHostOnly() {
    Credentials credentials = new Credentials(null);
    String url = credentials.takeFrom("https://alice:p%40ss@private.example/simple/");
    assertEquals("https://private.example/simple/", url);
    assertEquals(new Credentials.Login("alice", "p@ss"), credentials.loginFor("https", "private.example", -1));
    assertEquals(new Credentials.Login("alice", "p@ss"), credentials.loginFor("https", "PRIVATE.example", 443));
    assertNull(credentials.loginFor("https", "pypi.org", 443));
    assertNull(credentials.loginFor("http", "private.example", 8080));
  }

  @Test
  void scrubsEverySpellingOfTheSecret() {
    Credentials credentials = new Credentials(null);
    credentials.takeFrom("https://alice:p%40ss@private.example/simple/");
    assertEquals("failed for **** and ****", credentials.scrub("failed for p@ss and p%40ss"));
    assertEquals("Login[alice, ****]", new Credentials.Login("alice", "p@ss").toString());
  }

  @Test
  void stripsUserinfoFromAnyUrl() {
    assertEquals("https://h/x@y", Credentials.strip("https://u:p@h/x@y"));
    assertEquals("file:///tmp/x", Credentials.strip("file:///tmp/x"));
    assertEquals("https://h:8443/", Credentials.strip("https://token@h:8443/"));
  }

  @Test
  void readsNetrcMachinesAndDefault(@TempDir Path dir) throws Exception {
    Path netrc = dir.resolve("netrc");
    Files.writeString(netrc, """
        machine index.example login bob password hunter2
        machine other.example
          login carol
          account ignored
          password s3cret
        default login anonymous password guest
        """);
    Credentials credentials = new Credentials(netrc);
    assertEquals(new Credentials.Login("bob", "hunter2"), credentials.loginFor("https", "index.example", 443));
    assertEquals(new Credentials.Login("carol", "s3cret"), credentials.loginFor("https", "Other.Example", 443));
    assertEquals(new Credentials.Login("anonymous", "guest"), credentials.loginFor("https", "elsewhere", 443));
    assertEquals("**** and ****", credentials.scrub("hunter2 and s3cret"));
  }

  @Test
  void aMissingNetrcMeansNoLogins(@TempDir Path dir) {
    assertNull(new Credentials(dir.resolve("absent")).loginFor("https", "h", 443));
  }
}
