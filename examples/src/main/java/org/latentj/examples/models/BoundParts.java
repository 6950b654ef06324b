package org.latentj.examples.models;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Batch;
import org.latentj.model.Program;
import org.latentj.model.Trace;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Tensor;

/**
 * A one-sample ELBO over a data set split into its two parts, unscaled by any plate: the
 * per-example part {@code log p(x|z, theta) + log p(z) - log q(z|x)} (at a draw of the global
 * sites theta, fresh per minibatch) and the global sites' {@code log p(theta) - log q(theta)}.
 * For Bayesian weights (Kingma &amp; Welling 2013, Appendix F) the training bound per example is
 * {@code perExample + global / N}; on held-out data {@code perExample} alone estimates
 * {@code E_q(theta)[ELBO(x; theta)]}. Global sites are those outside every plate of a model
 * that has plates; a model with none has {@code global = 0}.
 *
 * @param perExample mean over the examples
 * @param global mean over the minibatches' draws
 */
public record BoundParts(double perExample, double global) {

  /** The training bound per example of a data set of {@code n} examples. */
  public double perExampleWithGlobalShare(int n) {
    return perExample + global / n;
  }

  /** Evaluates on the rows of {@code x} (Not modified), {@code batchSize} at a time. */
  public static BoundParts of(Program model, Program guide, DMatrixRMaj x, int batchSize,
      UniformRandomProvider rng) {
    double rows = 0;
    double globals = 0;
    int batches = 0;
    try (GradMode.Scope off = GradMode.disable()) {
      for (int from = 0; from < x.numRows; from += batchSize) {
        int to = Math.min(x.numRows, from + batchSize);
        DMatrixRMaj chunk = new DMatrixRMaj(to - from, x.numCols);
        System.arraycopy(x.data, from * x.numCols, chunk.data, 0, chunk.data.length);
        Batch b = Batch.of(Tensor.constant(chunk));
        Trace g = Trace.guide(guide, b, rng);
        Trace m = Trace.replay(model, b, g);
        boolean plated = m.sites().stream().anyMatch(s -> !s.plates().isEmpty());
        for (Trace.Site s : m.sites()) {
          double logP = s.distribution().logProb(s.value()).sum().item();
          Trace.Site q = g.site(s.name());
          double term = q == null ? logP
              : logP - q.distribution().logProb(q.value()).sum().item();
          if (plated && s.plates().isEmpty()) {
            globals += term;
          } else {
            rows += term;
          }
        }
        batches++;
      }
    }
    return new BoundParts(rows / x.numRows, globals / batches);
  }
}
