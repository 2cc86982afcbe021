package org.pylock4j.input;

import org.pylock4j.lines.LogicalLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pylock4j.error.InvalidInputException;

/**
 * One pip option found on a requirements-file line ({@code -r base.txt}, {@code
 * --index-url=https://…}, {@code --pre}), with where its name and value start.
 *
 * @param name the option name, e.g. {@code -r} or {@code --index-url}
 * @param value the value, or null for a flag
 * @param text the option as written (e.g. {@code -rbase.txt}), for messages
 * @param nameAt the index in the logical line where the option starts
 * @param valueAt the index where the value starts (equal to {@code nameAt} for a flag)
 */
record LineOption(String name, String value, String text, int nameAt, int valueAt) {

  /** Options that take a value (pip's spelling); the rest are flags. */
  private static final Set<String> WITH_VALUE =
      Set.of(
          "-r", "--requirement", "-c", "--constraint", "-i", "--index-url", "--extra-index-url",
          "--only-binary", "--no-binary", "--hash", "-e", "--editable", "-f", "--find-links",
          "--trusted-host", "--use-feature", "--global-option", "--config-settings");

  /** The error for this option, located at its name. */
  InvalidInputException error(String reason, LogicalLine line, String file) {
    return new InvalidInputException(
        reason, text, file, line.lineAt(nameAt), line.columnAt(nameAt));
  }

  /**
   * Splits {@code line} from index {@code from} into options, pip style: whitespace-separated
   * tokens, simple quotes, {@code --name=value}, {@code --name value}, {@code -rvalue}, {@code -r
   * value}.
   *
   * @throws InvalidInputException for text that is not an option, or a missing value
   */
  static List<LineOption> parse(LogicalLine line, int from, String file) {
    List<int[]> spans = new ArrayList<>();
    List<String> words = new ArrayList<>();
    tokenize(line, from, file, spans, words);
    List<LineOption> options = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      int at = spans.get(i)[0];
      if (!word.startsWith("-") || word.equals("-") || word.equals("--")) {
        throw new InvalidInputException(
            "expected an option, found '" + word + "'", word, file, line.lineAt(at),
            line.columnAt(at));
      }
      String name;
      String value = null;
      int valueAt = at;
      if (word.startsWith("--") && word.contains("=")) {
        name = word.substring(0, word.indexOf('='));
        value = word.substring(word.indexOf('=') + 1);
        valueAt = at + name.length() + 1;
      } else if (!word.startsWith("--") && word.length() > 2) {
        name = word.substring(0, 2);
        value = word.substring(2);
        valueAt = at + 2;
      } else {
        name = word;
      }
      if (WITH_VALUE.contains(name) && value == null) {
        if (i + 1 >= words.size()) {
          throw new InvalidInputException(
              "option " + name + " needs a value", word, file, line.lineAt(at),
              line.columnAt(at));
        }
        i++;
        value = words.get(i);
        valueAt = spans.get(i)[0];
        word = word + " " + value;
      }
      options.add(new LineOption(name, value, word, at, valueAt));
    }
    return options;
  }

  private static void tokenize(
      LogicalLine line, int from, String file, List<int[]> spans, List<String> words) {
    String text = line.text();
    int i = from;
    while (i < text.length()) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      StringBuilder word = new StringBuilder();
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        char c = text.charAt(i);
        if (c == '"' || c == '\'') {
          int close = text.indexOf(c, i + 1);
          if (close < 0) {
            throw new InvalidInputException(
                "no closing quotation", text.substring(i), file, line.lineAt(i),
                line.columnAt(i));
          }
          word.append(text, i + 1, close);
          i = close + 1;
        } else {
          word.append(c);
          i++;
        }
      }
      spans.add(new int[] {start, i});
      words.add(word.toString());
    }
  }
}
