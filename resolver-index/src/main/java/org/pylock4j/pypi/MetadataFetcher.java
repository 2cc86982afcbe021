package org.pylock4j.pypi;

import org.pylock4j.pypi.internal.Http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pylock4j.internal.Failures;
import org.pylock4j.error.IndexException;
import org.pylock4j.error.PylockException;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.version.Version;

/**
 * Finds the core metadata of one distribution, cheapest source first: the on-disk cache (by
 * hash) → the PEP 658 {@code .metadata} file, checked against its hash → HTTP range requests on
 * the wheel's zip central directory and its {@code *.dist-info/METADATA} entry → the whole file,
 * checked against its sha256 (a wheel's METADATA, an sdist's {@code PKG-INFO}). Nothing is built.
 */
final class MetadataFetcher {

  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final int TAIL = 64 * 1024;
  private static final int LOCAL_SLACK = 1024;

  private final java.util.function.Supplier<Http> http;
  private final MetadataStore store;
  private final boolean offline;
  private final long maxMetadataBytes;
  private final String metadataLimit;
  private final long maxFileBytes;
  private final String fileLimit;
  private final LocalArchive localArchive;
  private final Executor executor;
  private final LongAdder cacheHits;
  private final Consumer<String> warnings;
  /** The sha256 of each file without a declared hash this fetcher downloaded whole, by URL. */
  private final Map<String, String> downloaded = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param metadataLimit the setting {@code maxMetadataBytes} comes from, named when it is exceeded
   * @param fileLimit the setting {@code maxFileBytes} comes from
   */
  MetadataFetcher(java.util.function.Supplier<Http> http, MetadataStore store, boolean offline, long maxMetadataBytes,
      String metadataLimit, long maxFileBytes, String fileLimit, Executor executor,
      LongAdder cacheHits, Consumer<String> warnings) {
    this.http = http;
    this.store = store;
    this.offline = offline;
    this.maxMetadataBytes = maxMetadataBytes;
    this.metadataLimit = metadataLimit;
    this.maxFileBytes = maxFileBytes;
    this.fileLimit = fileLimit;
    this.localArchive = new LocalArchive(maxMetadataBytes, metadataLimit, maxFileBytes, fileLimit);
    this.executor = executor;
    this.cacheHits = cacheHits;
    this.warnings = warnings;
  }

  /**
   * Metadata bytes and whether this process hashed the whole distribution they came from (then,
   * and only then, the distribution's sha256 proves them and may key the cache).
   */
  private record Found(byte[] bytes, boolean fileHashed) {}

