package org.latentj.examples.reproduction;

import java.io.PrintStream;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.KlRegistry;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.inference.training.LearningRateListener;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Trainer;
import org.latentj.inference.vae.VaeModel;
import org.latentj.tensor.Rngs;

/**
 * Trains one configuration with one seed on dynamically binarized data and scores it on the
 * test images: the importance-sampled log p(x) (Burda et al. 2015, section 5, k = 5000 there),
 * the one-sample ELBO, and the active units (threshold 0.01, section 5.2).
 *
 * @param data the training images (grey, binarized per epoch) and the test images (binary)
 * @param budget the schedule, minibatch size and evaluation effort
 * @param log where progress lines go
 */
record IwaeRun(ReproductionData data, IwaeBudget budget, PrintStream log) {

  /** The threshold on {@code Var_x E_q[z_u | x]} of an active unit (Burda et al. 2015). */
  static final double ACTIVE_THRESHOLD = 0.01;
  /** Rows per forward pass while importance sampling: bounds memory whatever k is. */
  static final int ROWS_PER_PASS = 5000;

  IwaeResult run(IwaeConfig config, long seed) {
    IwaeNetwork net = IwaeNetwork.build(config, data.pixelMeans(), seed);
    String name = config.name() + " seed " + seed;
    log.println("[" + name + "] " + budget.schedule() + "; output bias " + net.outputBiasName()
        + " set to the logits of the pixel means; Adam eps " + IwaeNetwork.ADAM_EPS);
    IwaeSchedule schedule = budget.schedule();
    long start = System.nanoTime();
    new Trainer(net.svi(), MinibatchData.of(data.train(), budget.batch()).dynamicallyBinarized())
        .addListener(new LearningRateListener(schedule))
        .addListener(new IwaeProgress(log, name, schedule))
        .fit(schedule.epochs(), Rngs.derive(seed, "train"));
    double trainSeconds = (System.nanoTime() - start) / 1e9;

    start = System.nanoTime();
    DMatrixRMaj test = data.testSubset(budget.evalImages());
    Evaluator evaluator = new Evaluator(net.model(), net.guide());
    int chunk = Math.min(budget.evalK(), 500);
    double[] logPx = evaluator.logLikelihood(test, budget.evalK(), chunk,
        Math.max(1, ROWS_PER_PASS / chunk), Rngs.derive(seed, "log p(x)"));
    double elbo = evaluator.meanBound(new AnalyticKlElbo(KlRegistry.standard(), 1), test, 500,
        Rngs.derive(seed, "elbo"));
    int active = evaluator.activeUnits(test, 500, ACTIVE_THRESHOLD,
        Rngs.derive(seed, "active units")).get(VaeModel.LATENT);
    double evalSeconds = (System.nanoTime() - start) / 1e9;
    return new IwaeResult(config.name(), seed, schedule.epochs(), trainSeconds, evalSeconds,
        elbo, Arrays.stream(logPx).average().orElseThrow(), budget.evalK(), test.numRows,
        active);
  }
}
