package org.latentj.examples.reproduction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table of results written two ways: as a markdown table for reading (and for pasting into
 * {@code docs/reproduction.md}) and as CSV for plotting again. Numbers are formatted by the
 * caller, so each column keeps the precision that suits it.
 */
public final class AevbTable {

  private final List<String> columns;
  private final List<List<String>> rows = new ArrayList<>();

  private AevbTable(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  /** An empty table with these column names. */
  public static AevbTable of(String... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("AevbTable: needs at least one column");
    }
    return new AevbTable(List.of(columns));
  }

  /** Adds a row with one cell per column. */
  public AevbTable add(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException("AevbTable: row has " + cells.length
          + " cells for columns " + columns);
    }
    List<String> row = new ArrayList<>();
    for (Object c : cells) {
      row.add(String.valueOf(c));
    }
    rows.add(row);
    return this;
  }

  public int size() {
    return rows.size();
  }

  /** {@code String.format(Locale.ROOT, pattern, x)}: a dot as decimal point everywhere. */
  public static String format(String pattern, double x) {
    return String.format(Locale.ROOT, pattern, x);
  }

  /** A GitHub-flavoured markdown table, one line per row, ending in a newline. */
  public String markdown() {
    StringBuilder s = new StringBuilder();
    s.append("| ").append(String.join(" | ", columns)).append(" |\n");
    s.append("|").append("---|".repeat(columns.size())).append('\n');
    for (List<String> row : rows) {
      s.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return s.toString();
  }

  /** Comma-separated values with a header line; cells must not contain commas. */
  public String csv() {
    StringBuilder s = new StringBuilder(String.join(",", columns)).append('\n');
    for (List<String> row : rows) {
      for (String cell : row) {
        if (cell.contains(",") || cell.contains("\n")) {
          throw new IllegalStateException("AevbTable: cell '" + cell + "' cannot go into CSV");
        }
      }
      s.append(String.join(",", row)).append('\n');
    }
    return s.toString();
  }
}
