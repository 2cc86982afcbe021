/**
 * The facade of pylock4j: one {@link org.pylock4j.locker.Locker} per application, driven by
 * request/result pairs ({@link org.pylock4j.locker.LockRequest} → {@link
 * org.pylock4j.locker.LockResult}, {@link org.pylock4j.locker.VerifyRequest} → {@link
 * org.pylock4j.locker.Verification}) and the graph queries of a lock ({@link
 * org.pylock4j.locker.LockGraph}).
 *
 * <p>Everything is non-null unless stated: parameters must not be null, results are never null.
 */
package org.pylock4j.locker;
