/**
 * The index client: {@link org.pylock4j.pypi.PypiIndex}, a {@link
 * org.pylock4j.resolve.PackageSource} over the Simple API (PEP 503 HTML, PEP 691 JSON, PEP 658/714
 * metadata files, PEP 700 upload times), {@code file://} indexes and directories of
 * distributions; and {@link org.pylock4j.pypi.IndexStrategy} for several indexes.
 *
 * <p>Everything is non-null unless stated. The static index layout both read and served is
 * described in {@code tools/README.md}.
 */
package org.pylock4j.pypi;
