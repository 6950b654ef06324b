/**
 * Pictures of what a trained model learned, as in the figures of Kingma and Welling, "Auto-Encoding
 * Variational Bayes" (2013): grids of images ({@link org.latentj.examples.pictures.ImageGrid}),
 * originals above their reconstructions ({@link org.latentj.examples.pictures.ReconstructionGrid}),
 * the latent points of the 2-D manifold of Figure 4 and interpolation paths
 * ({@link org.latentj.examples.pictures.LatentGrid}), and the lower bound against training examples
 * seen of Figure 2 ({@link org.latentj.examples.pictures.TrainingCurve}).
 *
 * <p>Everything is drawn into off-screen {@link java.awt.image.BufferedImage}s and written as PNG,
 * so no display is needed; unless the application has chosen otherwise, the first use sets
 * {@code java.awt.headless=true}. Every file is written atomically: to a temporary file in the
 * target's folder, then moved over the target, so a reader never sees half a picture.
 */
package org.latentj.examples.pictures;
