package org.pylock4j.version;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.pylock4j.error.InvalidSpecifierException;
import org.pylock4j.internal.PyStrings;

/**
 * A comma-separated conjunction of {@link Specifier}s, possibly empty (admits every version).
 *
 * <p>Immutable and thread-safe; {@link #toString()} is the normal form {@code packaging} prints
 * (clauses sorted by their text, duplicates removed, joined by {@code ,}). Behaves as {@code
 * packaging.specifiers.SpecifierSet} 26.x (PEP 440, "Version specifiers" and "Handling of
 * pre-releases"). Every clause given counts in {@code contains} and {@code filter}, as in a fresh
 * {@code packaging} set; {@code packaging} drops duplicate clauses in place the first time a set
 * is printed, hashed or compared, which changes the answer in one rare case ({@code ~=2.2-c1}
 * and {@code ~=2.2.pre1} are "equal" there, yet match differently), and pylock4j does not
 * follow it there.
 *
 * <pre>{@code
 * SpecifierSet s = SpecifierSet.parse(">=1.0, !=1.3.*");   // toString() "!=1.3.*,>=1.0"
 * s.contains(Version.parse("1.4"));                          // true
 * s.filter(List.of(Version.parse("1.4"), Version.parse("2.0b1")));   // [1.4]
 * }</pre>
 */
public final class SpecifierSet {

  private static final SpecifierSet ANY = new SpecifierSet(List.of());

  /** The clauses as given (input order), as {@code packaging} keeps them. */
  private final List<Specifier> specs;
  /** Sorted by text, duplicates removed. */
  private final List<Specifier> canonical;
  private final boolean prereleases;
  private String text;
  private Boolean unsatisfiable;

  private SpecifierSet(List<Specifier> specs) {
    this.specs = specs;
    List<Specifier> sorted = new ArrayList<>(specs);
    sorted.sort((a, b) -> PyStrings.compare(a.toString(), b.toString()));
    Map<String, Specifier> unique = new LinkedHashMap<>();
    for (Specifier s : sorted) {
      unique.putIfAbsent(s.canonicalKey(), s);
    }
    this.canonical = List.copyOf(unique.values());
    boolean pre = false;
    for (Specifier s : specs) {
      pre |= s.prereleases();
    }
    this.prereleases = pre;
  }

  /**
   * The empty set, which admits every version (pre-releases by the default rule).
   *
   * @return the empty set, never null
   */
  public static SpecifierSet any() {
    return ANY;
  }

  /**
   * The conjunction of the given clauses.
   *
   * @param specifiers the clauses, must not be null nor contain null
   * @return the set, never null
   */
  public static SpecifierSet of(Specifier... specifiers) {
    return of(List.of(specifiers));
  }

  /**
   * The conjunction of the given clauses.
   *
   * @param specifiers the clauses, must not be null nor contain null
   * @return the set, never null
   */
  public static SpecifierSet of(Collection<Specifier> specifiers) {
    return specifiers.isEmpty() ? ANY : new SpecifierSet(List.copyOf(specifiers));
  }

  /**
   * Parses a specifier set such as {@code ">=1.0, !=1.3.*"}: clauses separated by commas,
   * whitespace around each ignored, empty clauses skipped; the empty text is the empty set.
   *
   * @param text the text, must not be null
   * @return the set, never null
   * @throws InvalidSpecifierException when {@code text} is not a specifier set; the message
   *     names the clause at fault and the column (1-based) where it starts
   */
  public static SpecifierSet parse(String text) {
    Objects.requireNonNull(text, "text");
    List<Specifier> specs = new ArrayList<>(2);
    int from = 0;
    int clauses = 0;
    while (true) {
      int comma = text.indexOf(',', from);
      int to = comma < 0 ? text.length() : comma;
      String clause = PyStrings.strip(text.substring(from, to));
      if (!clause.isEmpty()) {
        clauses++;
        Object parsed = Specifier.tryParse0(clause);
        if (!(parsed instanceof Specifier)) {
          int column = from + 1;
          while (PyStrings.isSpace(text.charAt(column - 1))) {
            column++;
          }
          boolean alone = clauses == 1 && PyStrings.strip(text).equals(clause);
          String reason =
              "invalid specifier: "
                  + Version.quote(clause)
                  + (alone ? "" : " in " + Version.quote(text))
                  + " ("
                  + parsed
                  + ")";
          throw new InvalidSpecifierException(reason, text, null, 0, alone ? 0 : column);
        }
        specs.add((Specifier) parsed);
      }
      if (comma < 0) {
        break;
      }
      from = comma + 1;
    }
    return specs.isEmpty() ? ANY : new SpecifierSet(List.copyOf(specs));
  }

  /**
   * The clauses, in normal order (sorted by text, duplicates removed).
   *
   * @return an unmodifiable list, never null
   */
  public List<Specifier> specifiers() {
    return canonical;
  }

  /**
   * True when there are no clauses.
   *
   * @return true for the empty set
   */
  public boolean isEmpty() {
    return specs.isEmpty();
  }

  /**
   * Whether any clause names a pre-release (see {@link Specifier#prereleases()}).
   *
   * @return true when some clause names a pre-release
   */
  public boolean prereleases() {
    return prereleases;
  }

