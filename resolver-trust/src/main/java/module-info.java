/**
 * Supply-chain checks: typosquats, the OSV vulnerability audit, lock diffs and pinned indexes.
 */
module org.pylock4j.trust {
  requires transitive org.pylock4j.api;
  requires transitive org.pylock4j.lock;
  requires transitive org.pylock4j.index;
  requires com.fasterxml.jackson.databind;
  requires okhttp3;

  exports org.pylock4j.trust;
}
