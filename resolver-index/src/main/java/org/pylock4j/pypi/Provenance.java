package org.pylock4j.pypi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.pylock4j.resolve.PublisherIdentity;

/**
 * A PEP 740 provenance object of one distribution file, as an index serves it (the {@code
 * provenance} URL of a PEP 691 file, PyPI's Integrity API), after the checks {@link
 * PypiIndex#provenance} makes.
 *
 * <p>What a {@code Provenance} returned by {@link PypiIndex#provenance} has been checked for,
 * with the JDK alone (no Sigstore library), against a Sigstore trust root (by default the
 * public-good instance's, embedded; see {@link PypiIndex.Builder#sigstoreTrustedRoot}):
 * <ol>
 *   <li>the JSON has the PEP 740 shape (version 1, at least one bundle, each with a {@code
 *       publisher} that has a {@code kind} and at least one attestation of version 1);
 *   <li>each attestation's in-toto statement names exactly this file: one subject whose {@code
 *       name} is the filename and whose {@code sha256} is the digest the index lists;
 *   <li>the DSSE signature over the statement (PAE of {@code application/vnd.in-toto+json})
 *       verifies with the public key of the attestation's certificate;
 *   <li>the first transparency log entry's signed entry timestamp (Rekor's "inclusion
 *       promise") verifies with the key of a log of the trust root, and the entry's body is a
 *       {@code dsse} entry for this statement (payload hash), signature and certificate: so the
 *       entry's {@code integratedTime} is vouched for by the log;
 *   <li>the certificate chains (PKIX, JDK {@code CertPathValidator}) to a Fulcio root of the
 *       trust root, at that integration time, which also falls in the certificate's 10-minute
 *       validity;
 *   <li>for a {@code GitHub} publisher, the certificate was issued to that publisher: its OIDC
 *       issuer extension (1.3.6.1.4.1.57264.1.8, or the older .1.1) is {@code
 *       https://token.actions.githubusercontent.com} and its SAN URI starts with {@code
 *       https://github.com/<repository>/.github/workflows/<workflow>@}; for {@code GitLab} the
 *       issuer is {@code https://gitlab.com} and the SAN URI starts with {@code
 *       https://gitlab.com/<repository>//}; for {@code Google} the issuer is {@code
 *       https://accounts.google.com} and the SAN e-mail is the publisher's {@code email}. Other
 *       kinds are kept with {@link Attestation#identityChecked()} false.
 * </ol>
 *
 * <p><b>Not checked</b>: the Merkle inclusion proof and the signed checkpoint of the log entry
 * (the signed entry timestamp is relied on instead), the certificate's embedded SCTs
 * (certificate transparency), the {@code environment} of a GitHub publisher (the certificate does
 * not carry it), the predicate beyond its type, and freshness of the trust root (it is not
 * refreshed through Sigstore's TUF repository: a rotated Fulcio or Rekor key needs a new
 * library version or {@link PypiIndex.Builder#sigstoreTrustedRoot}). The distribution's bytes
 * are not hashed here: the statement is checked against the sha256 the index lists, which the
 * lock records and an installer checks.
 *
 * @param url the URL it was read from
 * @param bundles the attestation bundles, in document order; never empty
 */
public record Provenance(String url, List<Bundle> bundles) {

  /**
   * Copies the list.
   *
   * @param url the URL it was read from
   * @param bundles the attestation bundles, in document order; never empty
   */
  public Provenance {
    Objects.requireNonNull(url, "url");
    bundles = List.copyOf(bundles);
  }

  /** {@return the distinct publisher identities of the bundles, sorted; never null} */
  public List<PublisherIdentity> publishers() {
    TreeSet<PublisherIdentity> out = new TreeSet<>();
    bundles.forEach(b -> out.add(b.publisher()));
    return List.copyOf(out);
  }

  /**
   * One attestation bundle: a publisher and the attestations it signed.
   *
   * @param publisher the publisher identity ({@code claims} left out)
   * @param attestations the attestations, never empty
   */
  public record Bundle(PublisherIdentity publisher, List<Attestation> attestations) {
    /**
     * Copies the list.
     *
     * @param publisher the publisher identity ({@code claims} left out)
     * @param attestations the attestations, never empty
     */
    public Bundle {
      Objects.requireNonNull(publisher, "publisher");
      attestations = List.copyOf(attestations);
    }
  }

  /**
   * One attestation, as checked.
   *
   * @param predicateType the statement's {@code predicateType}, e.g. {@code
   *     https://docs.pypi.org/attestations/publish/v1}
   * @param certificateIdentity the certificate's SAN (a URI or an e-mail address)
   * @param certificateIssuer the OIDC issuer the certificate records, or null when it has none
   * @param integratedTime the {@code integratedTime} of the first transparency log entry, as
   *     vouched for by the log's signed entry timestamp
   * @param identityChecked whether the certificate identity was compared with the publisher (true
   *     for the GitHub, GitLab and Google kinds)
   */
  public record Attestation(
      String predicateType,
      String certificateIdentity,
      String certificateIssuer,
      Instant integratedTime,
      boolean identityChecked) {}
}
