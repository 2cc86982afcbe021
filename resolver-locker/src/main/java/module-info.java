/**
 * The facade of pylock4j: {@link org.pylock4j.locker.Locker} locks, verifies and queries locks
 * the way the {@code pylock4j} command does, from a {@link org.pylock4j.locker.LockRequest}.
 */
module org.pylock4j.locker {
  requires transitive org.pylock4j.api;
  requires transitive org.pylock4j.lock;
  requires transitive org.pylock4j.index;
  requires transitive org.pylock4j.trust;
  requires org.pylock4j.sat;

  exports org.pylock4j.locker;
}
