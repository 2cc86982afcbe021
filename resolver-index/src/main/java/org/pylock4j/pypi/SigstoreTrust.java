package org.pylock4j.pypi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Sigstore trust root (Fulcio certificate chains, Rekor log keys) and the checks made with
 * it, JDK only: the certificate chains to a Fulcio root at the log's integration time, and the
 * Rekor entry's signed entry timestamp (the "inclusion promise") verifies with the log's key and
 * is for this very signature, statement and certificate.
 *
 * <p>The embedded root is the public-good instance's {@code trusted_root.json} (its {@code tlogs}
 * and {@code certificateAuthorities}), as distributed through Sigstore's TUF repository
 * (copied from sigstore-python's embedded copy for {@code tuf-repo-cdn.sigstore.dev}).
 */
final class SigstoreTrust {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Authority(List<X509Certificate> chain, Instant start, Instant end) {}

  private final List<Authority> authorities;
  private final Map<String, PublicKey> logs; // hex log id -> key

  private SigstoreTrust(List<Authority> authorities, Map<String, PublicKey> logs) {
    this.authorities = List.copyOf(authorities);
    this.logs = Map.copyOf(logs);
  }

  /** The embedded public-good root. */
  static SigstoreTrust publicGood() {
    try (InputStream in = SigstoreTrust.class.getResourceAsStream("sigstore-trusted-root.json")) {
      if (in == null) {
        throw new IllegalStateException("sigstore-trusted-root.json is missing from the jar");
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the embedded Sigstore trusted root", e);
    }
  }

  /**
   * Reads a Sigstore {@code trusted_root.json}.
   *
   * @throws IllegalArgumentException when it is not one
   */
  static SigstoreTrust parse(byte[] json) {
    try {
      JsonNode root = JSON.readTree(json);
      CertificateFactory x509 = CertificateFactory.getInstance("X.509");
      List<Authority> authorities = new ArrayList<>();
      for (JsonNode ca : root.path("certificateAuthorities")) {
        List<X509Certificate> chain = new ArrayList<>();
        for (JsonNode c : ca.path("certChain").path("certificates")) {
          chain.add((X509Certificate) x509.generateCertificate(new ByteArrayInputStream(
              Base64.getDecoder().decode(c.path("rawBytes").asText()))));
        }
        if (!chain.isEmpty()) {
          authorities.add(new Authority(chain, instant(ca.path("validFor").path("start")),
              instant(ca.path("validFor").path("end"))));
        }
      }
      Map<String, PublicKey> logs = new TreeMap<>();
      for (JsonNode log : root.path("tlogs")) {
        byte[] spki = Base64.getDecoder().decode(log.path("publicKey").path("rawBytes").asText());
        String algorithm = log.path("publicKey").path("keyDetails").asText("").contains("ED25519")
            ? "Ed25519" : log.path("publicKey").path("keyDetails").asText("").contains("RSA")
            ? "RSA" : "EC";
        logs.put(HexFormat.of().formatHex(Base64.getDecoder().decode(
            log.path("logId").path("keyId").asText())),
            KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki)));
      }
      if (authorities.isEmpty() || logs.isEmpty()) {
        throw new IllegalArgumentException("a trusted root needs certificate authorities and tlogs");
      }
      return new SigstoreTrust(authorities, logs);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
          && iae.getMessage().startsWith("a trusted root")) {
        throw iae;
      }
      throw new IllegalArgumentException("not a Sigstore trusted root: " + e, e);
    }
  }

  private static Instant instant(JsonNode node) {
    return node.isTextual() ? Instant.parse(node.asText()) : null;
  }

  /**
   * Checks the first transparency log entry of an attestation and returns its (now verified)
   * integration time.
   *
   * @return null when it verifies; else what failed, for the error message
   */
  String checkEntry(JsonNode entry, X509Certificate certificate, byte[] statement,
      String signature, Instant[] integrated) {
    String body = entry.path("canonicalizedBody").asText("");
    String time = entry.path("integratedTime").asText("");
    String index = entry.path("logIndex").asText("");
    String keyId = entry.path("logId").path("keyId").asText("");
    String promise = entry.path("inclusionPromise").path("signedEntryTimestamp").asText("");
    if (!body.matches("[A-Za-z0-9+/=]+") || !time.matches("\\d{1,15}")
        || !index.matches("\\d{1,19}") || keyId.isEmpty() || promise.isEmpty()) {
      return "the transparency log entry lacks a body, time, index, log id or inclusion promise";
    }
    String logId;
    byte[] set;
    try {
      logId = HexFormat.of().formatHex(Base64.getDecoder().decode(keyId));
      set = Base64.getDecoder().decode(promise);
    } catch (IllegalArgumentException e) {
      return "the transparency log entry's log id or inclusion promise is not base64";
    }
    PublicKey key = logs.get(logId);
    if (key == null) {
      return "the transparency log entry is from an unknown log (" + keyId + ")";
    }
    // the signed entry timestamp covers the RFC 8785 form of these four fields
    String signed = "{\"body\":\"" + body + "\",\"integratedTime\":" + Long.parseLong(time)
        + ",\"logID\":\"" + logId + "\",\"logIndex\":" + Long.parseLong(index) + "}";
    if (!verifies(key, signed.getBytes(StandardCharsets.UTF_8), set)) {
      return "the transparency log entry's signed entry timestamp does not verify with the log's key";
    }
    String mismatch = bodyMismatch(body, certificate, statement, signature);
    if (mismatch != null) {
      return "the transparency log entry is not for this attestation (" + mismatch + ")";
    }
    integrated[0] = Instant.ofEpochSecond(Long.parseLong(time));
    return null;
  }

  /** A dsse 0.0.1 entry must carry this payload hash, signature and certificate. */
  private static String bodyMismatch(String body, X509Certificate certificate, byte[] statement,
      String signature) {
    JsonNode entry;
    try {
      entry = JSON.readTree(Base64.getDecoder().decode(body));
    } catch (IOException | IllegalArgumentException e) {
      return "its body is not JSON";
    }
    if (!"dsse".equals(entry.path("kind").asText())) {
      return "kind " + entry.path("kind").asText() + ", not dsse";
    }
    JsonNode spec = entry.path("spec");
    String payloadHash = spec.path("payloadHash").path("value").asText("");
    if (!payloadHash.equalsIgnoreCase(sha256Hex(statement))) {
      return "another statement";
    }
    for (JsonNode s : spec.path("signatures")) {
      if (!signature.equals(s.path("signature").asText())) {
        continue;
      }
      try {
        String pem = new String(Base64.getDecoder().decode(s.path("verifier").asText()),
            StandardCharsets.US_ASCII);
        String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        if (Arrays.equals(Base64.getDecoder().decode(b64), certificate.getEncoded())) {
          return null;
        }
      } catch (IllegalArgumentException | GeneralSecurityException e) {
        return "its verifier is not a certificate";
      }
      return "another certificate";
    }
    return "another signature";
  }

  /**
   * Checks that {@code leaf} chains to a Fulcio root valid at {@code at}, the leaf being valid
   * then too.
   *
   * @return null when it does; else why not
   */
  String checkChain(X509Certificate leaf, Instant at) {
    String reason = "no certificate authority of the trusted root was valid at " + at;
    for (Authority a : authorities) {
      if ((a.start() != null && at.isBefore(a.start())) || (a.end() != null && at.isAfter(a.end()))) {
        continue;
      }
      try {
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        path.addAll(a.chain().subList(0, a.chain().size() - 1));
        CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
        PKIXParameters params = new PKIXParameters(
            Set.of(new TrustAnchor(a.chain().get(a.chain().size() - 1), null)));
        params.setRevocationEnabled(false);
        params.setDate(Date.from(at));
        CertPathValidator.getInstance("PKIX").validate(certPath, params);
        return null;
      } catch (GeneralSecurityException e) {
        reason = e.getMessage();
      }
    }
    return reason;
  }

  static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
    String algorithm = switch (key.getAlgorithm()) {
      case "EC" -> ((java.security.interfaces.ECPublicKey) key).getParams().getCurve().getField()
          .getFieldSize() > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      case "EdDSA", "Ed25519" -> "Ed25519";
      default -> null;
    };
    if (algorithm == null) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
