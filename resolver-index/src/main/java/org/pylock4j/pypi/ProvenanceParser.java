package org.pylock4j.pypi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.pylock4j.error.IndexException;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.PublisherIdentity;

/**
 * Reads and checks a PEP 740 provenance object; see {@link Provenance} for what is checked and
 * what is not.
 */
final class ProvenanceParser {

  static final String ACCEPT = "application/vnd.pypi.integrity.v1+json, application/json;q=0.9";
  static final String IN_TOTO = "application/vnd.in-toto+json";
  static final String STATEMENT_V1 = "https://in-toto.io/Statement/v1";

  private static final String ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
  private static final String ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProvenanceParser() {}

  /**
   * Parses and checks the provenance of {@code file} read from {@code url}.
   *
   * @throws IndexException naming {@code url} when it is malformed or fails a check
   */
  static Provenance parse(DistributionFile file, String url, byte[] body, SigstoreTrust trust) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw malformed(url, "malformed JSON: " + firstLine(org.pylock4j.internal.Failures.parser(e.getOriginalMessage())));
    } catch (IOException e) {
      throw malformed(url, "unreadable JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw malformed(url, "a provenance object must be a JSON object");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isInt() || version.asInt() != 1) {
      throw malformed(url, "unsupported provenance version " + version + " (this client reads 1)");
    }
    JsonNode bundles = root.get("attestation_bundles");
    if (bundles == null || !bundles.isArray() || bundles.isEmpty()) {
      throw malformed(url, "\"attestation_bundles\" must be a non-empty array");
    }
    List<Provenance.Bundle> result = new ArrayList<>();
    for (JsonNode bundle : bundles) {
      PublisherIdentity publisher = publisher(url, bundle.get("publisher"));
      JsonNode attestations = bundle.get("attestations");
      if (attestations == null || !attestations.isArray() || attestations.isEmpty()) {
        throw malformed(url, "a bundle's \"attestations\" must be a non-empty array");
      }
      List<Provenance.Attestation> checked = new ArrayList<>();
      for (JsonNode attestation : attestations) {
        checked.add(attestation(file, url, publisher, attestation, trust));
      }
      result.add(new Provenance.Bundle(publisher, checked));
    }
    return new Provenance(url, result);
  }

  private static PublisherIdentity publisher(String url, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw malformed(url, "a bundle needs a \"publisher\" object");
    }
    JsonNode kind = node.get("kind");
    if (kind == null || !kind.isTextual() || kind.asText().isBlank()) {
      throw malformed(url, "a publisher needs a \"kind\" string");
    }
    Map<String, String> fields = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      if (!key.equals("kind") && !key.equals("claims") && e.getValue().isTextual()) {
        fields.put(key, e.getValue().asText());
      }
    }
    return PublisherIdentity.of(kind.asText(), fields);
  }

  private static Provenance.Attestation attestation(DistributionFile file, String url,
      PublisherIdentity publisher, JsonNode node, SigstoreTrust trust) {
    if (node == null || !node.isObject() || node.path("version").asInt(0) != 1) {
      throw malformed(url, "an attestation must be an object of version 1");
    }
    byte[] der = base64(url, node.path("verification_material").get("certificate"),
        "verification_material.certificate");
    byte[] statement = base64(url, node.path("envelope").get("statement"), "envelope.statement");
    byte[] signature = base64(url, node.path("envelope").get("signature"), "envelope.signature");
    X509Certificate certificate;
    try {
      certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | ClassCastException e) {
      throw malformed(url, "the attestation certificate is not an X.509 certificate");
    }
    String predicateType = checkStatement(file, url, statement);
    if (!signatureVerifies(certificate.getPublicKey(), statement, signature)) {
      throw failed(url, file, "the envelope signature does not verify with the certificate's key");
    }
    JsonNode entries = node.path("verification_material").path("transparency_entries");
    if (!entries.isArray() || entries.isEmpty()) {
      throw failed(url, file, "the attestation has no transparency log entry");
    }
    Instant[] integrated = new Instant[1];
    String problem = trust.checkEntry(entries.get(0), certificate, statement,
        node.path("envelope").path("signature").asText(), integrated);
    if (problem != null) {
      throw failed(url, file, problem);
    }
    problem = trust.checkChain(certificate, integrated[0]);
    if (problem != null) {
      throw failed(url, file, "the certificate does not chain to the Sigstore root at "
          + integrated[0] + ": " + problem);
    }
    String identity = subjectAlternativeName(url, certificate);
    String issuer = issuer(certificate);
    boolean checked = checkIdentity(url, file, publisher, identity, issuer);
    return new Provenance.Attestation(predicateType, identity, issuer, integrated[0], checked);
  }

  /** Checks the in-toto statement names exactly {@code file}; returns its predicate type. */
  private static String checkStatement(DistributionFile file, String url, byte[] statement) {
    JsonNode root;
    try {
      root = JSON.readTree(statement);
    } catch (IOException e) {
      throw malformed(url, "the attestation statement is not JSON");
    }
    if (root == null || !STATEMENT_V1.equals(root.path("_type").asText(null))) {
      throw malformed(url, "the attestation statement is not an in-toto " + STATEMENT_V1);
    }
    JsonNode subjects = root.get("subject");
    if (subjects == null || !subjects.isArray() || subjects.size() != 1) {
      throw failed(url, file, "the statement must have exactly one subject");
    }
    JsonNode subject = subjects.get(0);
    String name = subject.path("name").asText(null);
    if (!file.filename().equals(name)) {
      throw failed(url, file, "the statement is about " + name);
    }
    String digest = subject.path("digest").path("sha256").asText(null);
    String listed = file.sha256().orElse(null);
    if (listed != null && !listed.equalsIgnoreCase(String.valueOf(digest))) {
      throw failed(url, file, "the statement attests sha256 " + digest + ", the index lists "
          + listed);
    }
    return root.path("predicateType").asText("");
  }

  /** DSSE: the signature is over PAE("application/vnd.in-toto+json", statement). */
  private static boolean signatureVerifies(PublicKey key, byte[] statement, byte[] signature) {
    byte[] head = ("DSSEv1 " + IN_TOTO.length() + " " + IN_TOTO + " " + statement.length + " ")
        .getBytes(StandardCharsets.UTF_8);
    byte[] pae = new byte[head.length + statement.length];
    System.arraycopy(head, 0, pae, 0, head.length);
    System.arraycopy(statement, 0, pae, head.length, statement.length);
    return SigstoreTrust.verifies(key, pae, signature);
  }

  private static String subjectAlternativeName(String url, X509Certificate certificate) {
    Collection<List<?>> names;
    try {
      names = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      names = null;
    }
    if (names != null) {
      for (List<?> name : names) {
        int type = (Integer) name.get(0);
        if ((type == 6 || type == 1) && name.get(1) instanceof String value) { // URI, rfc822
          return value;
        }
      }
    }
    throw malformed(url, "the attestation certificate has no URI or e-mail subject alternative name");
  }

  /** The Fulcio OIDC issuer extension: .1.8 holds a DER UTF8String, the older .1.1 raw bytes. */
  static String issuer(X509Certificate certificate) {
    byte[] v2 = unwrapOctets(certificate.getExtensionValue(ISSUER_V2));
    if (v2 != null && v2.length >= 2 && v2[0] == 0x0C) {
      byte[] inner = derContent(v2);
      if (inner != null) {
        return new String(inner, StandardCharsets.UTF_8);
      }
    }
    byte[] v1 = unwrapOctets(certificate.getExtensionValue(ISSUER_V1));
    return v1 == null ? null : new String(v1, StandardCharsets.UTF_8);
  }

  /** The content of the OCTET STRING that {@code getExtensionValue} returns. */
  private static byte[] unwrapOctets(byte[] extension) {
    return extension == null || extension.length < 2 || extension[0] != 0x04
        ? null : derContent(extension);
  }

  /** The content of a DER TLV with a one-byte tag, or null when the length is malformed. */
  private static byte[] derContent(byte[] tlv) {
    int length = tlv[1] & 0xFF;
    int offset = 2;
    if (length > 0x7F) {
      int count = length & 0x7F;
      if (count < 1 || count > 3 || tlv.length < 2 + count) {
        return null;
      }
      length = 0;
      for (int i = 0; i < count; i++) {
        length = (length << 8) | (tlv[2 + i] & 0xFF);
      }
      offset = 2 + count;
    }
    if (offset + length != tlv.length) {
      return null;
    }
    byte[] out = new byte[length];
    System.arraycopy(tlv, offset, out, 0, length);
    return out;
  }

  /** Compares the certificate's identity with the publisher; false when the kind is not known. */
  private static boolean checkIdentity(String url, DistributionFile file,
      PublisherIdentity publisher, String identity, String issuer) {
    Map<String, String> f = publisher.fields();
    String expectedIssuer;
    String expected;
    switch (publisher.kind()) {
      case "GitHub" -> {
        expectedIssuer = "https://token.actions.githubusercontent.com";
        expected = "https://github.com/" + f.get("repository") + "/.github/workflows/"
            + f.get("workflow") + "@";
      }
      case "GitLab" -> {
        expectedIssuer = "https://gitlab.com";
        expected = "https://gitlab.com/" + f.get("repository") + "//";
      }
      case "Google" -> {
        expectedIssuer = "https://accounts.google.com";
        expected = f.get("email");
      }
      default -> {
        return false;
      }
    }
    if (!expectedIssuer.equals(issuer)) {
      throw failed(url, file, "the certificate was issued by " + issuer + ", not "
          + expectedIssuer + " as a " + publisher.kind() + " publisher's is");
    }
    boolean matches = publisher.kind().equals("Google")
        ? identity.equalsIgnoreCase(String.valueOf(expected))
        : identity.toLowerCase(Locale.ROOT).startsWith(expected.toLowerCase(Locale.ROOT));
    if (!matches) {
      throw failed(url, file, "the certificate identity " + identity + " is not the publisher's ("
          + publisher.describe() + ")");
    }
    return true;
  }

  private static byte[] base64(String url, JsonNode node, String field) {
    if (node == null || !node.isTextual()) {
      throw malformed(url, "an attestation needs a \"" + field + "\" string");
    }
    try {
      return Base64.getDecoder().decode(node.asText());
    } catch (IllegalArgumentException e) {
      throw malformed(url, "\"" + field + "\" is not base64");
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  static IndexException malformed(String url, String what) {
    return new IndexException("malformed provenance " + url + ": " + what, url, 0, null);
  }

  static IndexException failed(String url, DistributionFile file, String what) {
    return new IndexException("provenance " + url + " of " + file.filename()
        + " failed verification: " + what, url, 0, null);
  }
}
