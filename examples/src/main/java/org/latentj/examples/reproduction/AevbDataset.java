package org.latentj.examples.reproduction;

import java.io.IOException;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.latentj.examples.data.FashionMnist;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.Transforms;
import org.latentj.inference.guice.LikelihoodsModule;
import org.latentj.tensor.Rngs;

/**
 * The data sets of the AEVB reproduction, each with the likelihood and hidden width the paper
 * pairs with its kind of data (Kingma &amp; Welling 2013, section 5).
 *
 * <ul>
 *   <li>{@link #DIGITS}: the embedded 8,000/2,000 MNIST digits, Bernoulli likelihood, 500 hidden
 *       units.
 *   <li>{@link #FASHION}: Fashion-MNIST 60,000/10,000, Bernoulli likelihood, 500 hidden units.
 *   <li>{@link #FASHION_GAUSSIAN}: Fashion-MNIST grey levels with a Gaussian likelihood (decoder
 *       outputs a mean and a log-variance per pixel), 200 hidden units: the stand-in for the
 *       paper's Frey Face experiment.
 *   <li>{@link #FASHION_GAUSSIAN_SIGMOID}: the same grey levels with the paper's Frey Face decoder
 *       (section 5): means squashed into (0, 1) by a sigmoid, a log-variance output per pixel.
 * </ul>
 *
 * <p>Binary data are binarized once, at threshold 0.5 ({@code x = 1[grey / 255 > 0.5]}), the same
 * for training and test sets. A fixed binarization keeps the training set a fixed set of points,
 * so the train bound and the train - test gap of Figure 2 measure fit and overfitting of that
 * set; dynamic binarization (a fresh draw per epoch) would act as a regulariser and blur exactly
 * the overfitting the figure is about.
 *
 * <p>Grey levels for the Gaussian likelihood are dequantized once with a fixed seed:
 * {@code x = (k + u) / 256} for the 8-bit level {@code k} and {@code u ~ U(0, 1)}, which keeps them
 * in (0, 1). Without it the many background pixels that are exactly 0 in every image let the
 * decoder shrink their variance without limit, and the bound grows without limit; a continuous
 * density on dequantized data is bounded by the discrete model's likelihood (Theis, van den Oord
 * &amp; Bethge, "A note on the evaluation of generative models", 2016).
 */
public enum AevbDataset {
  DIGITS("digits", LikelihoodsModule.BERNOULLI, 500),
  FASHION("fashion", LikelihoodsModule.BERNOULLI, 500),
  FASHION_GAUSSIAN("fashion-gaussian", LikelihoodsModule.GAUSSIAN, 200),
  FASHION_GAUSSIAN_SIGMOID("fashion-gaussian-sigmoid", LikelihoodsModule.GAUSSIAN_SIGMOID_MEAN,
      200);

  /** Seed of the one dequantization draw of the grey-level (Gaussian) data sets. */
  static final long DEQUANTIZATION_SEED = 20131220;

  private final String cliName;
  private final String likelihood;
  private final int hiddenUnits;

  AevbDataset(String cliName, String likelihood, int hiddenUnits) {
    this.cliName = cliName;
    this.likelihood = likelihood;
    this.hiddenUnits = hiddenUnits;
  }

  /** The name on the command line and in file names. */
  public String cliName() {
    return cliName;
  }

  /** True for the grey-level data sets, whose likelihood is a Gaussian density. */
  public boolean greyLevels() {
    return this == FASHION_GAUSSIAN || this == FASHION_GAUSSIAN_SIGMOID;
  }

  public String likelihood() {
    return likelihood;
  }

  /** Hidden units of the one hidden layer of encoder and of decoder. */
  public int hiddenUnits() {
    return hiddenUnits;
  }

  /** The data set named {@code name} on the command line. */
  public static AevbDataset named(String name) {
    for (AevbDataset d : values()) {
      if (d.cliName.equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown data set '" + name
        + "'; expected digits, fashion, fashion-gaussian or fashion-gaussian-sigmoid");
  }

  /**
   * Training and test matrices, prepared as described above. Fashion-MNIST is found by
   * {@link FashionMnist#locate(Path)} with {@code fashionFolder} (null: the usual search).
   */
  public ReproductionData load(Path fashionFolder) throws IOException {
    if (this == DIGITS) {
      ReproductionData.Images digits = ReproductionData.images("digits", null);
      return new ReproductionData(binary(digits.train()), binary(digits.test()),
          "embedded MNIST digits (8,000 train / 2,000 test), binarized at 0.5");
    }
    ReproductionData.Images fashion = ReproductionData.images("fashion", fashionFolder);
    if (this == FASHION) {
      return new ReproductionData(binary(fashion.train()), binary(fashion.test()),
          "Fashion-MNIST (60,000 train / 10,000 test), binarized at 0.5");
    }
    return new ReproductionData(dequantized(fashion.train(), "train"),
        dequantized(fashion.test(), "test"),
        "Fashion-MNIST (60,000 train / 10,000 test), grey levels (k + u) / 256");
  }

  static DMatrixRMaj binary(Dataset raw) {
    return Transforms.binarize(Transforms.scaleToUnit(raw), 0.5).features();
  }

  /** {@code (k + u) / 256}, u ~ U(0, 1) from a generator fixed by the seed and the part. */
  static DMatrixRMaj dequantized(Dataset raw, String part) {
    DMatrixRMaj k = raw.features();
    DMatrixRMaj out = new DMatrixRMaj(k.numRows, k.numCols);
    Rngs.fillUniformOpen(Rngs.derive(DEQUANTIZATION_SEED, part), out);
    double[] o = out.data;
    double[] in = k.data;
    int n = k.getNumElements();
    for (int i = 0; i < n; i++) {
      o[i] = (in[i] + o[i]) / 256.0;
    }
    return out;
  }

  @Override
  public String toString() {
    return cliName;
  }
}
