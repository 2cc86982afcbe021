/**
 * {@link org.pylock4j.sat.SatResolver}: resolution as SAT with Sat4j (DESIGN "Resolution").
 *
 * <p>How it works, class by class (all package-private but the facade):
 *
 * <ul>
 *   <li>{@code CandidateSelector} — which versions of a page are candidates (yanked unless pinned,
 *       Requires-Python, exclude-newer, excluded versions, compatible wheel or sdist, pre-release
 *       policy), their usable files best first, and why the others are not.
 *   <li>{@code Problem} — the encoding: {@code x[p,v]} per candidate, {@code inst[p] <-> OR
 *       x[p,*]}, Sat4j's native at-most-one, roots, constraints (units), overrides (replace
 *       declared requirements), dependencies of known versions and extras ({@code y[p,e]}), each
 *       clause in a group that records its origin. Encoding waits until every page a clause
 *       names is known.
 *   <li>{@code Session} — the lazy loop on the request's executor: solve, fetch the metadata of
 *       chosen versions still unknown (and, in the same batch, the pages they name), add clauses
 *       to the same incremental solver, repeat; never blocks a thread, integrates results in an
 *       input-determined order.
 *   <li>{@code Optimizer} — the one optimal answer: a breadth-first walk from the roots deciding
 *       each required project's most preferred version with unit assumptions and binary search.
 *   <li>{@code Explainer} — a minimal unsatisfiable core over clause groups ({@code
 *       HighLevelXplain}) rendered as requirement chains.
 *   <li>{@code GraphBuilder} — the lock graph read out of the optimal model.
 * </ul>
 *
 * <p>Parameters and return values are non-null unless stated.
 */
package org.pylock4j.sat;
