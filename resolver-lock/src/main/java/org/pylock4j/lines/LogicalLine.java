package org.pylock4j.lines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pylock4j.error.InvalidInputException;

/**
 * One logical line of a requirements file after pip's preprocessing (continuations joined,
 * comments removed, {@code ${VAR}} expanded), remembering for every character the physical line
 * and column it came from.
 *
 * <p>The one line reader of requirements files: {@code RequirementsFile} (inputs) and the
 * requirements lock reader both split with it. Not exported.
 */
public final class LogicalLine {

  /** pip's {@code ENV_VAR_RE}: only the braced, upper-case form is expanded. */
  private static final Pattern ENV_VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)\\}");

  private final String text;
  private final int[] lines;
  private final int[] columns;

  private LogicalLine(String text, int[] lines, int[] columns) {
    this.text = text;
    this.lines = lines;
    this.columns = columns;
  }

  /** The text, trimmed, never empty. */
  public String text() {
    return text;
  }

  /** The physical line (1-based) of character {@code index}; the end maps to the last one. */
  public int lineAt(int index) {
    return lines[Math.min(index, lines.length - 1)];
  }

  /** The physical column (1-based) of character {@code index}; the end is one past the last. */
  public int columnAt(int index) {
    if (index < columns.length) {
      return columns[index];
    }
    return columns[columns.length - 1] + 1;
  }

  /**
   * Splits {@code content} into logical lines, like pip's {@code preprocess}: join lines ending
   * in a backslash (a comment line ends a continuation), drop comments and blank lines, then
   * expand {@code ${VAR}} from {@code environment} (none when it is null: a lock is read as
   * written).
   *
   * @throws InvalidInputException when a variable is not set, naming file, line and column
   */
  public static List<LogicalLine> split(
      String content, String file, Map<String, String> environment) {
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    String[] physical = content.split("\r\n|\n|\r", -1);
    List<LogicalLine> result = new ArrayList<>();
    Builder joined = new Builder();
    for (int i = 0; i < physical.length; i++) {
      String line = physical[i];
      boolean commentLine = line.strip().startsWith("#");
      if (line.endsWith("\\") && !commentLine) {
        joined.append(line.substring(0, line.length() - 1), i + 1);
        continue;
      }
      if (commentLine && !joined.isEmpty()) {
        // pip ends the continuation at a comment line and drops the comment
        finish(joined, file, environment, result);
        joined = new Builder();
        continue;
      }
      joined.append(line, i + 1);
      finish(joined, file, environment, result);
      joined = new Builder();
    }
    if (!joined.isEmpty()) {
      finish(joined, file, environment, result);
    }
    return result;
  }

  private static void finish(
      Builder joined, String file, Map<String, String> environment, List<LogicalLine> out) {
    LogicalLine line = joined.build();
    int comment = commentStart(line.text);
    if (comment >= 0) {
      line = line.slice(0, comment);
    }
    if (environment != null) {
      line = line.expand(file, environment);
    }
    int start = 0;
    int end = line.text.length();
    while (start < end && Character.isWhitespace(line.text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(line.text.charAt(end - 1))) {
      end--;
    }
    if (start < end) {
      out.add(line.slice(start, end));
    }
  }

  /**
   * Where pip's {@code COMMENT_RE} ({@code (^|\s+)#.*$}) starts in {@code text}: the whitespace
   * before the first {@code #} that starts the text or follows whitespace; -1 when none. One pass
   * (the regular expression itself, tried at each position, is quadratic on a run of spaces).
   */
  public static int commentStart(String text) {
    int spaceRun = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '#' && (i == 0 || spaceRun > 0)) {
        return i - spaceRun;
      }
      spaceRun = isRegexSpace(c) ? spaceRun + 1 : 0;
    }
    return -1;
  }

  /** Java's {@code \s}: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** The characters {@code [from, to)} of this line, keeping their positions. */
  public LogicalLine slice(int from, int to) {
    if (from == to) {
      // keep one position so that lineAt/columnAt still answer for the empty remainder
      int at = Math.min(from, lines.length - 1);
      return new LogicalLine("", new int[] {lines[at]}, new int[] {columnAt(from)});
    }
    return new LogicalLine(
        text.substring(from, to),
        Arrays.copyOfRange(lines, from, to),
        Arrays.copyOfRange(columns, from, to));
  }

  private LogicalLine expand(String file, Map<String, String> environment) {
    Matcher m = ENV_VAR.matcher(text);
    if (!m.find()) {
      return this;
    }
    StringBuilder out = new StringBuilder();
    List<Integer> outLines = new ArrayList<>();
    List<Integer> outColumns = new ArrayList<>();
    int last = 0;
    do {
      for (int i = last; i < m.start(); i++) {
        out.append(text.charAt(i));
        outLines.add(lines[i]);
        outColumns.add(columns[i]);
      }
      String value = environment.get(m.group(1));
      if (value == null) {
        throw new InvalidInputException(
            "environment variable " + m.group(1) + " is not set",
            m.group(),
            file,
            lines[m.start()],
            columns[m.start()]);
      }
      for (int i = 0; i < value.length(); i++) {
        out.append(value.charAt(i));
        outLines.add(lines[m.start()]);
        outColumns.add(columns[m.start()]);
      }
      last = m.end();
    } while (m.find());
    for (int i = last; i < text.length(); i++) {
      out.append(text.charAt(i));
      outLines.add(lines[i]);
      outColumns.add(columns[i]);
    }
    if (out.length() == 0) {
      return new LogicalLine("", new int[] {lines[0]}, new int[] {columns[0]});
    }
    return new LogicalLine(
        out.toString(),
        outLines.stream().mapToInt(Integer::intValue).toArray(),
        outColumns.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Accumulates physical lines into one logical line. */
  private static final class Builder {
    private final StringBuilder text = new StringBuilder();
    private int[] lines = new int[16];
    private int[] columns = new int[16];
    private int firstLine;

    void append(String physical, int lineNumber) {
      if (firstLine == 0) {
        firstLine = lineNumber;
      }
      int at = text.length();
      int size = at + physical.length();
      if (size > lines.length) {
        int capacity = Math.max(size, lines.length * 2);
        lines = Arrays.copyOf(lines, capacity);
        columns = Arrays.copyOf(columns, capacity);
      }
      text.append(physical);
      for (int i = 0; i < physical.length(); i++) {
        lines[at + i] = lineNumber;
        columns[at + i] = i + 1;
      }
    }

    boolean isEmpty() {
      return firstLine == 0;
    }

    LogicalLine build() {
      if (text.length() == 0) {
        return new LogicalLine("", new int[] {firstLine}, new int[] {1});
      }
      int n = text.length();
      return new LogicalLine(
          text.toString(), Arrays.copyOf(lines, n), Arrays.copyOf(columns, n));
    }
  }
}
