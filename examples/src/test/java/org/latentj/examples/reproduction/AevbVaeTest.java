package org.latentj.examples.reproduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.latentj.examples.pictures.PixelProbabilities.assertPixelProbabilities;

import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.inference.guice.LikelihoodsModule;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.nn.Activation;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;

/** The paper's choices really are what {@link AevbVae} wires. */
class AevbVaeTest {

  private static final int N = 8000;
  private static final AevbVae VAE = AevbVae.create(AevbDataset.DIGITS, 784, 5, N, 0.02, 7);

  @Test
  void networksAreOneHiddenLayerOf500TanhUnitsWithEstimatorB() {
    assertThat(VAE.settings().network().hiddenSizes()).containsExactly(500);
    assertThat(VAE.settings().network().activation()).isEqualTo(Activation.TANH);
    assertThat(VAE.settings().likelihood().name()).isEqualTo(LikelihoodsModule.BERNOULLI);
    assertThat(VAE.estimatorB()).isInstanceOf(AnalyticKlElbo.class);
    assertThat(AevbVae.create(AevbDataset.FASHION_GAUSSIAN, 784, 5, N, 0.02, 7).settings()
        .network().hiddenSizes()).containsExactly(200);
  }

  @Test
  void everyWeightAndBiasIsDrawnFromNormalWithSd001() {
    Map<String, Parameter> params = VAE.svi().parameters();
    // Encoder 784x500 and 500x10, decoder 5x500 and 500x784: weights and biases, no head state.
    assertThat(params).hasSize(8);
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    NormalDistribution target = new NormalDistribution(null, 0, AevbVae.INIT_SD);
    double[] biases = params.entrySet().stream().filter(e -> e.getKey().endsWith("bias"))
        .flatMapToDouble(e -> java.util.Arrays.stream(values(e.getValue()))).toArray();
    assertThat(biases.length).isEqualTo(500 + 10 + 500 + 784);
    assertThat(ks.kolmogorovSmirnovTest(target, biases)).isGreaterThan(0.001);
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      double[] v = values(e.getValue());
      if (v.length >= 1000) {
        assertThat(ks.kolmogorovSmirnovTest(target, java.util.Arrays.copyOf(v, Math.min(v.length, 5000))))
            .as(e.getKey()).isGreaterThan(0.001);
      }
    }
  }

  @Test
  void weightDecayIsTheUnitGaussianPriorShareOfOneExampleOutOfN() {
    assertThat(VAE.weightDecay()).isEqualTo(1.0 / N);
    assertThat(VAE.svi().optimizer().toString()).startsWith("Adagrad{learningRate=0.02")
        .contains("weightDecay=" + (1.0 / N));
  }

  @Test
  void adagradStepAddsThetaOverNToTheGradient() {
    // Adagrad steps along g' = grad + lambda p. A gradient of -p / N cancels lambda p exactly
    // when lambda = 1 / N, and then nothing moves; a gradient of -p / (2N) leaves g' = p / (2N),
    // and with G = 0 every element moves by lr * g' / |g'| = lr * sign(p).
    int n = 100;
    AevbVae vae = AevbVae.create(AevbDataset.DIGITS, 4, 2, n, 0.5, 3);
    Parameter p = vae.svi().parameters().values().iterator().next();
    DMatrixRMaj before = p.value().copy();
    stepWithGradient(vae, p, -1.0 / n);
    for (int i = 0; i < before.getNumElements(); i++) {
      assertThat(p.value().data[i]).isCloseTo(before.data[i], within(1e-9));
    }
    stepWithGradient(vae, p, -0.5 / n);
    for (int i = 0; i < before.getNumElements(); i++) {
      assertThat(p.value().data[i]).isCloseTo(before.data[i] - 0.5 * Math.signum(before.data[i]),
          within(1e-3));
    }
  }

  private static void stepWithGradient(AevbVae vae, Parameter p, double timesValue) {
    vae.svi().optimizer().zeroGrad();
    for (int i = 0; i < p.rows() * p.cols(); i++) {
      p.grad().data[i] = timesValue * p.value().data[i];
    }
    vae.svi().optimizer().step();
  }

  @Test
  void priorSamplesAreDecoderMeansInTheUnitInterval() {
    assertPixelProbabilities(VAE.priorSamples(4, Rngs.create(1)), 4, 784);
  }

  private static double[] values(Parameter p) {
    return java.util.Arrays.copyOf(p.value().data, p.rows() * p.cols());
  }
}