  /**
   * The metadata of {@code file}. The disk cache is keyed only by what the content proves: the
   * sha256 of a distribution this process downloaded whole and hashed, or the sha256 of the PEP
   * 658 metadata file itself. A hash an index merely declares for a file whose metadata came from
   * elsewhere (a metadata file, range requests) never keys an entry, so an index cannot plant
   * metadata that another index's identical file would later be read with.
   */
  CompletableFuture<CoreMetadata> fetch(DistributionFile file, Ops ops) {
    String fileSha = file.sha256().orElse(null);
    String coreSha = file.hasCoreMetadataFile() ? file.coreMetadataHashes().get("sha256") : null;
    // a local file is read in place as fast as a cache entry: not cached (no keys to hash, no
    // temporary files: either would initialise the JDK's security providers)
    boolean local = file.url().startsWith("file:");
    MetadataStore store = local ? null : this.store;
    String sourceKey = fileSha == null || store == null ? null
        : sha256((file.url() + "\n" + fileSha).getBytes(StandardCharsets.UTF_8));
    if (store != null) {
      byte[] cached = store.get(MetadataStore.Key.FILE, fileSha);
      if (cached == null) {
        cached = store.get(MetadataStore.Key.CORE, coreSha);
        if (cached != null && !sha256(cached).equals(coreSha)) {
          cached = null; // not what the key says: a damaged entry is a miss
        }
      }
      if (cached == null) {
        cached = store.get(MetadataStore.Key.SOURCE, sourceKey);
      }
      if (cached != null) {
        try {
          CoreMetadata metadata = parse(file, file.url(), cached);
          cacheHits.increment();
          return CompletableFuture.completedFuture(metadata);
        } catch (PylockException e) {
          // a corrupt cache entry is a miss
        }
      }
    }
    CompletableFuture<Found> found;
    if (local) {
      found = CompletableFuture.supplyAsync(() -> local(file), executor);
    } else {
      found = (file.hasCoreMetadataFile() ? pep658(file, ops) : CompletableFuture.<byte[]>completedFuture(null))
          .thenCompose(bytes -> bytes != null ? CompletableFuture.completedFuture(new Found(bytes, false))
              : fromDistribution(file, ops));
    }
    return found.thenApplyAsync(result -> {
      byte[] bytes = result.bytes();
      CoreMetadata metadata = parse(file, file.url(), bytes);
      if (store != null) {
        boolean proven = coreSha != null && coreSha.equals(sha256(bytes));
        if (result.fileHashed()) {
          store.put(MetadataStore.Key.FILE, fileSha, bytes);
        }
        if (proven) {
          store.put(MetadataStore.Key.CORE, coreSha, bytes);
        }
        if (!proven && !result.fileHashed()) {
          store.put(MetadataStore.Key.SOURCE, sourceKey, bytes); // what this URL said, for it alone
        }
      }
      return metadata;
    }, executor).exceptionallyCompose(e -> {
      Throwable cause = unwrap(e);
      if (cause instanceof PylockException || cause instanceof java.util.concurrent.CancellationException
          || !(cause instanceof RuntimeException)) {
        return CompletableFuture.failedFuture(cause);
      }
      // a malformed archive this code did not foresee: still an index failure naming the URL
      return CompletableFuture.failedFuture(new IndexException("unreadable archive " + file.url()
          + ": " + Http.describe(cause), file.url(), 0, null));
    });
  }

  /**
   * The sha256 of {@code url} when this fetcher downloaded it whole (a file given without a hash,
   * such as a direct URL), else null: it need not be downloaded again to be hashed.
   */
  String downloadedSha256(String url) {
    return downloaded.get(url);
  }

  /** The archive's metadata, the archive checked against its hashes first. */
  private Found hashed(DistributionFile file, byte[] archive, String url) {
    if (file.hashes().isEmpty()) {
      downloaded.put(url, sha256(archive));
    }
    return new Found(fromArchive(file, archive, url), file.sha256().isPresent());
  }

  private CompletableFuture<byte[]> pep658(DistributionFile file, Ops ops) {
    String url = file.url() + ".metadata";
    return ops.track(http.get().get(url, Http.Kind.METADATA_FILE, Map.of(), offline, true,
            maxMetadataBytes, metadataLimit))
        .thenApply(result -> {
          if (result.offlineMiss() || result.code() == 404 || result.code() == 410) {
            return null;
          }
          if (result.code() != 200) {
            throw new IndexException("GET " + url + " failed: HTTP " + result.code(), url, result.code(), null);
          }
          verify(file.coreMetadataHashes(), result.body(), url, "metadata file");
          return result.body();
        });
  }

  private CompletableFuture<Found> fromDistribution(DistributionFile file, Ops ops) {
    if (offline) {
      return CompletableFuture.failedFuture(new IndexException("offline: the metadata of "
          + file.filename() + " is not in the cache (" + file.url()
          + "); run once online with the same cache directory", file.url(), 0, null));
    }
    if (file.isWheel() && (file.size() < 0 || file.size() > TAIL)) {
      return ranges(file, ops);
    }
    return whole(file, ops);
  }

  // ---- range requests on a wheel

  /** Bytes {@code start..start+bytes.length} of a file of {@code total} bytes; whole when the server ignored the range. */
  private record Window(byte[] bytes, long start, long total, boolean whole) {}

