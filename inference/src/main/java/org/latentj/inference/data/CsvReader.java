package org.latentj.inference.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.checkpoint.Sha256;

/**
 * Reads a numeric CSV file into a {@link Dataset}: one example per line, cells separated by a
 * delimiter (a comma unless set), an optional header row and an optional label column.
 *
 * <p>The format is deliberately plain: no quoting or escaped delimiters; cells are trimmed of
 * spaces; lines holding only white space are skipped (line numbers in messages still count
 * them); a UTF-8 byte order mark is ignored. A number is a decimal literal with an optional
 * exponent ({@code -1.5e-3}, {@code .5}, {@code 7}); the words {@code NaN}, {@code Inf},
 * {@code Infinity} (any case, optionally signed) are non-finite numbers, rejected unless
 * {@link Builder#allowNonFinite(boolean)} is set, as are literals that overflow a double.
 *
 * <p>Header: {@link Header#AUTO} (the default) takes the first row as a header when any of its
 * cells is not a number, so a header made only of numbers is read as data and a first data row
 * with a typo as a header; say {@link Header#PRESENT} or {@link Header#ABSENT} to be sure.
 *
 * <p>The label column (if any) must hold non-negative integers ({@code 3} or {@code 3.0}); it is
 * removed from the features. {@link Builder#range} bounds the feature values. Every problem is a
 * {@link DataFileException} naming the line and column, both counted from 1. A header row that
 * was skipped is named in the dataset's provenance ({@link #HEADER_SKIPPED}).
 */
public final class CsvReader {

  /** Words in the provenance description of a dataset whose first row was a header. */
  public static final String HEADER_SKIPPED = "header row skipped";

  /** Whether the first row is a header. */
  public enum Header {
    /** A first row with any cell that is not a number is a header. */
    AUTO,
    /** The first row is a header. */
    PRESENT,
    /** Every row is data. */
    ABSENT
  }

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
  private static final Set<String> NON_FINITE = Set.of("nan", "+nan", "-nan", "inf", "+inf",
      "-inf", "infinity", "+infinity", "-infinity");

  private final char delimiter;
  private final Header header;
  private final int labelColumn;
  private final boolean allowNonFinite;
  private final String nonFiniteAdvice;
  private final double low;
  private final double high;
  private final String rangeAdvice;

  private CsvReader(Builder b) {
    this.delimiter = b.delimiter;
    this.header = b.header;
    this.labelColumn = b.labelColumn;
    this.allowNonFinite = b.allowNonFinite;
    this.nonFiniteAdvice = b.nonFiniteAdvice;
    this.low = b.low;
    this.high = b.high;
    this.rangeAdvice = b.rangeAdvice;
  }

