/**
 * Core metadata (METADATA / PKG-INFO), wheel and sdist filenames, and the wheel tags a target
 * supports (PEP 425, 427, 600, 656), behaving exactly as {@code packaging} 26.x.
 *
 * <p>Parameters and return values are non-null unless stated.
 */
package org.pylock4j.metadata;
