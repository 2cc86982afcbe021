package org.pylock4j.lock;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.lines.LogicalLine;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.version.Specifier;
import org.pylock4j.version.Version;

/**
 * Reads a requirements file of pins (pip-compile's output, or {@link RequirementsTxtWriter}'s):
 * {@code name==version} or {@code name @ url} lines continued with {@code \}, their {@code --hash}
 * options, and the {@code # via} comments after them. Global options such as {@code --index-url}
 * are skipped; nested files ({@code -r}, {@code -c}, {@code -e}) are refused.
 */
final class RequirementsTxtReader {

  private static final Set<String> IGNORED_OPTIONS = Set.of("-i", "--index-url",
      "--extra-index-url", "-f", "--find-links", "--trusted-host", "--no-index",
      "--prefer-binary", "--only-binary", "--no-binary", "--require-hashes", "--pre");

  private final String file;
  private final String text;
  private final String[] lines;
  private final List<Pending> pins = new ArrayList<>();
  private final List<String> sources = new ArrayList<>();

  private static final class Pending {
    final ProjectName name;
    final Set<String> extras;
    final Version version;
    final String url;
    final List<String> hashes;
    final List<String> via = new ArrayList<>();

    Pending(ProjectName name, Set<String> extras, Version version, String url,
        List<String> hashes) {
      this.name = name;
      this.extras = extras;
      this.version = version;
      this.url = url;
      this.hashes = hashes;
    }
  }

  private RequirementsTxtReader(String text, String file) {
    this.file = file;
    this.text = text;
    this.lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r\n|\n|\r", -1);
  }

  static RequirementsTxt read(String text, String file) {
    return new RequirementsTxtReader(text, file).read();
  }

  private RequirementsTxt read() {
    // pins: the logical lines (continuations joined, comments dropped), as for any
    // requirements file; the # via comments after each pin: from the physical lines
    java.util.TreeMap<Integer, Pending> byLine = new java.util.TreeMap<>();
    Set<ProjectName> seen = new HashSet<>();
    for (LogicalLine logical : LogicalLine.split(text, file, null)) {
      Pending pin = line(logical);
      if (pin != null) {
        int first = logical.lineAt(0);
        if (!seen.add(pin.name)) {
          throw error(first, logical.columnAt(0), lines[first - 1],
              "\"" + pin.name + "\" is pinned twice");
        }
        pins.add(pin);
        byLine.put(first, pin);
      }
    }
    boolean inVia = false;
    for (int i = 0; i < lines.length; i++) {
      String trimmed = lines[i].strip();
      if (!trimmed.startsWith("#")) {
        inVia = false;
        continue;
      }
      var owner = byLine.floorEntry(i + 1);
      inVia = owner != null && via(owner.getValue(), trimmed, inVia);
    }
    List<RequirementsTxt.Pin> out = new ArrayList<>();
    for (Pending p : pins) {
      out.add(new RequirementsTxt.Pin(p.name, p.extras, p.version, p.url, p.hashes, p.via));
    }
    return new RequirementsTxt(out, sources);
  }

  /** Records a {@code # via} comment for the pin before it; returns whether a via list is open. */
  private static boolean via(Pending last, String comment, boolean inVia) {
    String body = comment.substring(1).strip();
    if (body.equals("via")) {
      return true;
    }
    if (body.startsWith("via ")) {
      last.via.add(body.substring(4).strip());
      return false;
    }
    if (inVia && comment.matches("#\\s{2,}\\S.*")) {
      last.via.add(body);
      return true;
    }
    return false;
  }

  private Pending line(LogicalLine logical) {
    String text = logical.text();
    if (text.startsWith("-")) {
      String option = text.split("[\\s=]", 2)[0];
      if (IGNORED_OPTIONS.contains(option)) {
        String name = switch (option) {
          case "-i" -> "--index-url";
          case "-f" -> "--find-links";
          default -> option;
        };
        if (Set.of("--index-url", "--extra-index-url", "--find-links").contains(name)) {
          String value = text.substring(option.length()).strip();
          value = value.startsWith("=") ? value.substring(1).strip() : value;
          sources.add(name + " " + value);
        }
        return null;
      }
      int lineNumber = logical.lineAt(0);
      throw error(lineNumber, logical.columnAt(0), lines[lineNumber - 1],
          "option " + option + " is not supported in a lock file (only pins with --hash)");
    }
    int options = indexOfOption(text);
    String requirementText = (options < 0 ? text : text.substring(0, options)).strip();
    Requirement requirement;
    try {
      requirement = Requirement.parse(requirementText);
    } catch (InvalidInputException e) {
      int offset = text.indexOf(requirementText) + Math.max(0, e.column() - 1);
      throw located(logical, offset, e.reason());
    }
    List<String> hashes = new ArrayList<>();
    if (options >= 0) {
      String[] tokens = text.substring(options).strip().split("\\s+");
      for (int k = 0; k < tokens.length; k++) {
        String token = tokens[k];
        int offset = text.indexOf(token, options);
        String value;
        if (token.startsWith("--hash=")) {
          value = token.substring("--hash=".length());
        } else if (token.equals("--hash") && k + 1 < tokens.length) {
          value = tokens[++k];
        } else {
          throw located(logical, offset,
              "unexpected \"" + token + "\" (only --hash=ALGORITHM:DIGEST may follow a pin)");
        }
        if (!value.matches("(sha256|sha384|sha512):[0-9a-fA-F]+")) {
          throw located(logical, offset, "invalid --hash \"" + value
              + "\" (expected sha256:, sha384: or sha512: and a hex digest)");
        }
        hashes.add(value.toLowerCase(java.util.Locale.ROOT));
      }
    }
    Version version = null;
    if (requirement.url() == null) {
      List<Specifier> specs = requirement.specifier().specifiers();
      if (specs.size() != 1
          || !(specs.get(0).operator().equals("==") || specs.get(0).operator().equals("==="))
          || specs.get(0).version().endsWith(".*")) {
        throw located(logical, text.indexOf(requirementText),
            "\"" + requirementText + "\" is not a pin (expected name==version)");
      }
      try {
        version = Version.parse(specs.get(0).version());
      } catch (InvalidInputException e) {
        throw located(logical, text.indexOf(requirementText),
            "\"" + requirementText + "\" does not pin a PEP 440 version");
      }
    }
    return new Pending(requirement.projectName(), requirement.extras(), version,
        requirement.url(), hashes);
  }

  /** The offset of the first {@code --option} that follows whitespace, or -1. */
  private static int indexOfOption(String text) {
    for (int i = 1; i < text.length() - 1; i++) {
      if (text.charAt(i) == '-' && text.charAt(i + 1) == '-'
          && Character.isWhitespace(text.charAt(i - 1))) {
        return i;
      }
    }
    return -1;
  }

  private InvalidLockFileException located(LogicalLine logical, int offset, String reason) {
    int line = logical.lineAt(offset);
    return error(line, logical.columnAt(offset), lines[line - 1], reason);
  }

  private InvalidLockFileException error(int line, int column, String text, String reason) {
    return new InvalidLockFileException(reason, text.strip(), file, line, column, null);
  }
}
