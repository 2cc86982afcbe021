/**
 * Readers of the files people declare dependencies in: pip requirements files ({@link
 * org.pylock4j.input.RequirementsFile}) and {@code pyproject.toml} ({@link
 * org.pylock4j.input.PyprojectToml}). Both keep where each requirement was declared ({@link
 * org.pylock4j.input.DeclaredRequirement}) and report bad input as an {@link
 * org.pylock4j.error.InvalidInputException} naming file, line and column. Reusable by any front
 * end (the command, an IDE).
 *
 * <p>Parameters and return values are non-null unless stated.
 */
package org.pylock4j.input;
