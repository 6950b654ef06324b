package org.latentj.examples.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.checkpoint.AtomicFiles;

/**
 * Matrices side by side as a CSV file: one header line, then one line per row, each value in
 * Java's shortest exact decimal ({@link Double#toString}), so reading it back gives the same
 * doubles. Written by hand rather than with a CSV library: cells are only numbers and fixed
 * column names, which never need quoting.
 */
final class NumberCsv {

  private NumberCsv() {}

  /**
   * Writes {@code header} and the rows of {@code blocks} (equal row counts) to {@code file},
   * each line starting with the row's index (from 0) when {@code indexed}.
   */
  static void write(Path file, List<String> header, boolean indexed, DMatrixRMaj... blocks)
      throws IOException {
    AtomicFiles.writeStream(file, stream -> {
      Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
      out.write(String.join(",", header));
      out.write('\n');
      for (int i = 0; i < blocks[0].numRows; i++) {
        StringBuilder line = new StringBuilder(indexed ? Integer.toString(i) : "");
        for (DMatrixRMaj m : blocks) {
          for (int j = 0; j < m.numCols; j++) {
            line.append(line.length() == 0 ? "" : ",").append(m.get(i, j));
          }
        }
        out.write(line.append('\n').toString());
      }
      out.flush();
    });
  }

  /** {@code prefix_1, ..., prefix_n}. */
  static List<String> columns(String prefix, int n) {
    return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> prefix + "_" + i)
        .toList();
  }
}
