package org.latentj.examples.models;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.BernoulliHead;
import org.latentj.distributions.NormalHead;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.priors.StandardNormalPrior;
import org.latentj.inference.training.EpochSummary;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.inference.training.TrainingListener;
import org.latentj.inference.training.TrainingState;
import org.latentj.inference.vae.VaeGuide;
import org.latentj.inference.vae.VaeModel;
import org.latentj.model.Likelihood;
import org.latentj.model.Posterior;
import org.latentj.model.Program;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Mlp;
import org.latentj.tensor.Rngs;

/**
 * Full variational Bayes over a VAE decoder's weights (Kingma &amp; Welling 2013, Appendix F)
 * against the same VAE with point-estimated weights: encoder 784 - h - 2z and decoder z - h -
 * 784, tanh, one-sample ELBO, Adam, on a fixed binarization of the data. The Bayesian run is a
 * {@link BayesianDecoder} with a {@link BayesianDecoderGuide}; the point estimate the usual
 * {@link VaeModel} whose decoder is an MLP of the same sizes.
 *
 * @param latentSize z
 * @param hiddenSize h
 * @param epochs passes over the training set
 * @param evalEvery epochs between evaluations (the last epoch is always evaluated)
 * @param batchSize M, examples per minibatch
 * @param learningRate Adam's rate
 * @param initScale the weights' initial posterior standard deviation
 * @param seed initial weights and every draw
 */
public record FullVbTraining(int latentSize, int hiddenSize, int epochs, int evalEvery,
    int batchSize, double learningRate, double initScale, long seed) {

  /** The bounds after some epochs, nats per example. */
  public record Point(int epoch, double trainBound, double testBound, double seconds) {}

  /** One model's evaluations. */
  public record Curve(String name, List<Point> points) {
    public Point last() {
      return points.get(points.size() - 1);
    }
  }

  /** The Bayesian-decoder VAE for a data set of {@code n} examples. */
  public Program[] bayesian(int n) {
    BayesianDecoder model = new BayesianDecoder(latentSize, hiddenSize, M2.INPUT_SIZE, n);
    BayesianDecoderGuide guide = new BayesianDecoderGuide(
        BayesianDecoder.weightShapes(latentSize, hiddenSize, M2.INPUT_SIZE), encoder(), n,
        initScale, Rngs.derive(seed, "decoder"));
    return new Program[] {model, guide};
  }

  /** The same VAE with point-estimated decoder weights. */
  public Program[] pointEstimate() {
    Mlp decoder = new Mlp(new int[] {latentSize, hiddenSize, M2.INPUT_SIZE}, Activation.TANH,
        Initializer.heNormal(), Rngs.derive(seed, "decoder"));
    return new Program[] {new VaeModel(new StandardNormalPrior(latentSize),
        new Likelihood(decoder, new BernoulliHead())), new VaeGuide(encoder())};
  }

  private Posterior encoder() {
    NormalHead head = NormalHead.meanAndLogVariance();
    Mlp net = new Mlp(new int[] {M2.INPUT_SIZE, hiddenSize, head.rawColumns(latentSize)},
        Activation.TANH, Initializer.heNormal(), Rngs.derive(seed, "encoder"));
    return new Posterior(net, head);
  }

  /**
   * Trains {@code programs} (model, guide) on {@code train} and evaluates the training bound
   * (with the weights' global share, {@link BoundParts}) and the test bound.
   */
  public Curve run(String name, Program[] programs, DMatrixRMaj train, DMatrixRMaj test,
      PrintStream log) {
    long start = System.nanoTime();
    Program model = programs[0];
    Program guide = programs[1];
    Svi svi = new Svi(model, guide, new Elbo(), Adam.builder().learningRate(learningRate)
        .build(Svi.parametersOf(model, guide)));
    List<Point> points = new ArrayList<>();
    TrainingListener evaluate = new TrainingListener() {
      @Override
      public void onEpochEnd(TrainingState state, EpochSummary summary) {
        int epoch = summary.epoch();
        if (epoch % evalEvery != 0 && epoch != epochs) {
          return;
        }
        BoundParts tr = BoundParts.of(model, guide, train, 500, Rngs.derive(seed, "eval train"));
        BoundParts te = BoundParts.of(model, guide, test, 500, Rngs.derive(seed, "eval test"));
        Point p = new Point(epoch, tr.perExampleWithGlobalShare(train.numRows), te.perExample(),
            (System.nanoTime() - start) / 1e9);
        points.add(p);
        log.printf(Locale.ROOT, "%s, epoch %d: train bound %.2f (weights' share %.3f),"
            + " test %.2f; %.0f s%n", name, epoch, p.trainBound(), tr.global() / train.numRows,
            p.testBound(), p.seconds());
      }
    };
    new Trainer(svi, MinibatchData.of(train, batchSize)).addListener(evaluate)
        .fit(epochs, Rngs.derive(seed, "training " + name));
    return new Curve(name, points);
  }
}
