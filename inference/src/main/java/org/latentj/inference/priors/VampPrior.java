package org.latentj.inference.priors;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.MixtureOfDiagonalNormals;
import org.latentj.distributions.Normal;
import org.latentj.model.Distribution;
import org.latentj.model.Posterior;
import org.latentj.model.Prior;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;
import org.latentj.tensor.Tensor;

/**
 * The VampPrior of Tomczak &amp; Welling (2018): the mixture of the encoder's posteriors at K
 * learned pseudo-inputs {@code u_k},
 *
 * <pre>  p(z) = (1/K) sum_k q(z | u_k)</pre>
 *
 * The pseudo-inputs ({@code K x D}, parameter {@code pseudoInputs}) are this prior's only
 * parameters; the encoder belongs to the guide and is not registered here (the optimizer would
 * otherwise update it twice), but its gradients from the prior reach it through the graph, as in
 * the paper. The encoder's head must give a diagonal {@link Normal}.
 */
public final class VampPrior extends Prior {

  private final Posterior encoder;
  private final Parameter pseudoInputs;
  private final int latentSize;

  /**
   * @param encoder the guide's q(z|x), whose head gives a {@link Normal}
   * @param pseudoInputs the K initial pseudo-inputs, {@code K x dataWidth} (copied)
   * @param dataWidth D, the encoder's input width
   * @param latentSize d
   */
  public VampPrior(Posterior encoder, DMatrixRMaj pseudoInputs, int dataWidth, int latentSize) {
    if (encoder == null || pseudoInputs == null) {
      throw new IllegalArgumentException("VampPrior: encoder and pseudoInputs must not be null");
    }
    if (pseudoInputs.numRows < 1) {
      throw new IllegalArgumentException("VampPrior: needs at least one pseudo-input, got 0");
    }
    if (pseudoInputs.numCols != dataWidth) {
      throw new IllegalArgumentException("VampPrior: the " + pseudoInputs.numRows
          + " pseudo-inputs are " + pseudoInputs.numCols + " wide but the encoder reads "
          + dataWidth + " columns (one pseudo-input is one data row)");
    }
    if (latentSize < 1) {
      throw new IllegalArgumentException("VampPrior: latentSize must be positive, got "
          + latentSize);
    }
    this.encoder = encoder;
    this.pseudoInputs = register(new Parameter("pseudoInputs", pseudoInputs.copy()));
    this.latentSize = latentSize;
  }

  /**
   * K pseudo-inputs initialised at randomly chosen rows of {@code data} (Tomczak &amp; Welling's
   * initialisation from training data).
   */
  public static VampPrior fromData(Posterior encoder, DMatrixRMaj data, int components,
      int latentSize, UniformRandomProvider rng) {
    if (components < 1) {
      throw new IllegalArgumentException("VampPrior: a mixture needs at least one component, got "
          + components);
    }
    DMatrixRMaj u = new DMatrixRMaj(components, data.numCols);
    for (int k = 0; k < components; k++) {
      int row = rng.nextInt(data.numRows);
      System.arraycopy(data.data, row * data.numCols, u.data, k * data.numCols, data.numCols);
    }
    return new VampPrior(encoder, u, data.numCols, latentSize);
  }

  @Override
  public Distribution distribution(int batchSize) {
    Distribution q = encoder.given(pseudoInputs.tensor());
    if (!(q instanceof Normal normal)) {
      throw new IllegalStateException("VampPrior: the encoder gives " + q
          + ", but a VampPrior mixes diagonal Normal posteriors");
    }
    if (normal.eventSize() != latentSize) {
      throw new IllegalStateException("VampPrior: the encoder gives " + normal.eventSize()
          + " latent columns, expected " + latentSize);
    }
    int k = pseudoInputs.rows();
    DType dtype = normal.logVariance().dtype();
    Tensor logVariance = normal.logVariance().add(Tensor.zeros(k, latentSize, dtype));
    return MixtureOfDiagonalNormals.of(Tensor.zeros(1, k, dtype), normal.mean(), logVariance,
        batchSize);
  }

  @Override
  public int latentSize() {
    return latentSize;
  }

  /** K. */
  public int components() {
    return pseudoInputs.rows();
  }

  @Override
  public String toString() {
    return "VampPrior(" + components() + " pseudo-inputs, " + latentSize + ")";
  }
}
