package org.latentj.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The little HTML the run page needs, built with a StringBuilder: every string that goes in
 * passes through {@link #escape}, so a folder name or data path holding {@code <} or {@code &}
 * stays text.
 */
final class Html {

  private Html() {}

  /** {@code text} with {@code & < > " '} replaced by entities; safe in text and quoted attributes. */
  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(c);
      }
    }
    return s.toString();
  }

  /** A two-column table of an object's fields; nested objects become nested tables. */
  static String fields(JsonNode object) {
    StringBuilder s = new StringBuilder("<table>");
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      s.append("<tr><th>").append(escape(e.getKey())).append("</th><td>")
          .append(value(e.getValue())).append("</td></tr>");
    }
    return s.append("</table>").toString();
  }

  /** One JSON value as HTML: a nested table, a comma-joined list, or escaped text. */
  static String value(JsonNode v) {
    if (v.isObject()) {
      return fields(v);
    }
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(item -> items.add(value(item)));
      return String.join(", ", items);
    }
    return escape(v.asText());
  }

  /** A table of {@code rows} (JSON objects), one column per field any of them has. */
  static String rows(List<JsonNode> rows) {
    Set<String> columns = new LinkedHashSet<>();
    rows.forEach(r -> r.fieldNames().forEachRemaining(columns::add));
    StringBuilder s = new StringBuilder("<table class=\"rows\"><tr>");
    columns.forEach(c -> s.append("<th>").append(escape(c)).append("</th>"));
    s.append("</tr>");
    for (JsonNode r : rows) {
      s.append("<tr>");
      columns.forEach(c -> s.append("<td>").append(r.has(c) ? value(r.get(c)) : "")
          .append("</td>"));
      s.append("</tr>");
    }
    return s.append("</table>").toString();
  }
}
