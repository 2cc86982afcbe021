/**
 * Test support: a Simple index served from a directory on loopback.
 */
module org.pylock4j.testing {
  requires transitive org.pylock4j.api;
  requires jdk.httpserver;

  exports org.pylock4j.testing;
}
