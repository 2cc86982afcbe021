package org.pylock4j.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one quantity: median and spread. */
final class Samples {

  private final List<Double> values = new ArrayList<>();

  void add(double value) {
    values.add(value);
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  int size() {
    return values.size();
  }

  double median() {
    List<Double> sorted = sorted();
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  double min() {
    return sorted().get(0);
  }

  double max() {
    List<Double> s = sorted();
    return s.get(s.size() - 1);
  }

  private List<Double> sorted() {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s;
  }

  /** {@code 1.23 s (1.20–1.31)} or {@code 12.3 ms (11.9–13.0)} for milliseconds; "—" when empty. */
  String millis() {
    if (values.isEmpty()) {
      return "—";
    }
    return time(median()) + " (" + time(min()) + "–" + time(max()) + ")";
  }

  /** Median of kilobytes as {@code 123 MB}. */
  String megabytes() {
    if (values.isEmpty()) {
      return "—";
    }
    return String.format(Locale.ROOT, "%.0f MB", median() / 1024);
  }

  static String time(double ms) {
    if (ms >= 1000) {
      return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }
    if (ms >= 100) {
      return String.format(Locale.ROOT, "%.0f ms", ms);
    }
    if (ms >= 10) {
      return String.format(Locale.ROOT, "%.1f ms", ms);
    }
    return String.format(Locale.ROOT, "%.2f ms", ms);
  }

  /** pip's median over this median, e.g. {@code 12×}; "—" when either is missing. */
  String ratioTo(Samples pip) {
    if (values.isEmpty() || pip.isEmpty()) {
      return "—";
    }
    double r = pip.median() / median();
    return r >= 10
        ? String.format(Locale.ROOT, "%.0f×", r)
        : String.format(Locale.ROOT, "%.1f×", r);
  }
}
