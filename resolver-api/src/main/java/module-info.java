/**
 * The language of Python packaging and the public resolution API of pylock4j.
 *
 * <p>Depends on the JDK alone. Everything is non-null unless stated.
 */
module org.pylock4j.api {
  exports org.pylock4j.error;
  exports org.pylock4j.version;
  exports org.pylock4j.requirement;
  exports org.pylock4j.metadata;
  exports org.pylock4j.resolve;
  exports org.pylock4j.internal to org.pylock4j.index, org.pylock4j.lock, org.pylock4j.sat, org.pylock4j.trust;
}
