package org.pylock4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line options; a name given several times keeps every value. */
final class Options {

  private final Map<String, List<String>> values = new LinkedHashMap<>();

  private Options() {}

  static Options parse(String[] args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--")) {
        throw new IllegalArgumentException("expected an option, got '" + name + "'");
      }
      if (flag(name)) {
        o.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
      } else if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + name + " needs a value");
      } else {
        o.values.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
      }
    }
    return o;
  }

  private static boolean flag(String name) {
    return name.equals("--no-pip") || name.equals("--help") || name.equals("--startup")
        || name.equals("--no-daemon");
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String get(String name, String fallback) {
    List<String> v = values.get(name);
    return v == null ? fallback : v.get(v.size() - 1);
  }

  String require(String name) {
    String v = get(name, null);
    if (v == null) {
      throw new IllegalArgumentException("option " + name + " is required");
    }
    return v;
  }

  int getInt(String name, int fallback) {
    return Integer.parseInt(get(name, Integer.toString(fallback)));
  }

  double getDouble(String name, double fallback) {
    return Double.parseDouble(get(name, Double.toString(fallback)));
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }
}
