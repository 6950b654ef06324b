package org.latentj.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * Inverted dropout (Srivastava et al. 2014): in training mode each entry is zeroed with
 * probability {@code rate} and the survivors are scaled by {@code 1 / (1 - rate)}, so the
 * expected output equals the input; in evaluation mode it is the identity.
 *
 * <p>The masks are reproducible and survive a checkpoint: the {@code t}-th training call draws
 * from the stream {@code Rngs.derive(seed, "dropout " + t)}, and {@code t} is the buffer
 * {@code calls}, which checkpoints keep (exact up to 2^24 calls in a float32 model).
 */
public final class Dropout extends Layer {

  private final double rate;
  private final long seed;
  private final Parameter calls;

  /**
   * @param rate the probability of dropping an entry, in [0, 1)
   * @param seed fixes every mask
   * @throws IllegalArgumentException for a rate outside [0, 1)
   */
  public Dropout(double rate, long seed) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("Dropout: rate must be in [0, 1), got " + rate);
    }
    this.rate = rate;
    this.seed = seed;
    this.calls = registerBuffer(new Parameter("calls", new DMatrixRMaj(1, 1)));
  }

  @Override
  public Tensor forward(Tensor x) {
    if (!isTraining() || rate == 0) {
      return x;
    }
    long t = callsSoFar();
    setCalls(t + 1);
    UniformRandomProvider rng = Rngs.derive(seed, "dropout " + t);
    DMatrixRMaj mask = new DMatrixRMaj(x.rows(), x.cols());
    double keep = 1 / (1 - rate);
    for (int i = 0; i < mask.data.length; i++) {
      mask.data[i] = rng.nextDouble() < rate ? 0 : keep;
    }
    return x.mul(Tensor.constant(mask, x.dtype()));
  }

  /** Row-wise in evaluation mode only: training draws random masks. */
  @Override
  public boolean rowWise() {
    return !isTraining();
  }

  public double rate() {
    return rate;
  }

  /** How many training-mode calls have drawn a mask. */
  public long callsSoFar() {
    return calls.dtype() == DType.FLOAT64 ? (long) calls.value().data[0]
        : (long) calls.valueF().data[0];
  }

  private void setCalls(long t) {
    if (calls.dtype() == DType.FLOAT64) {
      calls.value().data[0] = t;
    } else {
      calls.valueF().data[0] = t;
    }
  }

  @Override
  public String toString() {
    return "Dropout(" + rate + ")";
  }
}
