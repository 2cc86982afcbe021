package org.pylock4j.pypi;

/**
 * Counters of the work a {@link PypiIndex} did since it was built. Request counts count requests
 * that reached the network (each attempt and each redirect hop); answers from a cache are counted
 * separately.
 *
 * @param pageRequests Simple API project pages requested over the network (incl. 304 revalidations)
 * @param metadataFileRequests PEP 658 {@code .metadata} files requested over the network
 * @param rangeRequests HTTP range requests on wheels (zip central directory, METADATA entry)
 * @param wholeFileRequests whole distributions downloaded to read their metadata
 * @param retries requests retried after a 5xx, a 429 or an I/O failure
 * @param metadataCacheHits metadata answered from the on-disk metadata cache (keyed by hash)
 * @param skippedFiles files listed on a page whose name is not a wheel or sdist of the project
 */
public record IndexStatistics(
    long pageRequests,
    long metadataFileRequests,
    long rangeRequests,
    long wholeFileRequests,
    long retries,
    long metadataCacheHits,
    long skippedFiles) {

  /** {@return all metadata-related requests: PEP 658 files, range requests and whole files} */
  public long metadataRequests() {
    return metadataFileRequests + rangeRequests + wholeFileRequests;
  }
}
