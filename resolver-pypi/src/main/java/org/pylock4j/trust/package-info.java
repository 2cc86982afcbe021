/**
 * Supply-chain defences: warnings for names that look like a popular project's ({@link
 * org.pylock4j.trust.TyposquatCheck}), a vulnerability audit against OSV ({@link
 * org.pylock4j.trust.VulnerabilityAudit}) that also tells a resolver which versions to avoid, the
 * review of a lock update ({@link org.pylock4j.trust.LockDiff}) and the report of packages that
 * would run code at install time ({@link org.pylock4j.trust.BuildReport}).
 *
 * <p>Everything is non-null unless stated.
 */
package org.pylock4j.trust;
