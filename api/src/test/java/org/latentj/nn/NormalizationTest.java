package org.latentj.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.DtypeCheck;
import org.latentj.testing.GradientCheck;
import org.latentj.testing.Matrices;

/**
 * {@link BatchNorm}, {@link LayerNorm} and {@link Dropout}: closed forms, finite-difference
 * gradients, float32 against float64, train / eval modes, and their messages.
 */
class NormalizationTest {

  private static DMatrixRMaj shifted(long seed, int rows, int cols) {
    DMatrixRMaj x = Matrices.normal(Rngs.create(seed), rows, cols);
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] = 2 * x.data[i] + 3; // away from mean 0, variance 1
    }
    return x;
  }

  private static BatchNorm imageNorm() {
    BatchNorm bn = new BatchNorm(2, 3, 0.1, 1e-5, DType.FLOAT64);
    bn.weight().value().setTo(new DMatrixRMaj(new double[][] {{1.5, -0.7}}));
    bn.bias().value().setTo(new DMatrixRMaj(new double[][] {{0.2, 0.4}}));
    return bn;
  }

  @Test
  void batchNormInTrainingUsesTheBatchStatisticsAndUpdatesTheRunningOnes() {
    BatchNorm bn = imageNorm();
    bn.setTraining(true);
    DMatrixRMaj x = shifted(1, 4, 6); // 2 channels x 3 pixels
    Tensor y = bn.forward(Tensor.constant(x));
    for (int c = 0; c < 2; c++) {
      double sum = 0;
      double ss = 0;
      for (int i = 0; i < 4; i++) {
        for (int p = 0; p < 3; p++) {
          sum += x.get(i, c * 3 + p);
        }
      }
      double mean = sum / 12;
      for (int i = 0; i < 4; i++) {
        for (int p = 0; p < 3; p++) {
          ss += Math.pow(x.get(i, c * 3 + p) - mean, 2);
        }
      }
      double variance = ss / 12;
      double gamma = bn.weight().value().get(0, c);
      double beta = bn.bias().value().get(0, c);
      for (int i = 0; i < 4; i++) {
        for (int p = 0; p < 3; p++) {
          double expected = gamma * (x.get(i, c * 3 + p) - mean) / Math.sqrt(variance + 1e-5)
              + beta;
          assertThat(y.get(i, c * 3 + p)).isCloseTo(expected, within(1e-12));
        }
      }
      assertThat(bn.runningMean().value().get(0, c)).isCloseTo(0.1 * mean, within(1e-12));
      assertThat(bn.runningVariance().value().get(0, c))
          .isCloseTo(0.9 + 0.1 * variance * 12 / 11, within(1e-12));
    }
    assertThat(bn.rowWise()).isFalse();
    assertThat(bn.buffers()).containsOnlyKeys("runningMean", "runningVariance");
    assertThat(bn.parameters()).containsOnlyKeys("weight", "bias");
  }

  @Test
  void batchNormInEvaluationUsesTheRunningStatistics() {
    BatchNorm bn = imageNorm();
    bn.runningMean().value().setTo(new DMatrixRMaj(new double[][] {{1.0, -2.0}}));
    bn.runningVariance().value().setTo(new DMatrixRMaj(new double[][] {{4.0, 0.25}}));
    assertThat(bn.isTraining()).isFalse();
    assertThat(bn.rowWise()).isTrue();
    DMatrixRMaj x = shifted(2, 3, 6);
    Tensor y = bn.forward(Tensor.constant(x));
    double[][] stats = {{1.0, 4.0}, {-2.0, 0.25}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 6; j++) {
        int c = j / 3;
        double expected = bn.weight().value().get(0, c) * (x.get(i, j) - stats[c][0])
            / Math.sqrt(stats[c][1] + 1e-5) + bn.bias().value().get(0, c);
        assertThat(y.get(i, j)).isCloseTo(expected, within(1e-12));
      }
    }
    assertThat(bn.runningMean().value().get(0, 0)).isEqualTo(1.0); // not updated
  }

  @Test
  void batchNormGradientsMatchFiniteDifferencesInBothModes() {
    for (boolean training : new boolean[] {true, false}) {
      BatchNorm bn = imageNorm();
      bn.runningMean().value().setTo(new DMatrixRMaj(new double[][] {{2.0, 3.5}}));
      bn.setTraining(training);
      DMatrixRMaj x = shifted(3, 4, 6);
      GradientCheck.standard().check("batch norm input, training " + training,
          in -> bn.forward(in[0]), x);
      GradientCheck.standard().checkLeaves("batch norm parameters, training " + training,
          () -> bn.forward(Tensor.constant(x)), List.of(bn.weight().tensor(), bn.bias().tensor()));
    }
    BatchNorm features = new BatchNorm(5);
    features.setTraining(true);
    GradientCheck.standard().check("batch norm of features", in -> features.forward(in[0])
        .mul(in[0]), shifted(4, 3, 5));
  }

  @Test
  void layerNormMatchesTheClosedFormAndFiniteDifferences() {
    LayerNorm ln = new LayerNorm(5);
    ln.weight().value().setTo(new DMatrixRMaj(new double[][] {{1, 2, -1, 0.5, 3}}));
    ln.bias().value().setTo(new DMatrixRMaj(new double[][] {{0, 1, 2, 3, 4}}));
    DMatrixRMaj x = shifted(5, 3, 5);
    Tensor y = ln.forward(Tensor.constant(x));
    for (int i = 0; i < 3; i++) {
      double mean = 0;
      for (int j = 0; j < 5; j++) {
        mean += x.get(i, j) / 5;
      }
      double variance = 0;
      for (int j = 0; j < 5; j++) {
        variance += Math.pow(x.get(i, j) - mean, 2) / 5;
      }
      for (int j = 0; j < 5; j++) {
        double expected = ln.weight().value().get(0, j) * (x.get(i, j) - mean)
            / Math.sqrt(variance + 1e-5) + ln.bias().value().get(0, j);
        assertThat(y.get(i, j)).isCloseTo(expected, within(1e-12));
      }
    }
    GradientCheck.standard().check("layer norm", in -> Tensor.apply(new LayerNormOp(1e-5),
        in[0], in[1], in[2]), x, ln.weight().value(), ln.bias().value());
    assertThat(ln.rowWise()).isTrue();
  }

  @Test
  void normsAgreeInFloat32AndFloat64() {
    DMatrixRMaj gamma = new DMatrixRMaj(new double[][] {{1.5, -0.7}});
    DMatrixRMaj beta = new DMatrixRMaj(new double[][] {{0.2, 0.4}});
    DtypeCheck.standard().check("batch norm", in -> Tensor.apply(BatchNormOp.batch(2, 3, 1e-5,
        new double[2], new double[2]), in[0], in[1], in[2]), shifted(6, 4, 6), gamma, beta);
    DtypeCheck.standard().check("batch norm, running statistics", in -> Tensor.apply(
        BatchNormOp.fixed(2, 3, 1e-5, new double[] {1, 2}, new double[] {0.5, 3}), in[0], in[1],
        in[2]), shifted(7, 4, 6), gamma, beta);
    DtypeCheck.standard().check("layer norm", in -> Tensor.apply(new LayerNormOp(1e-5), in[0],
        in[1], in[2]), shifted(8, 3, 5), Matrices.normal(Rngs.create(9), 1, 5),
        Matrices.normal(Rngs.create(10), 1, 5));
    DtypeCheck.standard().check("dropout", in -> {
      Dropout d = new Dropout(0.3, 11);
      d.setTraining(true);
      return d.forward(in[0]);
    }, Matrices.normal(Rngs.create(12), 4, 5));
    // A float32 batch norm layer keeps float32 running statistics.
    BatchNorm narrow = new BatchNorm(2, 3, 0.1, 1e-5, DType.FLOAT32);
    narrow.setTraining(true);
    Tensor y = narrow.forward(Tensor.constant(shifted(13, 4, 6), DType.FLOAT32));
    assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
    assertThat(narrow.runningMean().valueF().data[0]).isNotZero();
  }

  @Test
  void dropoutDropsAtItsRateAndKeepsTheMean() {
    Dropout d = new Dropout(0.25, 3);
    d.setTraining(true);
    Tensor x = Tensor.variable(new DMatrixRMaj(200, 50));
    x.value().fill(2.0);
    Tensor y = d.forward(x);
    int zeros = 0;
    double sum = 0;
    for (int i = 0; i < y.size(); i++) {
      double v = y.get(i);
      assertThat(v == 0 || Math.abs(v - 2 / 0.75) < 1e-12).isTrue();
      zeros += v == 0 ? 1 : 0;
      sum += v;
    }
    double p = new BinomialTest().binomialTest(y.size(), zeros, 0.25,
        AlternativeHypothesis.TWO_SIDED);
    assertThat(p).as("binomial test of %d zeros in %d", zeros, y.size()).isGreaterThan(1e-3);
    assertThat(sum / y.size()).isCloseTo(2.0, within(0.05));
    // The gradient is the mask: zero where dropped, 1 / (1 - rate) where kept.
    y.sum().backward();
    for (int i = 0; i < y.size(); i++) {
      assertThat(x.grad().data[i]).isEqualTo(y.get(i) / 2.0, within(1e-12));
    }
    // Each call draws a new mask; the same seed and call count give the same one.
    assertThat(d.callsSoFar()).isEqualTo(1);
    Tensor again = d.forward(x);
    assertThat(again.value().data).isNotEqualTo(y.value().data);
    Dropout twin = new Dropout(0.25, 3);
    twin.setTraining(true);
    assertThat(twin.forward(x).value().data).isEqualTo(y.value().data);
  }

  @Test
  void evaluationModeTurnsDropoutOffForTheWholeTree() {
    Dropout d = new Dropout(0.5, 1);
    BatchNorm bn = new BatchNorm(4);
    Sequential net = new Sequential(List.of(new Linear(4, 4, Initializer.glorotNormal(),
        Rngs.create(1)), bn, d));
    assertThat(net.rowWise()).isTrue();
    net.setTraining(true);
    assertThat(d.isTraining()).isTrue();
    assertThat(bn.isTraining()).isTrue();
    assertThat(net.rowWise()).isFalse();
    assertThat(net.buffers()).containsOnlyKeys("layer1.runningMean", "layer1.runningVariance",
        "layer2.calls");
    net.setTraining(false);
    Tensor x = Tensor.constant(shifted(14, 3, 4));
    assertThat(d.forward(x)).isSameAs(x);
    assertThat(net.forward(x).value().data).isEqualTo(net.forward(x).value().data);
    net.convertTo(DType.FLOAT32);
    assertThat(bn.runningVariance().dtype()).isEqualTo(DType.FLOAT32);
  }

  @Test
  void badSettingsAndShapesAreRejected() {
    assertThatThrownBy(() -> new Dropout(1.0, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Dropout: rate must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> new BatchNorm(3, 1, 0, 1e-5, DType.FLOAT64))
        .hasMessageContaining("momentum must be in (0, 1]");
    BatchNorm bn = new BatchNorm(3);
    assertThatThrownBy(() -> bn.forward(Tensor.zeros(2, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input is 2x4 but expects 3 columns");
    bn.setTraining(true);
    assertThatThrownBy(() -> bn.forward(Tensor.zeros(1, 3)))
        .hasMessageContaining("training mode needs at least 2 values per channel");
    assertThatThrownBy(() -> new LayerNorm(0)).hasMessageContaining("LayerNorm: features");
    assertThatThrownBy(() -> new LayerNorm(3).forward(Tensor.zeros(1, 2)))
        .hasMessageContaining("expects 3 columns");
  }
}
