package org.latentj.examples.models;

import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.BernoulliHead;
import org.latentj.distributions.CategoricalHead;
import org.latentj.distributions.NormalHead;
import org.latentj.model.Likelihood;
import org.latentj.model.Posterior;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Mlp;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * M2 of Kingma, Rezende, Mohamed &amp; Welling (2014) for binary images: an {@link M2Model} and
 * its {@link M2Guide}, every network an MLP with one hidden layer of softplus units (the paper's
 * choice: 500 units, a 50-D z), weights from He et al.'s normal initializer, each network from
 * its own stream of the seed.
 *
 * @param hiddenSize units of each network's hidden layer
 * @param latentSize the size of z
 */
public record M2(M2Model model, M2Guide guide, int hiddenSize, int latentSize) {

  /** Pixels of one image. */
  public static final int INPUT_SIZE = 784;

  /** Digit classes. */
  public static final int CLASSES = 10;

  /** A freshly initialized model and guide. */
  public static M2 create(int hiddenSize, int latentSize, long seed) {
    NormalHead normal = NormalHead.meanAndLogVariance();
    Mlp encoder = new Mlp(new int[] {INPUT_SIZE + CLASSES, hiddenSize,
        normal.rawColumns(latentSize)}, Activation.SOFTPLUS, Initializer.heNormal(),
        Rngs.derive(seed, "encoder"));
    Mlp decoder = new Mlp(new int[] {latentSize + CLASSES, hiddenSize, INPUT_SIZE},
        Activation.SOFTPLUS, Initializer.heNormal(), Rngs.derive(seed, "decoder"));
    M2Model model = new M2Model(latentSize, new Likelihood(decoder, new BernoulliHead()), CLASSES);
    M2Guide guide = new M2Guide(classifier(hiddenSize, seed), new Posterior(encoder, normal),
        CLASSES);
    return new M2(model, guide, hiddenSize, latentSize);
  }

  /**
   * q(y | x), 784 - hidden - 10 with softplus: the same architecture and the same initial
   * weights for a given seed as the guide's, so a classifier trained on the labels alone is the
   * fair baseline.
   */
  public static Posterior classifier(int hiddenSize, long seed) {
    Mlp net = new Mlp(new int[] {INPUT_SIZE, hiddenSize, CLASSES}, Activation.SOFTPLUS,
        Initializer.heNormal(), Rngs.derive(seed, "classifier"));
    return new Posterior(net, CategoricalHead.oneHot());
  }

  /** The fraction of rows of {@code x} whose most probable class under {@code q} is not the label. */
  public static double testError(Posterior q, DMatrixRMaj x, int[] labels) {
    DMatrixRMaj logits;
    try (GradMode.Scope off = GradMode.disable()) {
      logits = q.network().forward(Tensor.constant(x)).value();
    }
    int wrong = 0;
    for (int i = 0; i < x.numRows; i++) {
      int best = 0;
      for (int c = 1; c < logits.numCols; c++) {
        if (logits.get(i, c) > logits.get(i, best)) {
          best = c;
        }
      }
      wrong += best == labels[i] ? 0 : 1;
    }
    return (double) wrong / x.numRows;
  }
}
