package org.latentj.examples.reproduction;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.Rngs;

/**
 * Trains the paper's VAE for one latent size on a data set and evaluates the train and test
 * bounds at the given counts of examples seen: one curve of Figure 2 (Kingma &amp; Welling 2013).
 *
 * <p>Each evaluation uses the same generator state ({@code seed}, stream "evaluation"), so the
 * points of a curve differ by training alone, not by evaluation noise.
 */
public final class AevbRun {

  /** The trained model, its curve and the wall-clock seconds of the whole run. */
  public record Result(AevbVae vae, List<AevbCurvePoint> curve, double wallSeconds) {
    public AevbCurvePoint last() {
      return curve.get(curve.size() - 1);
    }
  }

  private AevbRun() {}

  /**
   * Trains on {@code data.train()} until each count of {@code stops}, evaluating there on the
   * first {@code evalExamples} rows of the training and of the test set, and prints one progress
   * line per evaluation to {@code progress}.
   */
  public static Result train(AevbDataset dataset, ReproductionData data, int latentSize, long[] stops,
      int evalExamples, double stepSize, long seed, PrintStream progress) throws Exception {
    long start = System.nanoTime();
    DMatrixRMaj train = data.train();
    AevbVae vae = AevbVae.create(dataset, train.numCols, latentSize, train.numRows, stepSize,
        seed);
    DMatrixRMaj trainEval = data.trainSubset(evalExamples);
    DMatrixRMaj testEval = data.testSubset(evalExamples);
    AevbTraining training = new AevbTraining(vae, train,
        Rngs.derive(seed, "training-nz" + latentSize));
    List<AevbCurvePoint> curve = new ArrayList<>();
    training.run(stops, (seen, seconds) -> {
      double trainBound = vae.meanBound(trainEval, Rngs.derive(seed, "evaluation"));
      double testBound = vae.meanBound(testEval, Rngs.derive(seed, "evaluation"));
      curve.add(new AevbCurvePoint(latentSize, seen, trainBound, testBound, seconds));
      progress.printf(Locale.ROOT,
          "[%7.1f s] %s Nz=%d: %d examples, train %.2f, test %.2f nats (%.1f s training)%n",
          (System.nanoTime() - start) / 1e9, dataset, latentSize, seen, trainBound, testBound,
          seconds);
    });
    return new Result(vae, List.copyOf(curve), (System.nanoTime() - start) / 1e9);
  }
}
