/**
 * Implementation shared by the packages of {@code org.pylock4j.api}. <b>Not API:</b> the module
 * does not export this package; anything here may change or disappear in any release.
 *
 * <p>Parameters and return values are non-null unless stated.
 */
package org.pylock4j.internal;
