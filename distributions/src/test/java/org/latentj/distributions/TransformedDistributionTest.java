package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

/**
 * The push-forward of a Normal through {@code y = a x + c} (elementwise) is the Normal with mean
 * {@code a mu + c} and scale {@code |a| sigma}: a closed form to check every path against.
 */
class TransformedDistributionTest {

  /** {@code y = a .* x + c}, optionally without its inverse. */
  private record Affine(Tensor a, Tensor c, boolean invertible) implements Bijection {
    @Override
    public int size() {
      return a.cols();
    }

    @Override
    public Mapped forward(Tensor x) {
      return new Mapped(x.mul(a).add(c), a.abs().log().rowSums().add(Tensor.zeros(x.rows(), 1)));
    }

    @Override
    public boolean hasInverse() {
      return invertible;
    }

    @Override
    public Mapped inverse(Tensor y) {
      return new Mapped(y.sub(c).div(a),
          a.abs().log().rowSums().neg().add(Tensor.zeros(y.rows(), 1)));
    }

    @Override
    public String toString() {
      return "Affine";
    }
  }

  private static final Tensor MU = Tensor.of(new double[][] {{0.3, -1.0}, {2.0, 0.5}});
  private static final Tensor LOG_VAR = Tensor.of(new double[][] {{0.1, -0.4}, {0.7, 0.0}});
  private static final Tensor A = Tensor.row(1.5, -0.7);
  private static final Tensor C = Tensor.row(0.2, 1.0);

  private static Normal pushedForwardClosedForm() {
    return Normal.ofScale(MU.mul(A).add(C), LOG_VAR.mul(0.5).exp().mul(A.abs()));
  }

  @Test
  void ownDrawsAndOtherValuesScoreAsTheClosedForm() {
    TransformedDistribution t = TransformedDistribution.of(Normal.ofLogVariance(MU, LOG_VAR),
        new Affine(A, C, true));
    UniformRandomProvider rng = Rngs.create(3);
    Tensor y = t.rsample(rng);
    Tensor expected = pushedForwardClosedForm().logProb(y);
    Tensor fromCache = t.logProb(y);
    Tensor viaInverse = t.logProb(Tensor.constant(y.value().copy()));
    for (int i = 0; i < 2; i++) {
      assertThat(fromCache.get(i, 0)).isCloseTo(expected.get(i, 0), within(1e-12));
      assertThat(viaInverse.get(i, 0)).isCloseTo(expected.get(i, 0), within(1e-12));
    }
    Tensor drawn = t.sample(rng);
    assertThat(drawn.requiresGrad()).isFalse();
    assertThat(t.logProb(drawn).get(1, 0))
        .isCloseTo(pushedForwardClosedForm().logProb(drawn).get(1, 0), within(1e-12));
  }

  @Test
  void logProbOfItsOwnDrawIsDifferentiableInTheParameters() {
    GradientCheck.standard().check("log q(T(x)) of its own draw", in -> {
      TransformedDistribution t = TransformedDistribution.of(Normal.ofLogVariance(in[0], in[1]),
          new Affine(in[2], in[3], false));
      return t.logProb(t.rsample(Rngs.create(5)));
    }, MU.value(), LOG_VAR.value(), A.value(), C.value());
  }

  @Test
  void aValueItDidNotDrawNeedsAnInverse() {
    TransformedDistribution t = TransformedDistribution.of(Normal.ofLogVariance(MU, LOG_VAR),
        new Affine(A, C, false));
    t.rsample(Rngs.create(1));
    assertThatThrownBy(() -> t.logProb(Tensor.zeros(2, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TransformedDistribution.logProb: the value was not drawn by this"
            + " distribution and its flow Affine has no inverse, so its density is known only at"
            + " its own draws (score the guide's own samples, or use an invertible flow: planar,"
            + " radial, coupling)");
  }

  @Test
  void aFlowOfAnotherSizeIsRefused() {
    assertThatThrownBy(() -> TransformedDistribution.of(StandardNormal.of(2, 3),
        new Affine(A, C, true)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the flow Affine maps 2 columns but the base distribution")
        .hasMessageEndingWith("has 3 (the flow's size must equal the latent size)");
  }

  @Test
  void momentsHaveNoClosedForm() {
    TransformedDistribution t = TransformedDistribution.of(StandardNormal.of(2, 2),
        new Affine(A, C, true));
    assertThatThrownBy(t::mean).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("no closed-form mean");
    assertThatThrownBy(t::detachParameters).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aChainAddsLogDeterminantsAndInvertsInReverse() {
    Bijection chain = Bijections.chain(java.util.List.of(new Affine(A, C, true),
        new Affine(Tensor.row(2.0, 3.0), Tensor.row(0.0, -1.0), true)));
    Tensor x = Tensor.of(new double[][] {{1, 2}});
    Bijection.Mapped y = chain.forward(x);
    assertThat(y.value().get(0, 0)).isCloseTo(2 * (1.5 + 0.2), within(1e-12));
    assertThat(y.value().get(0, 1)).isCloseTo(3 * (-1.4 + 1.0) - 1, within(1e-12));
    assertThat(y.logDet().item()).isCloseTo(Math.log(1.5 * 0.7 * 6), within(1e-12));
    assertThat(chain.inverse(y.value()).value().get(0, 1)).isCloseTo(2, within(1e-12));
    assertThatThrownBy(() -> Bijections.chain(java.util.List.of(new Affine(A, C, true),
        new Affine(Tensor.row(1.0), Tensor.row(0.0), true))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Bijections.chain: step 1 (Affine) maps 1 columns but step 0 maps 2");
  }
}
