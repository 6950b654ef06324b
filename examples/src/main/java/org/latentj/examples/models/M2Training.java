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
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Rngs;

/**
 * Trains M2 (Kingma et al. 2014) on one labelled subset and, beside it, the labels-only
 * baseline: a classifier of q(y|x)'s architecture and initial weights, trained with the same
 * optimizer on the same labelled minibatches for as many steps as M2 takes labelled steps. An
 * M2 epoch is one pass over the unlabelled rows, each unlabelled minibatch followed by
 * {@code labelledSteps} labelled ones ({@link M2Objective} weighs each by its kind's share of the
 * data, so more than one labelled step per unlabelled one weighs the labelled digits that many
 * times more than the paper's J^alpha).
 *
 * <p>After each epoch both classifiers are scored on a validation split (held-out training
 * digits, binarized once) and on the test set; the reported model of each is the one of its
 * epoch with the lowest validation error (early stopping that never looks at the test set).
 *
 * @param hiddenSize units of each network's hidden layer
 * @param latentSize size of z
 * @param epochs passes over the unlabelled rows
 * @param batchSize examples per minibatch (the labelled ones: at most the labelled count)
 * @param learningRate Adam's rate, for M2 and the baseline
 * @param alphaPerN the classification weight alpha / N (0.1 in the paper)
 * @param labelledSteps labelled minibatches after each unlabelled one (1 in the paper)
 * @param seed initial weights and every draw
 */
