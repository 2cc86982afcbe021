/**
 * Core metadata (METADATA / PKG-INFO), wheel and sdist filenames, and the wheel tags a target
 * supports (PEP 425, 427, 600, 643, 656), behaving exactly as {@code packaging} 26.x.
 *
 * <ul>
 *   <li>{@link org.pylock4j.metadata.CoreMetadata#parse(String)} reads the header block as
 *       {@code packaging.metadata.parse_email} (Python's {@code email} parser, {@code compat32})
 *       does, keeps the fields resolution needs, and says per PEP 643 whether an sdist's
 *       dependencies may be trusted without a build.
 *   <li>{@link org.pylock4j.metadata.WheelFilename#parse(String)} and {@link
 *       org.pylock4j.metadata.SdistFilename#parse(String)} apply {@code packaging.utils}'s checks
 *       in its order, with its messages; the one difference is that a name must be a PEP 508
 *       name.
 *   <li>{@link org.pylock4j.metadata.TagSet} lists the tags a CPython target supports in {@code
 *       sys_tags()} order and ranks wheels by them; its platform lists ({@code manylinux},
 *       {@code musllinux}, macOS, Windows) are computed for an emulated machine the way {@code
 *       packaging} computes them on a real one.
 * </ul>
 *
 * <p>The conformance tables under {@code src/test/resources/org/pylock4j/metadata} are generated
 * by {@code src/test/python/gen_metadata_tables.py} with {@code packaging} 26.2.
 *
 * <p>Parameters and return values are non-null unless stated.
 */
package org.pylock4j.metadata;
