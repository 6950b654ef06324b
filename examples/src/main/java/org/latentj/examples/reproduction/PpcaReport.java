package org.latentj.examples.reproduction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The pPCA collapse results as a markdown table and as CSV, one row per noise level. */
final class PpcaReport {

  static final String CSV_HEADER = "noise_variance,closed_form_log_px,learned_log_px,elbo,"
      + "is_log_px,gap,predicted_collapsed,collapsed_by_kl,collapsed_by_norm,match,"
      + "kl_per_latent,column_norms,train_s";

  private PpcaReport() {}

  static String markdown(String title, List<String> notes, List<PpcaResult> results) {
    StringBuilder s = new StringBuilder("## ").append(title).append("\n\n");
    for (String note : notes) {
      s.append(note).append("\n\n");
    }
    s.append("| s^2 | closed-form log p(x) | learned log p(x) | ELBO | IS log p(x) | gap |"
        + " collapsed (KL) | collapsed (decoder) | predicted | equal | KL per latent (nats) |"
        + " train s |\n");
    s.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|:---|---:|\n");
    for (PpcaResult r : results) {
      s.append(String.format(Locale.ROOT,
          "| %.2f | %.4f | %.4f | %.4f | %.4f | %.4f | %d | %d | %d | %s | %s | %.1f |%n",
          r.noiseVariance(), r.closedForm(), r.learnedLogLikelihood(), r.elbo(),
          r.importanceSampled(), r.gap(), r.collapsedByKl(), r.collapsedByNorm(),
          r.predictedCollapsed(), r.collapseAsPredicted() ? "yes" : "**no**",
          join(r.klPerDimension(), "%.3f", " "), r.seconds()));
    }
    return s.toString();
  }

  static String csv(List<PpcaResult> results) {
    List<String> lines = new ArrayList<>();
    lines.add(CSV_HEADER);
    for (PpcaResult r : results) {
      lines.add(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.6f,%.6f,%.6f,%d,%d,%d,%b,%s,%s,%.2f",
          r.noiseVariance(), r.closedForm(), r.learnedLogLikelihood(), r.elbo(),
          r.importanceSampled(), r.gap(), r.predictedCollapsed(), r.collapsedByKl(),
          r.collapsedByNorm(), r.collapseAsPredicted(), join(r.klPerDimension(), "%.5f", ";"),
          join(r.columnNorms(), "%.5f", ";"), r.seconds()));
    }
    return String.join("\n", lines) + "\n";
  }

  static String join(double[] values, String format, String separator) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : separator).append(String.format(Locale.ROOT, format, values[i]));
    }
    return s.toString();
  }
}
