/**
 * The one exception hierarchy of pylock4j, rooted at {@link org.pylock4j.error.PylockException}.
 *
 * <p>Parameters and return values are non-null unless stated.
 */
package org.pylock4j.error;
