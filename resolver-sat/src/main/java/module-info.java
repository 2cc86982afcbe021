/**
 * The SAT resolver of pylock4j: {@link org.pylock4j.sat.SatResolver}, a {@link
 * org.pylock4j.resolve.Resolver} built on Sat4j. Everything but the facade is package-private.
 */
module org.pylock4j.sat {
  requires transitive org.pylock4j.api;
  requires org.ow2.sat4j.core;

  exports org.pylock4j.sat;
}
