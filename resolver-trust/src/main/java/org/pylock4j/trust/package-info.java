/**
 * Supply-chain defences, each behind one public facade:
 *
 * <ul>
 *   <li>{@link org.pylock4j.trust.TyposquatCheck}: requested names that look like a popular
 *       project's (typosquatting);
 *   <li>{@link org.pylock4j.trust.VulnerabilityAudit}: known vulnerabilities from OSV, online or
 *       from an offline export, and the versions a resolver must avoid ({@code lock
 *       --avoid-vulnerable});
 *   <li>{@link org.pylock4j.trust.LockDiff}: an update reviewed as an event (changed hashes,
 *       indexes and publisher identities, young new projects);
 *   <li>{@link org.pylock4j.trust.BuildReport}: locked packages that would run code at install
 *       time (no wheel);
 *   <li>{@link org.pylock4j.trust.PinnedIndexes}: per-project index pinning against dependency
 *       confusion.
 * </ul>
 *
 * <p>Everything is non-null unless stated. Nothing here prints; results are values a caller
 * renders.
 */
package org.pylock4j.trust;
