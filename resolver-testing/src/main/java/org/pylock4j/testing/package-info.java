/**
 * Test support for pylock4j and for the tests of projects that embed it: {@link
 * org.pylock4j.testing.SimpleIndexServer} serves a directory laid out as a static Simple index
 * (PEP 503 HTML, PEP 691 JSON, PEP 658 metadata files) on 127.0.0.1.
 *
 * <p>Everything is non-null unless stated.
 */
package org.pylock4j.testing;