  /** Comma-separated, header detected, no label column, non-finite values rejected. */
  public static CsvReader defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Reads {@code file}, recording its size and SHA-256. */
  public Dataset read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads {@code in} to its end (not closing it), naming it {@code name} in messages. */
  public Dataset read(InputStream in, String name) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    MessageDigest md = Sha256.newDigest();
    CountingDigest counted = new CountingDigest(in, md);
    BufferedReader r = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8));
    Parsed p = parse(r, name);
    counted.transferTo(OutputStream.nullOutputStream());
    SourceFile source = new SourceFile(name, counted.count, Sha256.hex(md));
    DMatrixRMaj features = DMatrixRMaj.wrap(p.rows, p.featureCount,
        Arrays.copyOf(p.features, p.rows * p.featureCount));
    String header = p.headerLine > 0 ? " (" + HEADER_SKIPPED + ": line " + p.headerLine + ")"
        : "";
    Dataset ds = Dataset.of(features, new DataProvenance("CSV " + name + header, List.of(source)));
    return p.labels == null ? ds : ds.withLabels(Arrays.copyOf(p.labels, p.rows));
  }

  private record Parsed(double[] features, int[] labels, int rows, int featureCount,
      int headerLine) {}

  private Parsed parse(BufferedReader r, String name) throws IOException {
    String delim = Pattern.quote(String.valueOf(delimiter));
    int lineNo = 0;
    int columns = -1;
    int firstLine = -1;
    int featureCount = 0;
    boolean headerSeen = false;
    double[] features = null;
    int[] labels = null;
    int rows = 0;
    String line;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(delim, -1);
      if (columns < 0) {
        columns = cells.length;
        firstLine = lineNo;
        if (labelColumn >= columns) {
          throw new DataFileException(name, "label column index " + labelColumn + " (column "
              + (labelColumn + 1) + ") but line " + lineNo + " has only " + columns
              + " column(s)");
        }
        featureCount = labelColumn >= 0 ? columns - 1 : columns;
        if (featureCount < 1) {
          throw new DataFileException(name, "line " + lineNo + " has only the label column; "
              + "no features");
        }
        if (header == Header.PRESENT || (header == Header.AUTO && !allNumbers(cells))) {
          headerSeen = true;
          continue;
        }
      }
      if (cells.length != columns) {
        throw new DataFileException(name, "line " + lineNo + " has " + cells.length
            + " column(s), expected " + columns + " (as on line " + firstLine + ")");
      }
      if (features == null) {
        // Room for about a million values to start with; grows by doubling with the rows read.
        int initialRows = Math.max(1, Math.min(1024, (1 << 20) / featureCount));
        features = new double[initialRows * featureCount];
        labels = labelColumn >= 0 ? new int[initialRows] : null;
      }
      if ((long) (rows + 1) * featureCount > Integer.MAX_VALUE - 8) {
        throw new DataFileException(name, "line " + lineNo + ": more than "
            + (Integer.MAX_VALUE - 8) + " values do not fit in one matrix");
      }
      if ((rows + 1) * featureCount > features.length) {
        long grown = Math.min(Integer.MAX_VALUE - 8L, 2L * features.length);
        features = Arrays.copyOf(features, (int) grown);
      }
      if (labels != null && rows == labels.length) {
        labels = Arrays.copyOf(labels, 2 * labels.length);
      }
      int k = rows * featureCount;
      for (int c = 0; c < columns; c++) {
        double v = number(cells[c], name, lineNo, c);
        if (c == labelColumn) {
          labels[rows] = label(v, cells[c], name, lineNo, c);
        } else {
          features[k++] = inRange(v, cells[c], name, lineNo, c);
        }
      }
      rows++;
    }
    if (columns < 0) {
      throw new DataFileException(name, "empty file: no rows");
    }
    if (rows == 0) {
      throw new DataFileException(name, "no data rows" + (headerSeen ? " after the header on line "
          + firstLine : ""));
    }
    return new Parsed(features, labels, rows, featureCount, headerSeen ? firstLine : 0);
  }

  private static boolean allNumbers(String[] cells) {
    for (String cell : cells) {
      String t = cell.trim();
      if (!NUMBER.matcher(t).matches() && !NON_FINITE.contains(t.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  private double number(String cell, String name, int line, int column)
      throws DataFileException {
    String t = cell.trim();
    double v;
    if (NUMBER.matcher(t).matches()) {
      v = Double.parseDouble(t);
    } else if (NON_FINITE.contains(t.toLowerCase(Locale.ROOT))) {
      v = t.toLowerCase(Locale.ROOT).contains("nan") ? Double.NaN
          : t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    } else {
      throw new DataFileException(name, "line " + line + ", column " + (column + 1) + ": "
          + (t.isEmpty() ? "empty cell" : "\"" + t + "\" is not a number"));
    }
    if (!Double.isFinite(v) && !allowNonFinite) {
      throw new DataFileException(name, "line " + line + ", column " + (column + 1) + ": \"" + t
          + "\" is " + v + "; non-finite values are rejected (" + nonFiniteAdvice + ")");
    }
    return v;
  }

  private double inRange(double v, String cell, String name, int line, int column)
      throws DataFileException {
    if (v < low || v > high) {
      throw new DataFileException(name, "line " + line + ", column " + (column + 1) + ": "
          + cell.trim() + " is outside [" + low + ", " + high + "]" + rangeAdvice);
    }
    return v;
  }

  private static int label(double v, String cell, String name, int line, int column)
      throws DataFileException {
    if (!(v >= 0) || v > Integer.MAX_VALUE || v != Math.rint(v)) {
      throw new DataFileException(name, "line " + line + ", column " + (column + 1)
          + " (the label column): \"" + cell.trim() + "\" is not a non-negative integer");
    }
    return (int) v;
  }

  @Override
  public String toString() {
    return "CsvReader(delimiter '" + delimiter + "', header " + header + ", labelColumn "
        + labelColumn + ", allowNonFinite " + allowNonFinite + ")";
  }

  /** Settings of a {@link CsvReader}. */
  public static final class Builder {
    private char delimiter = ',';
    private Header header = Header.AUTO;
    private int labelColumn = -1;
    private boolean allowNonFinite;
    private String nonFiniteAdvice = "allowNonFinite(true) accepts them";
    private double low = Double.NEGATIVE_INFINITY;
    private double high = Double.POSITIVE_INFINITY;
    private String rangeAdvice = "";

    private Builder() {}

    /** What the message on a rejected NaN or infinity advises (by default allowNonFinite). */
    public Builder nonFiniteAdvice(String advice) {
      this.nonFiniteAdvice = Objects.requireNonNull(advice, "advice");
      return this;
    }

    /**
     * Rejects feature values outside {@code [low, high]}, naming line and column, with
     * {@code advice} appended to the message (e.g. "; the likelihood needs ...").
     */
    public Builder range(double low, double high, String advice) {
      if (!(low <= high)) {
        throw new IllegalArgumentException("CsvReader: range [" + low + ", " + high
            + "] is empty");
      }
      this.low = low;
      this.high = high;
      this.rangeAdvice = Objects.requireNonNull(advice, "advice");
      return this;
    }

    /** The cell separator (comma by default); not a digit, sign, dot, 'e' or a line break. */
    public Builder delimiter(char d) {
      if (Character.isDigit(d) || "+-.eE\r\n".indexOf(d) >= 0) {
        throw new IllegalArgumentException("CsvReader: delimiter '" + d
            + "' would be part of a number or a line break");
      }
      this.delimiter = d;
      return this;
    }

    public Builder header(Header h) {
      this.header = Objects.requireNonNull(h, "header");
      return this;
    }

    /** The zero-based index of the column holding integer labels; -1 for none (default). */
    public Builder labelColumn(int index) {
      if (index < -1) {
        throw new IllegalArgumentException("CsvReader: labelColumn must be >= 0, or -1 for "
            + "none, got " + index);
      }
      this.labelColumn = index;
      return this;
    }

    /** Whether NaN and infinities are accepted as feature values (default: rejected). */
    public Builder allowNonFinite(boolean allow) {
      this.allowNonFinite = allow;
      return this;
    }

    public CsvReader build() {
      return new CsvReader(this);
    }
  }

  /** A pass-through stream feeding a digest and counting bytes. */
  private static final class CountingDigest extends DigestInputStream {
    long count;

    CountingDigest(InputStream in, MessageDigest md) {
      super(in, md);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