  /**
   * Whether no version can satisfy every clause, as {@code packaging}'s {@code
   * is_unsatisfiable}: {@code >=2.0,<1.0}, {@code ==1.0,!=1.0}, {@code ===a,===b} are; the empty
   * set is not. Computed on version ranges, so it answers for all versions, not a list of them.
   *
   * @return true when the set admits no version at all
   */
  public boolean isUnsatisfiable() {
    Boolean u = unsatisfiable;
    if (u == null) {
      u = Ranges.unsatisfiable(specs);
      unsatisfiable = u;
    }
    return u;
  }

  /**
   * The conjunction of this and {@code other} ({@code packaging}'s {@code &}).
   *
   * @param other the other set, must not be null
   * @return the set admitting what both admit, never null
   */
  public SpecifierSet and(SpecifierSet other) {
    if (other.specs.isEmpty()) {
      return this;
    }
    if (specs.isEmpty()) {
      return other;
    }
    List<Specifier> all = new ArrayList<>(specs.size() + other.specs.size());
    all.addAll(specs);
    all.addAll(other.specs);
    return new SpecifierSet(List.copyOf(all));
  }

  /**
   * Containment with {@code packaging} 26's default pre-release rule: for a single version, a
   * pre-release is admitted when every clause matches it (PEP 440 admits pre-releases when no
   * final release is a candidate; here the version is the only candidate). Use {@link
   * #filter(List)} to choose among several candidates.
   *
   * @param version the candidate, must not be null
   * @return true when every clause admits {@code version}
   */
  public boolean contains(Version version) {
    return matchesAll(version);
  }

  /**
   * Containment with pre-releases admitted or not.
   *
   * @param version the candidate, must not be null
   * @param allowPrereleases false to reject every pre-release and development release
   * @return true when every clause admits {@code version}
   */
  public boolean contains(Version version, boolean allowPrereleases) {
    return (allowPrereleases || !version.isPrerelease()) && matchesAll(version);
  }

  /**
   * Containment of a version given as text, as {@code packaging} treats a string: {@code ===}
   * clauses compare the text as written (ignoring case); a text that is not a PEP 440 version is
   * contained only by {@code ===} clauses naming it, or by the empty set. Otherwise as {@link
   * #contains(Version)}.
   *
   * @param version the candidate as text, must not be null
   * @return true when every clause admits {@code version}
   */
  public boolean contains(String version) {
    return contains(version, true);
  }

  /**
   * Containment of a version given as text (see {@link #contains(String)}) with pre-releases
   * admitted or not; a text that is not a PEP 440 version is never a pre-release.
   *
   * @param version the candidate as text, must not be null
   * @param allowPrereleases false to reject every pre-release and development release
   * @return true when every clause admits {@code version}
   */
  public boolean contains(String version, boolean allowPrereleases) {
    Version v = VersionParser.parse(Objects.requireNonNull(version, "version"));
    if (v != null && !allowPrereleases && v.isPrerelease()) {
      return false;
    }
    for (Specifier s : specs) {
      if (!s.matchesText(version, v)) {
        return false;
      }
    }
    return true;
  }

  private boolean matchesAll(Version version) {
    List<Specifier> s = specs;
    for (int i = 0, n = s.size(); i < n; i++) {
      if (!s.get(i).matches(version)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The versions this set admits, in input order: pre-releases only when the set names one or
   * when nothing else matches (as {@code packaging}'s {@code filter}).
   *
   * @param versions the candidates, must not be null nor contain null
   * @return a new list, never null
   */
  public List<Version> filter(List<Version> versions) {
    return filter(versions, Function.identity());
  }

  /**
   * The items whose version this set admits, in input order, with the pre-release rule of
   * {@link #filter(List)} (as {@code packaging}'s {@code filter} with a {@code key}).
   *
   * <pre>{@code
   * List<Candidate> ok = specifiers.filter(candidates, Candidate::version);
   * }</pre>
   *
   * @param items the candidates, must not be null nor contain null
   * @param version gives each item's version, must not be null nor return null
   * @param <T> the type of the items
   * @return a new list, never null
   */
  public <T> List<T> filter(List<T> items, Function<? super T, Version> version) {
    List<T> out = new ArrayList<>();
    boolean finalFound = false;
    for (T item : items) {
      Version v = version.apply(item);
      if (matchesAll(v)) {
        out.add(item);
        finalFound |= !v.isPrerelease();
      }
    }
    if (prereleases || !finalFound) {
      return out;
    }
    out.removeIf(item -> version.apply(item).isPrerelease());
    return out;
  }

  /**
   * The versions this set admits, in input order, pre-releases admitted or not.
   *
   * @param versions the candidates, must not be null nor contain null
   * @param allowPrereleases false to drop every pre-release and development release
   * @return a new list, never null
   */
  public List<Version> filter(List<Version> versions, boolean allowPrereleases) {
    List<Version> out = new ArrayList<>();
    for (Version v : versions) {
      if (contains(v, allowPrereleases)) {
        out.add(v);
      }
    }
    return out;
  }

  /** Equal when the normal forms have the same clauses ({@code ==1.0} equals {@code ==1.0.0}). */
  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof SpecifierSet s && canonical.equals(s.canonical));
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  /** The normal form: clauses sorted by text, duplicates removed, joined by {@code ,}. */
  @Override
  public String toString() {
    String s = text;
    if (s == null) {
      StringBuilder sb = new StringBuilder();
      for (Specifier spec : canonical) {
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append(spec);
      }
      s = sb.toString();
      text = s;
    }
    return s;
  }
}
