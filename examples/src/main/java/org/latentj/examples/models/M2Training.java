package org.latentj.examples.models;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.training.Svi;
import org.latentj.model.Batch;
import org.latentj.model.Posterior;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.tensor.Rngs;

/**
 * Trains M2 (Kingma et al. 2014) on one labelled subset and, beside it, the labels-only
 * baseline: a classifier of q(y|x)'s architecture and initial weights, trained with the same
 * optimizer on the same labelled minibatches for as many steps as M2 takes labelled steps. An
 * M2 epoch is one pass over the unlabelled rows, each unlabelled minibatch followed by a
 * labelled one ({@link M2Objective} weighs them by their shares of the data).
 *
 * @param hiddenSize units of each network's hidden layer
 * @param latentSize size of z
 * @param epochs passes over the unlabelled rows
 * @param batchSize examples per minibatch (the labelled ones: at most the labelled count)
 * @param learningRate Adam's rate, for M2 and the baseline
 * @param alphaPerN the classification weight alpha / N (0.1 in the paper)
 * @param seed initial weights and every draw
 */
public record M2Training(int hiddenSize, int latentSize, int epochs, int batchSize,
    double learningRate, double alphaPerN, long seed) {

  /** Test error after each epoch. */
  public record Result(int labels, double[] m2Error, double[] baselineError, double seconds) {

    public double m2Final() {
      return m2Error[m2Error.length - 1];
    }

    public double baselineFinal() {
      return baselineError[baselineError.length - 1];
    }

    /** The baseline's lowest test error over its epochs: early stopping on the test set. */
    public double baselineBest() {
      double best = 1;
      for (double e : baselineError) {
        best = Math.min(best, e);
      }
      return best;
    }
  }

  /**
   * Trains on {@code grey} (images in [0, 1], binarized dynamically) with the labels of
   * {@code labelledRows} only, reporting test error on {@code testX} (binary) after each epoch.
   */
  public Result run(DMatrixRMaj grey, int[] labels, int[] labelledRows, DMatrixRMaj testX,
      int[] testLabels, PrintStream log) {
    long start = System.nanoTime();
    int[] unlabelled = BalancedLabels.rest(grey.numRows, labelledRows);
    M2 m2 = M2.create(hiddenSize, latentSize, seed);
    Svi svi = new Svi(m2.model(), m2.guide(), new M2Objective(labelledRows.length,
        unlabelled.length, alphaPerN), adam(m2.model(), m2.guide()));
    Program labelModel = new LabelsOnly(M2.classifier(hiddenSize, seed));
    Program none = new Empty();
    Svi baseline = new Svi(labelModel, none, new Elbo(),
        adam(labelModel, none));

    UniformRandomProvider rng = Rngs.derive(seed, "M2 training");
    LabelledStream m2Labelled = new LabelledStream(grey, labels, labelledRows, batchSize,
        M2.CLASSES, Rngs.derive(seed, "labelled batches"));
    LabelledStream baseLabelled = new LabelledStream(grey, labels, labelledRows, batchSize,
        M2.CLASSES, Rngs.derive(seed, "labelled batches"));
    UniformRandomProvider baseRng = Rngs.derive(seed, "baseline training");
    double[] m2Error = new double[epochs];
    double[] baseError = new double[epochs];
    for (int epoch = 0; epoch < epochs; epoch++) {
      int[] perm = BalancedLabels.shuffled(unlabelled.length, rng);
      int[] order = new int[unlabelled.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = unlabelled[perm[i]];
      }
      double u = 0;
      double l = 0;
      int steps = 0;
      for (int from = 0; from + batchSize <= order.length; from += batchSize) {
        u += svi.step(Batch.of(BinaryRows.draw(grey, order, from, from + batchSize, rng)), rng);
        l += svi.step(m2Labelled.next(), rng);
        baseline.step(baseLabelled.next(), baseRng);
        steps++;
      }
      m2Error[epoch] = M2.testError(m2.guide().classifier(), testX, testLabels);
      baseError[epoch] = M2.testError(((LabelsOnly) labelModel).classifier, testX, testLabels);
      log.printf(Locale.ROOT, "%d labels, epoch %d: U %.2f, L %.2f; test error M2 %.2f%%,"
          + " labels-only %.2f%%; %.0f s%n", labelledRows.length, epoch + 1, u / steps,
          l / steps, 100 * m2Error[epoch], 100 * baseError[epoch],
          (System.nanoTime() - start) / 1e9);
    }
    return new Result(labelledRows.length, m2Error, baseError,
        (System.nanoTime() - start) / 1e9);
  }

  private Adam adam(Program model, Program guide) {
    return Adam.builder().learningRate(learningRate).build(Svi.parametersOf(model, guide));
  }

  /** The labels-only baseline as a program: y observed under the classifier, nothing latent. */
  static final class LabelsOnly extends Program {
    final Posterior classifier;

    LabelsOnly(Posterior classifier) {
      this.classifier = register("classifier", classifier);
    }

    @Override
    public void run(Sites sites, Batch batch) {
      sites.observe(M2Model.LABEL, classifier.given(batch.data()), batch.condition());
    }
  }

  /** A guide with no sites. */
  static final class Empty extends Program {
    @Override
    public void run(Sites sites, Batch batch) {}
  }
}
