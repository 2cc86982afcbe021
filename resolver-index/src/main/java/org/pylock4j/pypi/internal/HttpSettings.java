package org.pylock4j.pypi.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How {@link Http} reaches servers: the settings the index client and the OSV client share. Not
 * API: exported to the library modules only.
 *
 * @param maxParallelRequests the most requests in flight at once (in total and per host)
 * @param connectTimeout the connect timeout
 * @param readTimeout the read (and write) timeout
 * @param userAgent the User-Agent header
 * @param cacheDirectory where cacheable answers are kept (under {@code http-v2}), or null
 * @param httpCacheEntryBytes the largest answer cached
 * @param retries retries after a 5xx, a 429, a timeout or a broken connection
 * @param retryBackoff the first retry delay, doubled on each further retry
 * @param requestTimeout the longest one request may take in total, retries included; zero for none
 * @param httpsProxy the proxy URL for https requests, or null
 * @param httpProxy the proxy URL for http requests, or null
 * @param noProxy the hosts reached directly
 * @param certificates a PEM file of the CAs to verify https servers with, or null for the JDK's
 */
public record HttpSettings(
    int maxParallelRequests,
    Duration connectTimeout,
    Duration readTimeout,
    String userAgent,
    Path cacheDirectory,
    long httpCacheEntryBytes,
    int retries,
    Duration retryBackoff,
    Duration requestTimeout,
    String httpsProxy,
    String httpProxy,
    List<String> noProxy,
    Path certificates) {

  /**
   * Copies the list.
   *
   * @param maxParallelRequests the most requests in flight at once (in total and per host)
   * @param connectTimeout the connect timeout
   * @param readTimeout the read (and write) timeout
   * @param userAgent the User-Agent header
   * @param cacheDirectory where cacheable answers are kept (under {@code http-v2}), or null
   * @param httpCacheEntryBytes the largest answer cached
   * @param retries retries after a 5xx, a 429, a timeout or a broken connection
   * @param retryBackoff the first retry delay, doubled on each further retry
   * @param requestTimeout the longest one request may take in total; zero for none
   * @param httpsProxy the proxy URL for https requests, or null
   * @param httpProxy the proxy URL for http requests, or null
   * @param noProxy the hosts reached directly
   * @param certificates a PEM file of the CAs to verify https servers with, or null
   */
  public HttpSettings {
    noProxy = List.copyOf(noProxy);
  }
}
