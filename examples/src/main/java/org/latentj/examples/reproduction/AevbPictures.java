package org.latentj.examples.reproduction;

import java.io.IOException;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.latentj.examples.pictures.ImageGrid;
import org.latentj.examples.pictures.LatentGrid;
import org.latentj.tensor.Rngs;

/**
 * The paper's pictures of a trained {@link AevbVae} on 28 x 28 images, decoder means drawn as grey
 * levels: Figure 5 (random samples from the prior through the decoder) and Figure 4 (the learned
 * 2-D manifold). Gaussian decoder means can leave [0, 1] and are clamped for drawing.
 */
public final class AevbPictures {

  /** Image side of MNIST and Fashion-MNIST. */
  public static final int SIDE = 28;

  private AevbPictures() {}

  /** Figure 5: decoder means of {@code n} draws z ~ N(0, I), {@code columns} per row. */
  public static void samples(AevbVae vae, int n, int columns, long seed, Path png)
      throws IOException {
    DMatrixRMaj means = vae.priorSamples(n, Rngs.derive(seed, "prior-samples"));
    ImageGrid.of(SIDE, SIDE, columns).withClamp(true).withScale(2).write(means, png);
  }

  /**
   * Figure 4: decoder means at the {@code n x n} points {@code Phi^-1} of an evenly spaced grid
   * of the unit square ({@link LatentGrid#manifold}); the model must have two latents.
   */
  public static void manifold(AevbVae vae, int n, Path png) throws IOException {
    if (vae.settings().latentSize() != 2) {
      throw new IllegalArgumentException("AevbPictures.manifold: needs 2 latents, the model has "
          + vae.settings().latentSize());
    }
    DMatrixRMaj means = vae.decoderMean(LatentGrid.manifold(n));
    ImageGrid.of(SIDE, SIDE, n).withClamp(true).withPadding(0).write(means, png);
  }
}