  private CompletableFuture<Found> ranges(DistributionFile file, Ops ops) {
    String url = file.url();
    return range(url, "bytes=-" + TAIL, ops).thenCompose(tail -> {
      if (tail == null) {
        return whole(file, ops);
      }
      if (tail.whole()) { // the server ignored the range: the file is here already
        return CompletableFuture.supplyAsync(() -> hashed(file, tail.bytes(), url), executor);
      }
      Zip.Directory directory;
      try {
        directory = Zip.directory(tail.bytes(), tail.start());
      } catch (Zip.ZipFormatException e) {
        throw notAWheel(url, e);
      }
      if (directory == null) {
        return whole(file, ops);
      }
      long cdEnd = directory.offset() + directory.size();
      CompletableFuture<byte[]> cd;
      if (directory.offset() >= tail.start() && cdEnd <= tail.start() + tail.bytes().length) {
        cd = CompletableFuture.completedFuture(slice(tail, directory.offset(), cdEnd));
      } else {
        cd = range(url, "bytes=" + directory.offset() + "-" + (cdEnd - 1), ops)
            .thenApply(w -> {
              if (w != null && w.whole()) {
                return slice(w, directory.offset(), cdEnd);
              }
              if (w == null || w.bytes().length != directory.size()) {
                throw new IndexException("bad range response from " + url, url, 0, null);
              }
              return w.bytes();
            });
      }
      return cd.thenCompose(bytes -> entry(file, tail, bytes, ops))
          .thenApply(bytes -> new Found(bytes, false)); // the wheel itself was not hashed
    });
  }

  private CompletableFuture<byte[]> entry(DistributionFile file, Window tail, byte[] cd, Ops ops) {
    String url = file.url();
    Zip.Entry entry;
    try {
      entry = metadataEntry(file.project(), Zip.entries(cd), url);
    } catch (Zip.ZipFormatException e) {
      throw notAWheel(url, e);
    }
    checkEntrySize(entry, url);
    long start = entry.localOffset();
    long end = Math.min(tail.total(), start + Zip.span(entry, LOCAL_SLACK));
    if (start >= tail.start() && end <= tail.start() + tail.bytes().length) {
      return extract(url, slice(tail, start, end), entry, tail, ops);
    }
    return range(url, "bytes=" + start + "-" + (end - 1), ops)
        .thenCompose(w -> extract(url, w == null ? new byte[0]
            : w.whole() ? slice(w, start, w.total()) : w.bytes(), entry, tail, ops));
  }

  private CompletableFuture<byte[]> extract(String url, byte[] window, Zip.Entry entry, Window tail, Ops ops) {
    long[] needed = new long[1];
    byte[] result;
    try {
      result = Zip.extract(window, entry, maxMetadataBytes, needed);
    } catch (Zip.ZipFormatException e) {
      throw notAWheel(url, e);
    }
    if (result != null) {
      return CompletableFuture.completedFuture(result);
    }
    long start = entry.localOffset();
    return range(url, "bytes=" + start + "-" + (start + needed[0] - 1), ops).thenApply(w -> {
      try {
        byte[] more = w == null ? null : w.whole() ? slice(w, start, w.total()) : w.bytes();
        byte[] again = more == null ? null : Zip.extract(more, entry, maxMetadataBytes, needed);
        if (again == null) {
          throw new IndexException("bad range response from " + url, url, 0, null);
        }
        return again;
      } catch (Zip.ZipFormatException e) {
        throw notAWheel(url, e);
      }
    });
  }

  /** One range request; null when the server does not serve ranges (the caller then reads the whole file). */
  private CompletableFuture<Window> range(String url, String range, Ops ops) {
    return ops.track(http.get().get(url, Http.Kind.RANGE, Map.of("Range", range, "Accept-Encoding", "identity"),
            false, false, maxFileBytes, fileLimit))
        .thenApply(result -> {
          if (result.code() == 206) {
            Matcher m = CONTENT_RANGE.matcher(String.valueOf(result.header("Content-Range")));
            if (!m.matches() || m.group(3).equals("*")) {
              return null;
            }
            long start = Long.parseLong(m.group(1));
            long end = Long.parseLong(m.group(2));
            if (end - start + 1 != result.body().length) {
              throw new IndexException("truncated range response from " + url + " (expected "
                  + (end - start + 1) + " bytes, got " + result.body().length + ")", url, 206, null);
            }
            return new Window(result.body(), start, Long.parseLong(m.group(3)), false);
          }
          if (result.code() == 200) {
            return new Window(result.body(), 0, result.body().length, true);
          }
          if (result.code() == 404 || result.code() == 410) {
            throw new IndexException("GET " + url + " failed: HTTP " + result.code(), url, result.code(), null);
          }
          return null;
        });
  }

