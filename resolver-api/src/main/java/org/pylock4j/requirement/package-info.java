/**
 * PEP 508 requirements and environment markers, and PEP 503 project names, behaving exactly as
 * {@code packaging} 26.x.
 *
 * <p>Parameters and return values are non-null unless stated.
 */
package org.pylock4j.requirement;
