package org.pylock4j.resolve;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The identity of a trusted publisher that produced a file's attestations (the {@code publisher}
 * of a PEP 740 attestation bundle), as PEP 751 records it in {@code
 * [[packages.attestation-identities]]}: a {@code kind} (e.g. {@code GitHub}, {@code GitLab},
 * {@code Google}) and the kind's identifying keys, e.g. {@code repository}, {@code workflow} and
 * {@code environment} for GitHub.
 *
 * <p>Only string-valued keys are kept, and empty strings are left out (PyPI serves {@code
 * environment = ""} for a publisher without one): two identities are equal exactly when they
 * name the same publisher. The free-form {@code claims} of PEP 740 are never part of it.
 *
 * <pre>{@code
 * PublisherIdentity id = PublisherIdentity.of("GitHub",
 *     Map.of("repository", "pypa/sampleproject", "workflow", "release.yml"));
 * id.describe(); // GitHub repository=pypa/sampleproject workflow=release.yml
 * }</pre>
 *
 * @param kind the publisher kind, e.g. {@code GitHub}; not blank
 * @param fields the identifying keys in key order; no {@code kind}, no {@code claims}, no empty
 *     value
 */
public record PublisherIdentity(String kind, SortedMap<String, String> fields)
    implements Comparable<PublisherIdentity> {

  /**
   * Validates and copies; drops empty values.
   *
   * @param kind the publisher kind, e.g. {@code GitHub}; not blank
   * @param fields the identifying keys in key order; no {@code kind}, no {@code claims}, no empty
   *     value
   */
  public PublisherIdentity {
    Objects.requireNonNull(kind, "kind");
    if (kind.isBlank()) {
      throw new IllegalArgumentException("publisher kind must not be blank");
    }
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      String key = Objects.requireNonNull(e.getKey(), "field name");
      if (key.equals("kind") || key.equals("claims")) {
        throw new IllegalArgumentException("\"" + key + "\" is not an identity field");
      }
      String value = Objects.requireNonNull(e.getValue(), () -> "value of " + key);
      if (!value.isEmpty()) {
        copy.put(key, value);
      }
    }
    fields = Collections.unmodifiableSortedMap(copy);
  }

  /**
   * An identity of {@code kind} with {@code fields} (in any order; empty values dropped).
   *
   * @param kind the publisher kind, must not be null or blank
   * @param fields the identifying keys, must not be null
   * @return the identity, never null
   */
  public static PublisherIdentity of(String kind, Map<String, String> fields) {
    return new PublisherIdentity(kind, new TreeMap<>(fields));
  }

  /** {@return a one-line form: the kind, then {@code key=value} in key order} */
  public String describe() {
    StringBuilder out = new StringBuilder(kind);
    fields.forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
    return out.toString();
  }

  /** By kind, then by the fields in key order. */
  @Override
  public int compareTo(PublisherIdentity other) {
    return describe().compareTo(other.describe());
  }
}
