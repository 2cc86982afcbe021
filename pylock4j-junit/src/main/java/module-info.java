/**
 * JUnit 5 support for projects that embed Python: {@link org.pylock4j.junit.PylockAssertions}
 * checks that a lock is up to date, and {@link org.pylock4j.junit.LocalIndex} serves a directory
 * as a Simple index on 127.0.0.1 for a test's duration.
 */
module org.pylock4j.junit {
  requires transitive org.pylock4j.locker;
  requires transitive org.pylock4j.testing;
  requires transitive org.junit.jupiter.api;
  requires org.opentest4j;

  exports org.pylock4j.junit;
  opens org.pylock4j.junit to org.junit.platform.commons;
}
