/**
 * JUnit 5 support: {@link org.pylock4j.junit.PylockAssertions#assertUpToDate(java.nio.file.Path)}
 * and the {@link org.pylock4j.junit.LocalIndex} extension.
 *
 * <p>Everything is non-null unless stated: parameters must not be null, results are never null.
 */
package org.pylock4j.junit;
