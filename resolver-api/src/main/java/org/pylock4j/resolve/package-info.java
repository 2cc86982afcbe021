/**
 * The resolution API: {@link org.pylock4j.resolve.Resolver} turns a {@link
 * org.pylock4j.resolve.ResolutionRequest} into a {@link org.pylock4j.resolve.Resolution}, reading
 * projects through the {@link org.pylock4j.resolve.PackageSource} SPI.
 *
 * <p>Parameters and return values are non-null unless stated.
 */
package org.pylock4j.resolve;
