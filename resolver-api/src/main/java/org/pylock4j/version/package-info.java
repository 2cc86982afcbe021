/**
 * PEP 440 versions and specifiers, behaving exactly as the reference implementation {@code
 * packaging} 26.x.
 *
 * <ul>
 *   <li>{@link org.pylock4j.version.Version}: parse any spelling PEP 440 normalises, print the
 *       normal form, order totally; numbers of any size.
 *   <li>{@link org.pylock4j.version.Specifier}: one clause ({@code >=1.0}, {@code ==1.4.*},
 *       {@code ~=2.2}, {@code ===foo}).
 *   <li>{@link org.pylock4j.version.SpecifierSet}: a comma-separated conjunction of clauses,
 *       with {@code contains} and {@code filter} applying PEP 440's pre-release rules.
 * </ul>
 *
 * <p>Pre-releases, as in {@code packaging} 26: {@code contains(v)} of a single version admits a
 * matching pre-release (it is the only candidate); {@code contains(v, false)} never does; {@code
 * SpecifierSet.filter(versions)} admits pre-releases only when a clause names one or no final
 * release matches. A resolver choosing among candidates should use {@code filter} or {@code
 * contains(v, allow)} with its own policy.
 *
 * <p>Invalid text raises {@link org.pylock4j.error.InvalidVersionException} or {@link
 * org.pylock4j.error.InvalidSpecifierException}, naming the input; the {@code tryParse} methods
 * return empty instead. All types are immutable and thread-safe.
 *
 * <p>Parameters and return values are non-null unless stated.
 */
package org.pylock4j.version;
