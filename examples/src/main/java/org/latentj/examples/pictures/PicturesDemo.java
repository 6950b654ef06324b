package org.latentj.examples.pictures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.Rngs;

/**
 * Writes one picture of each kind from a toy "decoder" whose output can be checked by eye: code
 * z = (z1, z2) becomes a 28 x 28 Gaussian blob centred {@value #PIXELS_PER_UNIT} pixels right of
 * the centre per unit of z1 and the same up per unit of z2. So in {@code manifold.png} the blob
 * moves right along each row and up towards the top row, and in {@code reconstructions.png} each
 * lower tile is a slightly shifted copy of the one above it.
 *
 * <p>Usage: {@code PicturesDemo [folder]}, by default {@code pictures-demo} in the temporary
 * folder.
 */
public final class PicturesDemo {

  static final int SIDE = 28;
  static final double PIXELS_PER_UNIT = 4;
  private static final double BLOB_SD = 2.5;

  private PicturesDemo() {}

  public static void main(String[] args) throws IOException {
    Path folder = args.length > 0
        ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir"), "pictures-demo");
    for (Path p : writeAll(folder, 20240501L)) {
      System.out.println("wrote " + p);
    }
  }

  /** Writes the four demo pictures into {@code folder} and returns their paths. */
  static List<Path> writeAll(Path folder, long seed) throws IOException {
    UniformRandomProvider rng = Rngs.create(seed);
    ImageGrid grid = ImageGrid.of(SIDE, SIDE, 10).withScale(2);

    Path samples = folder.resolve("samples.png");
    grid.write(decode(Rngs.standardNormal(rng, 30, 2)), samples);

    Path manifold = folder.resolve("manifold.png");
    int n = 9;
    ImageGrid.of(SIDE, SIDE, n).withScale(2).withPadding(1)
        .write(decode(LatentGrid.manifold(n)), manifold);

    Path reconstructions = folder.resolve("reconstructions.png");
    DMatrixRMaj codes = Rngs.standardNormal(rng, 14, 2);
    DMatrixRMaj noisy = Rngs.standardNormal(rng, 14, 2);
    for (int i = 0; i < noisy.data.length; i++) {
      noisy.data[i] = codes.data[i] + 0.15 * noisy.data[i];
    }
    ReconstructionGrid.using(ImageGrid.of(SIDE, SIDE, 8).withScale(2).withPaddingGrey(1))
        .write(decode(codes), decode(noisy), reconstructions);

    Path interpolation = folder.resolve("interpolation.png");
    DMatrixRMaj z0 = new DMatrixRMaj(new double[][] {{-1.5, -1.0}});
    DMatrixRMaj z1 = new DMatrixRMaj(new double[][] {{1.0, 1.5}});
    int steps = 8;
    DMatrixRMaj both = new DMatrixRMaj(2 * steps, 2);
    DMatrixRMaj line = LatentGrid.interpolation(z0, z1, steps);
    DMatrixRMaj arc = LatentGrid.interpolation(z0, z1, steps, LatentGrid.Interpolation.SPHERICAL);
    System.arraycopy(line.data, 0, both.data, 0, 2 * steps);
    System.arraycopy(arc.data, 0, both.data, 2 * steps, 2 * steps);
    ImageGrid.of(SIDE, SIDE, steps).withScale(2).write(decode(both), interpolation);

    Path curve = folder.resolve("training-curve.png");
    trainingCurve().write(curve, 800, 500);
    return List.of(samples, manifold, reconstructions, interpolation, curve);
  }

  /** A made-up run: the bound rises from about -200 towards -95 nats; validation has a NaN. */
  static TrainingCurve trainingCurve() {
    int points = 40;
    double[] seen = new double[points];
    double[] train = new double[points];
    double[] validation = new double[points];
    for (int i = 0; i < points; i++) {
      seen[i] = Math.pow(10, 3 + 5.0 * i / (points - 1));
      double progress = 1 - Math.exp(-seen[i] / 2e6);
      train[i] = -200 + 105 * Math.sqrt(progress);
      validation[i] = train[i] - 3 * progress;
    }
    validation[points / 2] = Double.NaN;
    return TrainingCurve.titled("AEVB on toy data, latent dimension 2").withLogX(true)
        .withSeries("train", seen, train)
        .withSeries("validation", seen, validation)
        .withSeries("test (final)", new double[] {seen[points - 1]},
            new double[] {validation[points - 1] - 1});
  }

  /** The toy decoder: row i of {@code z} (n x 2) becomes row i of the result (n x 784). */
  static DMatrixRMaj decode(DMatrixRMaj z) {
    DMatrixRMaj images = new DMatrixRMaj(z.numRows, SIDE * SIDE);
    double[] out = images.data;
    double centre = (SIDE - 1) / 2.0;
    for (int i = 0, at = 0; i < z.numRows; i++) {
      double cx = centre + PIXELS_PER_UNIT * z.get(i, 0);
      double cy = centre - PIXELS_PER_UNIT * z.get(i, 1);
      for (int r = 0; r < SIDE; r++) {
        for (int c = 0; c < SIDE; c++) {
          double d2 = (c - cx) * (c - cx) + (r - cy) * (r - cy);
          out[at++] = Math.exp(-d2 / (2 * BLOB_SD * BLOB_SD));
        }
      }
    }
    return images;
  }
}
