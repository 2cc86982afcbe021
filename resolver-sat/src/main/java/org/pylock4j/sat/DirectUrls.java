package org.pylock4j.sat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.internal.Redaction;
import org.pylock4j.metadata.SdistFilename;
import org.pylock4j.metadata.WheelFilename;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.version.Version;

/** The file a direct URL requirement ({@code name @ url}) names: a wheel or an sdist. */
final class DirectUrls {

  private DirectUrls() {}

  /**
   * The file at {@code url} (its fragment's hashes kept), or null with the reason added to
   * {@code reasons} when it is not a candidate.
   */
  static DistributionFile file(
      ProjectName project, String fullUrl, ResolutionRequest request, List<String> reasons) {
    String url = stripFragment(fullUrl);
    String path;
    try {
      path = URI.create(url.replace(" ", "%20")).getPath();
    } catch (IllegalArgumentException e) {
      path = url;
    }
    String filename = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    Version version;
    try {
      if (filename.endsWith(".whl")) {
        WheelFilename wheel = WheelFilename.parse(filename);
        if (request.target().tags().rank(wheel) < 0) {
          reasons.add("the wheel at " + url + " is not compatible with the target");
          return null;
        }
        version = wheel.version();
      } else if (CandidateSelector.isSdist(filename) && !request.onlyBinary()) {
        version = SdistFilename.parse(filename).version();
      } else {
        reasons.add("the direct URL " + url + " is not a wheel or sdist file; only a build could"
            + " tell its version and dependencies; pylock4j never runs package code");
        return null;
      }
    } catch (RuntimeException e) {
      reasons.add("the direct URL " + url + " does not name a wheel or sdist file");
      return null;
    }
    Map<String, String> hashes = hashesOf(fullUrl);
    if (hashes.isEmpty() && url.regionMatches(true, 0, "file:", 0, 5)) {
      // a local file is read anyway: hash it, as pip-compile and uv do, instead of refusing it
      try {
        hashes = Map.of("sha256", sha256(Path.of(URI.create(url.replace(" ", "%20")))));
      } catch (IOException | IllegalArgumentException e) {
        reasons.add("the direct URL " + url + " cannot be read (" + e.getMessage() + ")");
        return null;
      }
    }
    return new DistributionFile(project, version, filename, url, hashes, null, null, null, -1, null);
  }

  /** The sha256 of a regular file, streamed. */
  static String sha256(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException("not a regular file");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return org.pylock4j.internal.Digests.sha256(in);
    }
  }

  /** The hashes a URL fragment names ({@code #sha256=...}). */
  private static Map<String, String> hashesOf(String url) {
    int hash = url.indexOf('#');
    Map<String, String> hashes = new TreeMap<>();
    if (hash >= 0) {
      for (String part : url.substring(hash + 1).split("&")) {
        int eq = part.indexOf('=');
        if (eq > 0 && part.substring(0, eq).matches("sha(256|384|512)|md5")) {
          String algorithm = part.substring(0, eq);
          String hex = part.substring(eq + 1);
          int digits = switch (algorithm) {
            case "md5" -> 32;
            case "sha256" -> 64;
            case "sha384" -> 96;
            default -> 128;
          };
          if (hex.length() != digits || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            // never written into a lock the tool itself would then refuse to read
            throw new InvalidInputException("the direct URL " + Redaction.redact(stripFragment(url))
                + " gives a malformed " + algorithm + " hash \"" + abbreviate(hex) + "\" (" + digits
                + " hexadecimal digits expected)", Redaction.redact(url));
          }
          hashes.put(algorithm, hex.toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return hashes;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }

  static String stripFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }
}
