/**
 * Lock files: the PEP 751 {@code pylock.toml} model, its reader and writer, requirements files in
 * pip-compile's shape, atomic writes, and {@link org.pylock4j.lock.LockVerifier}, the
 * reproducibility check an embedding project calls from its tests.
 *
 * <p>{@link org.pylock4j.lock.LockFiles} is the facade. Everything is non-null unless stated.
 */
package org.pylock4j.lock;
