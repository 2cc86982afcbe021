/**
 * PEP 440 versions and specifiers, behaving exactly as the reference implementation {@code
 * packaging} 26.x.
 *
 * <p>Parameters and return values are non-null unless stated.
 */
package org.pylock4j.version;
