/**
 * The index client of pylock4j: {@link org.pylock4j.pypi.PypiIndex}, a {@link
 * org.pylock4j.resolve.PackageSource} over the Simple API, with HTTP, caching and index strategies.
 */
module org.pylock4j.index {
  requires transitive org.pylock4j.api;
  requires okhttp3;
  requires okio;
  requires kotlin.stdlib;
  requires com.fasterxml.jackson.databind;
  requires com.github.benmanes.caffeine;

  exports org.pylock4j.pypi;
  exports org.pylock4j.pypi.internal to org.pylock4j.trust;
}