  // ---- whole files

  private CompletableFuture<Found> whole(DistributionFile file, Ops ops) {
    String url = file.url();
    return ops.track(http.get().get(url, Http.Kind.WHOLE_FILE, Map.of(), false, false, maxFileBytes, fileLimit))
        .thenApplyAsync(result -> {
          if (result.code() != 200) {
            throw new IndexException("GET " + url + " failed: HTTP " + result.code(), url, result.code(), null);
          }
          return hashed(file, result.body(), url);
        }, executor);
  }

  /**
   * A {@code file:} distribution: its PEP 658 file when there is one, else the one entry read by
   * random access ({@link LocalArchive}), never the whole file. Its hash is not computed here: a
   * local index that gives none has it computed, streamed, when its page is read.
   */
  private Found local(DistributionFile file) {
    String url = file.url();
    try {
      Path path = Path.of(URI.create(url));
      Path metadata = Path.of(URI.create(url + ".metadata"));
      if (file.hasCoreMetadataFile() && Files.isRegularFile(metadata)) {
        if (Files.size(metadata) > maxMetadataBytes) {
          throw new IndexException(url + ".metadata is larger (" + Files.size(metadata)
              + " bytes) than the maximum allowed (" + maxMetadataBytes + " bytes, from "
              + metadataLimit + ")", url + ".metadata", 0, null);
        }
        byte[] bytes = Files.readAllBytes(metadata);
        verify(file.coreMetadataHashes(), bytes, url + ".metadata", "metadata file");
        return new Found(bytes, false);
      }
      if (!Files.isRegularFile(path)) {
        throw new IndexException(url + " is not a regular file", url, 0, null);
      }
      String lower = file.filename().toLowerCase(Locale.ROOT);
      if (lower.endsWith(".tar.gz")) {
        byte[] found = localArchive.tarGzEntry(path, MetadataFetcher::isPkgInfo);
        if (found == null) {
          throw new IndexException("no PKG-INFO in sdist " + url, url, 0, null);
        }
        return new Found(found, false);
      }
      return new Found(localArchive.zipEntry(path, entries -> {
        Zip.Entry entry = file.isWheel() ? metadataEntry(file.project(), entries, url)
            : Zip.find(entries, MetadataFetcher::isPkgInfo);
        if (entry == null) {
          throw new IndexException("no PKG-INFO in sdist " + url, url, 0, null);
        }
        return entry;
      }), false);
    } catch (LocalArchive.TooLargeException e) {
      throw new IndexException("unreadable archive " + url + ": " + e.getMessage(), url, 0, null);
    } catch (Zip.ZipFormatException e) {
      throw notAWheel(url, e);
    } catch (IOException | IllegalArgumentException e) {
      throw new IndexException("cannot read " + url + ": " + Failures.describe(e), url, 0, null);
    }
  }

  /** Fails naming the limit when {@code entry} is larger than the metadata limit. */
  private void checkEntrySize(Zip.Entry entry, String url) {
    if (entry.size() > maxMetadataBytes) {
      throw new IndexException("unreadable archive " + url + ": " + entry.name() + " is larger (" + entry.size()
          + " bytes) than the maximum allowed (" + maxMetadataBytes + " bytes, from "
          + metadataLimit + ")", url, 0, null);
    }
  }

  private byte[] fromArchive(DistributionFile file, byte[] archive, String url) {
    verify(file.hashes(), archive, url, "file");
    String lower = file.filename().toLowerCase(Locale.ROOT);
    try {
      if (lower.endsWith(".tar.gz")) {
        byte[] found = Tar.findInTarGz(archive, MetadataFetcher::isPkgInfo, maxMetadataBytes, metadataLimit);
        if (found == null) {
          throw new IndexException("no PKG-INFO in sdist " + url, url, 0, null);
        }
        return found;
      }
      List<Zip.Entry> entries = Zip.entriesOfWhole(archive);
      Zip.Entry entry = file.isWheel() ? metadataEntry(file.project(), entries, url)
          : Zip.find(entries, MetadataFetcher::isPkgInfo);
      if (entry == null) {
        throw new IndexException("no PKG-INFO in sdist " + url, url, 0, null);
      }
      checkEntrySize(entry, url);
      return Zip.extractFromWhole(archive, entry, maxMetadataBytes);
    } catch (Zip.ZipFormatException e) {
      throw notAWheel(url, e);
    } catch (IOException e) {
      throw new IndexException("unreadable sdist " + url + ": " + e.getMessage(), url, 0, null);
    }
  }

