package org.latentj.examples.reproduction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.StatUtils;

/**
 * The IWAE table's outputs: a CSV row appended as soon as a configuration and seed finishes (so
 * a killed run keeps what it finished), and a markdown table with one row per configuration,
 * {@code mean +- sample SD} over seeds when there are several.
 */
final class IwaeReport {

  static final String CSV_HEADER = "config,seed,epochs,train_s,eval_s,test_elbo,test_log_px,"
      + "eval_k,eval_images,active_units";

  private IwaeReport() {}

  /** Appends {@code r} to {@code file}, writing the header first if the file is new or empty. */
  static void appendCsv(Path file, IwaeResult r) throws IOException {
    TableFiles.appendRow(file, CSV_HEADER, String.format(Locale.ROOT,
        "%s,%d,%d,%.2f,%.2f,%.4f,%.4f,%d,%d,%d%n", r.config(), r.seed(), r.epochs(),
        r.trainSeconds(), r.evalSeconds(), r.testElbo(), r.testLogPx(), r.evalK(),
        r.evalImages(), r.activeUnits()));
  }

  /** The table, one row per configuration in {@code configs} that has results. */
  static String markdown(String title, List<String> notes, List<IwaeConfig> configs,
      List<IwaeResult> results) {
    StringBuilder s = new StringBuilder("## ").append(title).append("\n\n");
    for (String note : notes) {
      s.append(note).append("\n\n");
    }
    s.append("| config | objective | k | seeds | epochs | test log p(x) | test ELBO |"
        + " active units | train s | eval s |\n");
    s.append("|:---|:---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (IwaeConfig c : configs) {
      List<IwaeResult> rows = results.stream().filter(r -> r.config().equals(c.name())).toList();
      if (rows.isEmpty()) {
        continue;
      }
      s.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %s | %s | %s | %s | %s |%n",
          // The paper's labels: ELBO, IWAE.
          c.name(), c.objective().toUpperCase(Locale.ROOT), c.particles(), rows.size(),
          rows.get(0).epochs(),
          spread(rows, IwaeResult::testLogPx, "%.2f"), spread(rows, IwaeResult::testElbo, "%.2f"),
          spread(rows, r -> r.activeUnits(), "%.1f"), spread(rows, IwaeResult::trainSeconds,
              "%.0f"), spread(rows, IwaeResult::evalSeconds, "%.0f")));
    }
    return s.toString();
  }

  /** {@code mean} for one row, {@code mean +- SD} (sample SD, n - 1) for several. */
  static String spread(List<IwaeResult> rows, ToDoubleFunction<IwaeResult> f, String format) {
    double[] v = rows.stream().mapToDouble(f).toArray();
    String mean = String.format(Locale.ROOT, format, mean(v));
    return v.length == 1 ? mean : mean + " +- " + String.format(Locale.ROOT, format, sampleSd(v));
  }

  static double mean(double[] v) {
    return StatUtils.mean(v);
  }

  /** {@code sqrt(sum (x - mean)^2 / (n - 1))}; needs at least two values. */
  static double sampleSd(double[] v) {
    if (v.length < 2) {
      throw new IllegalArgumentException("sampleSd: needs at least 2 values, got " + v.length);
    }
    return Math.sqrt(StatUtils.variance(v)); // the n - 1 (bias-corrected) variance
  }
}
