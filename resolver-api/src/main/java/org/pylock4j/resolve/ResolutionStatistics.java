package org.pylock4j.resolve;

import java.time.Duration;

/**
 * What a resolution cost.
 *
 * @param candidates candidate versions seen, over all projects
 * @param pagesFetched project pages fetched
 * @param metadataFetched metadata files fetched
 * @param rounds solver rounds of the lazy loop
 * @param solverCalls calls to the SAT solver, over all rounds
 * @param elapsed wall time
 */
public record ResolutionStatistics(
    int candidates,
    int pagesFetched,
    int metadataFetched,
    int rounds,
    int solverCalls,
    Duration elapsed) {}
