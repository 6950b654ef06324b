package org.latentj.inference.guice;

import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Posterior;
import org.latentj.tensor.DType;

/**
 * What a {@link PriorFactory} may build a prior from: the latent size and dtype every prior
 * needs, and for a prior defined through the guide (the VampPrior mixes the encoder's posteriors
 * at learned pseudo-inputs) the guide's posterior, the data width and the training rows that
 * start its pseudo-inputs.
 *
 * @param latentSize dimensions of z
 * @param dtype the model's number type
 * @param encoder the guide's q(z|x), the same instance the guide samples from
 * @param inputSize features per example, the encoder's input width
 * @param trainingRows rows to start data-shaped parameters at, or null when the prior is built
 *     to receive trained parameters from a checkpoint (they start at 0 then)
 */
public record PriorInputs(int latentSize, DType dtype, Posterior encoder, int inputSize,
    DMatrixRMaj trainingRows) {

  public PriorInputs {
    SettingsChecks.positive("latentSize", latentSize);
    SettingsChecks.positive("inputSize", inputSize);
    SettingsChecks.given("dtype", dtype);
    if (trainingRows != null && trainingRows.numCols != inputSize) {
      throw new IllegalArgumentException("PriorInputs: the training rows have "
          + trainingRows.numCols + " columns but the model reads " + inputSize);
    }
  }
}
