package org.pylock4j.requirement;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints a marker as {@code packaging}'s {@code _format_marker} prints its nested lists.
 *
 * <p>{@code packaging} keeps a marker as a list of items ({@code (lhs, op, rhs)} tuples and
 * parenthesised sub-lists) joined by {@code "and"}/{@code "or"}. Here a list is an {@link
 * Marker.And}/{@link Marker.Or} chain and a sub-list is a {@link Marker.Group}. An {@code Or}
 * directly under an {@code And} (which the parser never builds) is printed in parentheses so that
 * the text means what the tree means.
 */
final class MarkerFormat {

  private MarkerFormat() {}

  static String format(Marker marker) {
    return formatList(marker, true);
  }

  /** {@code _format_marker(list, first)} for the list whose content is {@code content}. */
  private static String formatList(Marker content, boolean first) {
    if (content instanceof Marker.Comparison) {
      return content.toString();
    }
    if (content instanceof Marker.Group g) {
      return formatList(g.inner(), true);
    }
    List<Object> items = new ArrayList<>();
    flatten(content, items);
    StringBuilder out = new StringBuilder();
    for (Object item : items) {
      if (out.length() > 0) {
        out.append(' ');
      }
      if (item instanceof String word) {
        out.append(word);
      } else if (item instanceof Marker.Comparison c) {
        out.append(c);
      } else if (item instanceof Marker.Group g) {
        out.append(formatList(g.inner(), false));
      } else {
        out.append(formatList((Marker) item, false));
      }
    }
    return first ? out.toString() : "(" + out + ")";
  }

  /** The items of a chain, in order, with the words {@code and}/{@code or} between them. */
  private static void flatten(Marker marker, List<Object> items) {
    if (marker instanceof Marker.And and) {
      flattenChild(and.left(), items);
      items.add("and");
      flattenChild(and.right(), items);
    } else if (marker instanceof Marker.Or or) {
      flatten(or.left(), items);
      items.add("or");
      flatten(or.right(), items);
    } else {
      items.add(marker);
    }
  }

  private static void flattenChild(Marker child, List<Object> items) {
    if (child instanceof Marker.Or) {
      items.add(child);
    } else {
      flatten(child, items);
    }
  }
}
