package org.pylock4j.requirement;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * The extras of a {@link Requirement}: an immutable sorted set of normalised names that also
 * remembers how they were written, so that {@link Requirement#toString()} prints them as {@code
 * packaging} does (as written, duplicates removed, sorted).
 */
final class ExtrasSet extends AbstractSet<String> {

  private static final ExtrasSet EMPTY = new ExtrasSet(List.of(), List.of());

  private final List<String> normalized;
  private final List<String> written;

  private ExtrasSet(List<String> normalized, List<String> written) {
    this.normalized = normalized;
    this.written = written;
  }

  /** The extras {@code written}, as a requirement names them. */
  static ExtrasSet of(Collection<String> written) {
    if (written instanceof ExtrasSet extras) {
      return extras;
    }
    if (written.isEmpty()) {
      return EMPTY;
    }
    TreeSet<String> names = new TreeSet<>();
    TreeSet<String> spellings = new TreeSet<>();
    for (String extra : written) {
      names.add(ProjectName.normalize(extra));
      spellings.add(extra);
    }
    return new ExtrasSet(List.copyOf(names), List.copyOf(spellings));
  }

  /** The spellings, sorted, comma-separated: {@code packaging}'s {@code ",".join(sorted(extras))}. */
  String written() {
    return String.join(",", written);
  }

  @Override
  public Iterator<String> iterator() {
    return normalized.iterator();
  }

  @Override
  public int size() {
    return normalized.size();
  }

  @Override
  public boolean contains(Object o) {
    return normalized.contains(o);
  }
}
