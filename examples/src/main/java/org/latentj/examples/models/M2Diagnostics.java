package org.latentj.examples.models;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.objectives.TraceEnumElbo;
import org.latentj.model.Batch;
import org.latentj.model.Posterior;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Tensor;

/**
 * What M2 has learnt about the label, measured on held-out digits: how well the generative model
 * alone classifies (the class whose bound L(x, y) is highest: if the decoder ignores y, this is
 * chance), and how much the classifier's answers depend on the input (the mutual information
 * between x and y under q(y | x) and the empirical distribution of x; log 10 nats when it is
 * confident and uses every class equally, 0 when it says the same for every digit).
 */
public final class M2Diagnostics {

  /** Rows per forward pass (times the classes when every label is tried). */
  private static final int CHUNK = 100;

  private M2Diagnostics() {}

  /**
   * I(x; y) in nats for y ~ q(y | x) and x uniform over the rows of {@code x}:
   * H(mean_x q(y | x)) - mean_x H(q(y | x)).
   */
  public static double mutualInformation(Posterior q, DMatrixRMaj x) {
    DMatrixRMaj logits;
    try (GradMode.Scope off = GradMode.disable()) {
      logits = q.network().forward(Tensor.constant(x)).logSoftmax().value();
    }
    int classes = logits.numCols;
    double[] marginal = new double[classes];
    double conditionalEntropy = 0;
    for (int i = 0; i < logits.numRows; i++) {
      for (int c = 0; c < classes; c++) {
        double logP = logits.get(i, c);
        double p = Math.exp(logP);
        marginal[c] += p / logits.numRows;
        conditionalEntropy -= p * logP / logits.numRows;
      }
    }
    double marginalEntropy = 0;
    for (double p : marginal) {
      marginalEntropy -= p > 0 ? p * Math.log(p) : 0;
    }
    return marginalEntropy - conditionalEntropy;
  }

  /**
   * The fraction of rows of {@code x} (binary images) whose label is not the class with the
   * highest single-sample bound L(x, y) under M2's generative model and q(z | x, y): the
   * classifier Bayes' rule makes of p(x | y) with a uniform prior over y.
   */
  public static double generativeError(M2 m2, DMatrixRMaj x, int[] labels,
      UniformRandomProvider rng) {
    int classes = m2.model().classes();
    TraceEnumElbo elbo = new TraceEnumElbo();
    int wrong = 0;
    try (GradMode.Scope off = GradMode.disable()) {
      Tensor all = Tensor.constant(x);
      for (int from = 0; from < x.numRows; from += CHUNK) {
        int to = Math.min(x.numRows, from + CHUNK);
        int[] every = new int[(to - from) * classes];
        for (int r = 0; r < every.length; r++) {
          every[r] = r % classes;
        }
        // Example-major rows: row i * classes + c is example i labelled c.
        Batch eachLabel = Batch.of(all.rows(from, to).repeatRows(classes),
            Tensor.constant(OneHotLabels.of(every, classes)));
        DMatrixRMaj bound = elbo.bound(m2.model(), m2.guide(), eachLabel, rng).value();
        for (int i = 0; i < to - from; i++) {
          int best = 0;
          for (int c = 1; c < classes; c++) {
            if (bound.get(i * classes + c, 0) > bound.get(i * classes + best, 0)) {
              best = c;
            }
          }
          wrong += best == labels[from + i] ? 0 : 1;
        }
      }
    }
    return (double) wrong / x.numRows;
  }
}
