package org.pylock4j.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pylock4j.internal.PyStrings;

/**
 * Reads the header block of an RFC 822 message the way Python's {@code email.parser.Parser} with
 * the {@code compat32} policy does, which is what {@code packaging.metadata.parse_email} uses.
 *
 * <p>Lines end at {@code \r\n}, {@code \r} or {@code \n}. The header block ends at the first line
 * that is neither a field ({@code Name:}, the name being printable ASCII without {@code :}), a
 * continuation (starting with a space or tab) nor a {@code From } line; a blank line there is
 * consumed, any other line starts the body. A continuation line before any field, a field with an
 * empty name and a {@code From } line are skipped, except that a {@code From } line that is the
 * last line of the block starts the body. A field's value is the rest of its first line and its
 * continuation lines as written. The body is never read, so a long description costs nothing.
 *
 * <p>Only the {@linkplain #WANTED wanted} fields are kept; the others are only counted.
 */
final class HeaderParser {

  /** The fields core metadata parsing keeps, lower case. */
  static final List<String> WANTED =
      List.of("metadata-version", "name", "version", "requires-dist", "requires-python",
          "provides-extra", "dynamic");

  /** One occurrence of a field: its value (stripped) and the 1-based line it starts on. */
  record Field(String value, int line) {}

  private final String text;
  private final Map<String, List<Field>> fields = new HashMap<>();
  private int fieldCount;

  private HeaderParser(String text) {
    this.text = text;
  }

  /** Parses the header block of {@code text}. */
  static HeaderParser parse(String text) {
    HeaderParser parser = new HeaderParser(text);
    parser.run();
    return parser;
  }

  /** The occurrences of the field {@code lowerName}, in order; empty when absent. */
  List<Field> get(String lowerName) {
    return fields.getOrDefault(lowerName, List.of());
  }

  /** How many fields the header block has (any name, each occurrence counted). */
  int fieldCount() {
    return fieldCount;
  }

  private void run() {
    parseFields(headerLines());
  }

  /** The lines of the header block, as [start, end) offsets with their terminators. */
  private List<int[]> headerLines() {
    List<int[]> lines = new ArrayList<>();
    int pos = 0;
    int length = text.length();
    while (pos < length) {
      int end = lineEnd(pos);
      if (!isHeaderLine(pos, end)) {
        break; // a blank line is consumed, any other line starts the body: both end the block
      }
      lines.add(new int[] {pos, end});
      pos = end;
    }
    return lines;
  }

  /** {@code email.feedparser.FeedParser._parse_headers}. */
  private void parseFields(List<int[]> lines) {
    String name = null;
    int nameLine = 0;
    StringBuilder value = null;
    for (int i = 0; i < lines.size(); i++) {
      int start = lines.get(i)[0];
      int end = lines.get(i)[1];
      char first = text.charAt(start);
      if (first == ' ' || first == '\t') {
        if (value != null) {
          value.append(text, start, end);
        }
        continue;
      }
      if (name != null) {
        store(name, value, nameLine);
        name = null;
        value = null;
      }
      if (text.startsWith("From ", start)) {
        if (i == lines.size() - 1) {
          return; // the first line of the body
        }
        continue; // an envelope header: skipped
      }
      int colon = text.indexOf(':', start);
      if (colon == start) {
        continue; // no field name: skipped
      }
      fieldCount++;
      name = wanted(start, colon); // null for a field not kept: its lines are skipped
      nameLine = i + 1;
      value = name == null ? null : new StringBuilder().append(text, colon + 1, end);
    }
    if (name != null) {
      store(name, value, nameLine);
    }
  }

  /** The wanted field name {@code text[start, end)} spells in any case, or null. */
  private String wanted(int start, int end) {
    for (String name : WANTED) {
      if (name.length() == end - start && text.regionMatches(true, start, name, 0, end - start)) {
        return name;
      }
    }
    return null;
  }

  private void store(String name, StringBuilder value, int line) {
    if (value != null) {
      fields.computeIfAbsent(name, k -> new ArrayList<>(4))
          .add(new Field(PyStrings.strip(value.toString()), line));
    }
  }

  /** The end of the line starting at {@code pos}, after its terminator. */
  private int lineEnd(int pos) {
    int length = text.length();
    for (int i = pos; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r') {
        return i + 1 < length && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
      }
    }
    return length;
  }

  /** {@code email.feedparser.headerRE}: {@code ^(From |[\041-\071\073-\176]*:|[\t ])}. */
  private boolean isHeaderLine(int start, int end) {
    char first = text.charAt(start);
    if (first == ' ' || first == '\t' || text.startsWith("From ", start)) {
      return true;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == ':') {
        return true;
      }
      if (c < 0x21 || c > 0x7E) {
        return false;
      }
    }
    return false;
  }
}