  private static boolean isPkgInfo(String name) {
    String path = Tar.stripDotSlash(name);
    int slash = path.indexOf('/');
    return slash > 0 && path.indexOf('/', slash + 1) < 0 && path.endsWith("/PKG-INFO");
  }

  /** The top-level {@code *.dist-info/METADATA}, preferring the one named for the project. */
  static Zip.Entry metadataEntry(ProjectName project, List<Zip.Entry> entries, String url) {
    Predicate<String> isMetadata = name -> {
      int slash = name.indexOf('/');
      return slash > 0 && name.substring(slash).equals("/METADATA")
          && name.substring(0, slash).endsWith(".dist-info");
    };
    Zip.Entry named = Zip.find(entries, name -> {
      if (!isMetadata.test(name)) {
        return false;
      }
      String dir = name.substring(0, name.indexOf(".dist-info/"));
      int dash = dir.lastIndexOf('-');
      return dash > 0 && ProjectName.normalize(dir.substring(0, dash)).equals(project.normalized());
    });
    Zip.Entry entry = named != null ? named : Zip.find(entries, isMetadata);
    if (entry == null) {
      throw new IndexException("no .dist-info/METADATA in wheel " + url, url, 0, null);
    }
    return entry;
  }

  // ---- checks

  private CoreMetadata parse(DistributionFile file, String url, byte[] bytes) {
    CoreMetadata metadata;
    try {
      metadata = CoreMetadata.parse(new String(bytes, StandardCharsets.UTF_8));
    } catch (PylockException e) {
      throw new IndexException("invalid core metadata of " + file.filename() + " from " + url + ": "
          + e.getMessage(), url, 0, null);
    }
    if (!ProjectName.normalize(metadata.name()).equals(file.project().normalized())) {
      throw new IndexException("the metadata of " + file.filename() + " from " + url + " is for "
          + metadata.name() + ", not " + file.project(), url, 0, null);
    }
    Version version = Version.tryParse(metadata.version()).orElse(null);
    if (version == null || !version.equals(file.version())) {
      warnings.accept("the metadata of " + file.filename() + " says version " + metadata.version()
          + ", its filename " + file.version());
    }
    return metadata;
  }

  /** Checks {@code bytes} against every hash in {@code expected} that the JDK can compute. */
  static void verify(Map<String, String> expected, byte[] bytes, String url, String what) {
    for (Map.Entry<String, String> hash : expected.entrySet()) {
      String algorithm = switch (hash.getKey()) {
        case "sha256" -> "SHA-256";
        case "sha384" -> "SHA-384";
        case "sha512" -> "SHA-512";
        case "sha224" -> "SHA-224";
        case "sha1" -> "SHA-1";
        case "md5" -> "MD5";
        default -> null;
      };
      if (algorithm == null) {
        continue;
      }
      String actual = digest(algorithm, bytes);
      if (!actual.equalsIgnoreCase(hash.getValue())) {
        throw new IndexException(hash.getKey() + " mismatch for " + what + " " + url + ": expected "
            + hash.getValue() + ", got " + actual, url, 0, null);
      }
    }
  }

  static String sha256(byte[] bytes) {
    return digest("SHA-256", bytes);
  }

  private static String digest(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] slice(Window window, long from, long to) {
    return Arrays.copyOfRange(window.bytes(), (int) (from - window.start()), (int) (to - window.start()));
  }

  private static IndexException notAWheel(String url, Exception e) {
    return new IndexException("unreadable archive " + url + ": " + e.getMessage(), url, 0, null);
  }

  static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }
}
