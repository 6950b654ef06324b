package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.latentj.model.Distribution;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * The supports that enumeration sums over: every value once, with probabilities summing to one
 * in every row; continuous and unbounded families refuse with a message naming them.
 */
class EnumerateSupportTest {

  /** {@code sum over the support of p(value)} for each row of {@code d}. */
  private static double[] totalMass(Distribution d) {
    Tensor support = d.enumerateSupport();
    double[] total = new double[d.batchSize()];
    for (int j = 0; j < support.rows(); j++) {
      Tensor value = support.rows(j, j + 1).repeatRows(d.batchSize());
      Tensor logP = d.logProb(value);
      for (int i = 0; i < total.length; i++) {
        total[i] += Math.exp(logP.get(i, 0));
      }
    }
    return total;
  }

  @Test
  void bernoulliEnumeratesEveryJointValueOnce() {
    Bernoulli b = Bernoulli.ofLogits(Tensor.of(new double[][] {{0.3, -1.2, 2.0}, {-4, 0, 1}}));
    Tensor support = b.enumerateSupport();
    assertThat(support.rows()).isEqualTo(8);
    assertThat(support.cols()).isEqualTo(3);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int j = 0; j < 8; j++) {
      seen.add("" + support.get(j, 0) + support.get(j, 1) + support.get(j, 2));
    }
    assertThat(seen).hasSize(8);
    assertThat(support.get(5, 0)).isEqualTo(1.0); // 5 = 101b, most significant bit first
    assertThat(support.get(5, 1)).isEqualTo(0.0);
    assertThat(support.get(5, 2)).isEqualTo(1.0);
    for (double m : totalMass(b)) {
      assertThat(m).isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  void oneHotEnumeratesTheClasses() {
    OneHotCategorical c = OneHotCategorical.ofLogits(Tensor.of(new double[][] {
        {0.1, 2.0, -1.0, 0.0}, {5, 5, 5, -3}}));
    Tensor support = c.enumerateSupport();
    assertThat(support.rows()).isEqualTo(4);
    for (int j = 0; j < 4; j++) {
      for (int k = 0; k < 4; k++) {
        assertThat(support.get(j, k)).isEqualTo(j == k ? 1.0 : 0.0);
      }
    }
    for (double m : totalMass(c)) {
      assertThat(m).isCloseTo(1.0, within(1e-12));
    }
    assertThat(c.hasEnumerateSupport()).isTrue();
  }

  /** A float32 site enumerates float32 values, so a float32 model can sum it out. */
  @Test
  void supportsFollowTheLogitsDtype() {
    Tensor logits = Tensor.of(new double[][] {{0.5, -1.0, 2.0}}).to(DType.FLOAT32);
    Tensor classes = OneHotCategorical.ofLogits(logits).enumerateSupport();
    Tensor joint = Bernoulli.ofLogits(logits).enumerateSupport();
    assertThat(classes.dtype()).isEqualTo(DType.FLOAT32);
    assertThat(joint.dtype()).isEqualTo(DType.FLOAT32);
    assertThat(classes.to(DType.FLOAT64).value().data).isEqualTo(
        OneHotCategorical.ofLogits(logits.to(DType.FLOAT64)).enumerateSupport().value().data);
    assertThat(joint.get(5, 0) + joint.get(5, 1) + joint.get(5, 2)).isEqualTo(2.0);
    assertThat(OneHotCategorical.ofLogits(logits.to(DType.FLOAT64)).enumerateSupport().dtype())
        .isEqualTo(DType.FLOAT64);
    // Its draws too, the same classes as float64's from one seed.
    Tensor many = logits.repeatRows(50);
    Tensor f32 = OneHotCategorical.ofLogits(many).sample(Rngs.create(4));
    Tensor f64 = OneHotCategorical.ofLogits(many.to(DType.FLOAT64)).sample(Rngs.create(4));
    assertThat(f32.dtype()).isEqualTo(DType.FLOAT32);
    assertThat(f32.to(DType.FLOAT64).value().data).isEqualTo(f64.value().data);
  }

  @Test
  void continuousUnboundedAndHugeSupportsRefuseByName() {
    Normal n = Normal.ofLogVariance(Tensor.zeros(2, 2), Tensor.zeros(2, 2));
    assertThat(n.hasEnumerateSupport()).isFalse();
    assertThatThrownBy(n::enumerateSupport)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Normal has no finite support");
    Poisson p = Poisson.ofLogRate(Tensor.zeros(2, 1));
    assertThatThrownBy(p::enumerateSupport).hasMessageContaining("Poisson has unbounded support");
    Bernoulli wide = Bernoulli.ofLogits(Tensor.zeros(1, 13));
    assertThat(wide.hasEnumerateSupport()).isFalse();
    assertThatThrownBy(wide::enumerateSupport).hasMessageContaining("2^13 joint values");
  }
}