public record M2Training(int hiddenSize, int latentSize, int epochs, int batchSize,
    double learningRate, double alphaPerN, int labelledSteps, long seed) {

  public M2Training {
    if (hiddenSize < 1 || latentSize < 1 || epochs < 1 || batchSize < 1 || labelledSteps < 1
        || !(learningRate > 0)) {
      throw new IllegalArgumentException("M2Training: hidden size, latent size, epochs, batch"
          + " size and labelled steps must be at least 1 and the learning rate positive, got "
          + hiddenSize + ", " + latentSize + ", " + epochs + ", " + batchSize + ", "
          + labelledSteps + ", " + learningRate);
    }
  }

  /** Held-out labelled digits (binary) for early stopping, and the test digits (binary). */
  public record Evaluation(DMatrixRMaj validationX, int[] validationLabels, DMatrixRMaj testX,
      int[] testLabels) {}

  /**
   * Per epoch: the error of q(y|x) (M2) and of the baseline on the validation and the test
   * digits, q's mutual information I(x; y) on the validation digits (nats) and the validation
   * error of M2's generative classifier (argmax_y L(x, y)), and the mean log q(y|x) of the
   * labelled training digits (near 0 once they are memorized, when the alpha term stops pulling).
   */
  public record Result(int labels, long seed, double[] m2Validation, double[] m2Test,
      double[] baselineValidation, double[] baselineTest, double[] mutualInformation,
      double[] generativeValidation, double[] labelledLogQ, double seconds) {

    /** The epoch (0-based) of M2's lowest validation error, the first if tied. */
    public int m2Epoch() {
      return argMin(m2Validation);
    }

    /** The epoch (0-based) of the baseline's lowest validation error, the first if tied. */
    public int baselineEpoch() {
      return argMin(baselineValidation);
    }

    /** M2's test error at its early-stopping epoch. */
    public double m2Selected() {
      return m2Test[m2Epoch()];
    }

    /** The baseline's test error at its early-stopping epoch. */
    public double baselineSelected() {
      return baselineTest[baselineEpoch()];
    }

    public double m2Final() {
      return m2Test[m2Test.length - 1];
    }

    public double baselineFinal() {
      return baselineTest[baselineTest.length - 1];
    }

    private static int argMin(double[] a) {
      int best = 0;
      for (int i = 1; i < a.length; i++) {
        if (a[i] < a[best]) {
          best = i;
        }
      }
      return best;
    }
  }

  /**
   * Trains on {@code grey} (images in [0, 1], binarized dynamically) with the labels of
   * {@code labelledRows} only, scoring both classifiers on {@code eval} after each epoch.
   */
  public Result run(DMatrixRMaj grey, int[] labels, int[] labelledRows, Evaluation eval,
      PrintStream log) {
    long start = System.nanoTime();
    int[] unlabelled = BalancedLabels.rest(grey.numRows, labelledRows);
    M2 m2 = M2.create(hiddenSize, latentSize, seed);
    Svi svi = new Svi(m2.model(), m2.guide(), new M2Objective(labelledRows.length,
        unlabelled.length, alphaPerN), adam(m2.model(), m2.guide()));
    LabelsOnly labelModel = new LabelsOnly(M2.classifier(hiddenSize, seed));
    Program none = new Empty();
    Svi baseline = new Svi(labelModel, none, new Elbo(), adam(labelModel, none));

    UniformRandomProvider rng = Rngs.derive(seed, "M2 training");
    UniformRandomProvider diagnosticRng = Rngs.derive(seed, "M2 diagnostics");
    LabelledStream m2Labelled = new LabelledStream(grey, labels, labelledRows, batchSize,
        M2.CLASSES, Rngs.derive(seed, "labelled batches"));
    LabelledStream baseLabelled = new LabelledStream(grey, labels, labelledRows, batchSize,
        M2.CLASSES, Rngs.derive(seed, "labelled batches"));
    UniformRandomProvider baseRng = Rngs.derive(seed, "baseline training");
    double[] m2Val = new double[epochs];
    double[] m2Test = new double[epochs];
    double[] baseVal = new double[epochs];
    double[] baseTest = new double[epochs];
    double[] info = new double[epochs];
    double[] generative = new double[epochs];
    double[] fit = new double[epochs];
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
        for (int k = 0; k < labelledSteps; k++) {
          l += svi.step(m2Labelled.next(), rng) / labelledSteps;
          baseline.step(baseLabelled.next(), baseRng);
        }
        steps++;
      }
      Posterior q = m2.guide().classifier();
      m2Val[epoch] = M2.testError(q, eval.validationX(), eval.validationLabels());
      m2Test[epoch] = M2.testError(q, eval.testX(), eval.testLabels());
      baseVal[epoch] = M2.testError(labelModel.classifier, eval.validationX(),
          eval.validationLabels());
      baseTest[epoch] = M2.testError(labelModel.classifier, eval.testX(), eval.testLabels());
      info[epoch] = M2Diagnostics.mutualInformation(q, eval.validationX());
      generative[epoch] = M2Diagnostics.generativeError(m2, eval.validationX(),
          eval.validationLabels(), diagnosticRng);
      try (GradMode.Scope off = GradMode.disable()) {
        fit[epoch] = q.given(BinaryRows.draw(grey, labelledRows, 0, labelledRows.length,
            diagnosticRng)).logProb(BinaryRows.oneHot(labels, labelledRows, 0,
            labelledRows.length, M2.CLASSES)).mean().item();
      }
      log.printf(Locale.ROOT, "%d labels, seed %d, epoch %d: U %.2f, L %.2f, labelled log q"
          + " %.4f; validation error M2 %.2f%%, labels-only %.2f%%, generative %.2f%%; I(x;y)"
          + " %.3f nats; test error M2 %.2f%%, labels-only %.2f%%; %.0f s%n",
          labelledRows.length, seed, epoch + 1, u / steps, l / steps, fit[epoch],
          100 * m2Val[epoch], 100 * baseVal[epoch], 100 * generative[epoch], info[epoch],
          100 * m2Test[epoch], 100 * baseTest[epoch],
          (System.nanoTime() - start) / 1e9);
    }
    return new Result(labelledRows.length, seed, m2Val, m2Test, baseVal, baseTest, info,
        generative, fit, (System.nanoTime() - start) / 1e9);
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
