package org.pylock4j.lock;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pylock4j.error.InvalidInputException;
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
  private final String[] lines;
  private final List<Pending> pins = new ArrayList<>();

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
    this.lines = text.split("\r?\n", -1);
  }

  static RequirementsTxt read(String text, String file) {
    return new RequirementsTxtReader(text, file).read();
  }

  private RequirementsTxt read() {
    Set<ProjectName> seen = new HashSet<>();
    boolean inVia = false;
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      String trimmed = raw.strip();
      if (trimmed.isEmpty()) {
        inVia = false;
        continue;
      }
      if (trimmed.startsWith("#")) {
        inVia = via(trimmed, inVia);
        continue;
      }
      inVia = false;
      int first = i;
      StringBuilder logical = new StringBuilder();
      List<int[]> origins = new ArrayList<>();
      while (true) {
        String part = stripComment(lines[i]);
        boolean continued = part.endsWith("\\");
        if (continued) {
          part = part.substring(0, part.length() - 1);
        }
        origins.add(new int[] {logical.length(), i + 1});
        logical.append(part).append(' ');
        if (!continued || i + 1 >= lines.length) {
          break;
        }
        i++;
      }
      Pending pin = line(logical.toString(), origins, first + 1);
      if (pin != null) {
        if (!seen.add(pin.name)) {
          throw error(first + 1, column(lines[first]), lines[first],
              "\"" + pin.name + "\" is pinned twice");
        }
        pins.add(pin);
      }
    }
    List<RequirementsTxt.Pin> out = new ArrayList<>();
    for (Pending p : pins) {
      out.add(new RequirementsTxt.Pin(p.name, p.extras, p.version, p.url, p.hashes, p.via));
    }
    return new RequirementsTxt(out);
  }

  /** Records a {@code # via} comment for the last pin; returns whether a via list is open. */
  private boolean via(String comment, boolean inVia) {
    if (pins.isEmpty()) {
      return false;
    }
    Pending last = pins.get(pins.size() - 1);
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

  private Pending line(String text, List<int[]> origins, int lineNumber) {
    String t = text.strip();
    if (t.startsWith("-")) {
      String option = t.split("[\\s=]", 2)[0];
      if (IGNORED_OPTIONS.contains(option)) {
        return null;
      }
      throw error(lineNumber, column(lines[lineNumber - 1]), lines[lineNumber - 1],
          "option " + option + " is not supported in a lock file (only pins with --hash)");
    }
    int options = indexOfOption(text);
    String requirementText = (options < 0 ? text : text.substring(0, options)).strip();
    Requirement requirement;
    try {
      requirement = Requirement.parse(requirementText);
    } catch (InvalidInputException e) {
      int offset = text.indexOf(requirementText) + Math.max(0, e.column() - 1);
      throw located(origins, offset, e.reason());
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
          throw located(origins, offset,
              "unexpected \"" + token + "\" (only --hash=ALGORITHM:DIGEST may follow a pin)");
        }
        if (!value.matches("(sha256|sha384|sha512):[0-9a-fA-F]+")) {
          throw located(origins, offset, "invalid --hash \"" + value
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
        throw located(origins, text.indexOf(requirementText),
            "\"" + requirementText + "\" is not a pin (expected name==version)");
      }
      try {
        version = Version.parse(specs.get(0).version());
      } catch (InvalidInputException e) {
        throw located(origins, text.indexOf(requirementText),
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

  private InvalidLockFileException located(List<int[]> origins, int offset, String reason) {
    int[] origin = origins.get(0);
    for (int[] o : origins) {
      if (o[0] <= offset) {
        origin = o;
      }
    }
    String line = lines[origin[1] - 1];
    int column = offset - origin[0] + 1;
    return error(origin[1], column, line, reason);
  }

  private InvalidLockFileException error(int line, int column, String text, String reason) {
    return new InvalidLockFileException(reason, text.strip(), file, line, column, null);
  }

  private static int column(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i + 1;
  }

  /** The line without a comment ({@code #} at its start or after whitespace), right-trimmed. */
  private static String stripComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i).stripTrailing();
      }
    }
    return line.stripTrailing();
  }
}
