package org.latentj.examples.reproduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.distributions.KlRegistry;
import org.latentj.inference.guice.Guide;
import org.latentj.inference.guice.Model;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.inference.objectives.Elbo;
import org.latentj.model.Batch;
import org.latentj.model.Program;
import org.latentj.nn.Activation;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

class EstimatorVarianceTest {

  @TempDir
  Path folder;

  @Test
  void momentsMatchTheTwoPassMeanAndUnbiasedVariance() {
    Parameter p = new Parameter("w", new DMatrixRMaj(1, 2));
    EstimatorGradientMoments m = new EstimatorGradientMoments(List.of(p));
    double[][] draws = {{1, 10}, {2, 10}, {6, 13}};
    for (double[] d : draws) {
      p.grad().data[0] = d[0];
      p.grad().data[1] = d[1];
      m.add();
    }
    assertThat(m.mean(0)).isCloseTo(3, within(1e-12));
    assertThat(m.mean(1)).isCloseTo(11, within(1e-12));
    // Variances 7 and 3.
    assertThat(m.traceOfCovariance()).isCloseTo(10, within(1e-12));
  }

  @Test
  void estimatorsAAndBAgreeInMeanAndBHasTheLowerEncoderVariance() {
    VaeSettings s = VaeSettings.builder().inputSize(12).hiddenSizes(List.of(8))
        .activation(Activation.TANH).latentSize(2).seed(5).build();
    Injector vae = Guice.createInjector(new VaeModule(s));
    Program model = vae.getInstance(Key.get(Program.class, Model.class));
    Program guide = vae.getInstance(Key.get(Program.class, Guide.class));
    UniformRandomProvider rng = Rngs.create(9);
    DMatrixRMaj x = new DMatrixRMaj(40, 12);
    for (int i = 0; i < x.getNumElements(); i++) {
      x.data[i] = rng.nextDouble() < 0.3 ? 1 : 0;
    }
    EstimatorComparison.Result r = new EstimatorComparison(model, guide).compare(
        new Elbo(1), new AnalyticKlElbo(KlRegistry.standard(), 1),
        Batch.of(Tensor.constant(x)), 300, Rngs.create(10), Rngs.create(11));
    // Same expectation: the squared distance of the means is about its noise level.
    assertThat(r.meanDifferenceRatio(0)).isBetween(0.5, 1.6);
    assertThat(r.meanDifferenceRatio(1)).isBetween(0.5, 1.6);
    assertThat(r.traceB(0)).isLessThan(r.traceA(0));
    // The decoder's gradient is the same estimator under A and B.
    assertThat(r.traceA(1) / r.traceB(1)).isBetween(0.8, 1.25);
    for (Parameter p : model.parameters().values()) {
      assertThat(p.grad().data).containsOnly(0.0);
    }
  }

  @Test
  void driverWritesTheTable() throws Exception {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    int code = EstimatorVariance.execute(new PrintStream(text, true, StandardCharsets.UTF_8),
        "--snapshots", "0", "--minibatches", "2", "--estimates", "3", "--latent", "3",
        "--output", folder.toString());
    String printed = text.toString(StandardCharsets.UTF_8);
    assertThat(code).as(printed).isZero();
    List<String> csv = Files.readAllLines(folder.resolve("estimator-variance.csv"));
    assertThat(csv.get(0)).startsWith("examples trained,parameters,tr Cov A,tr Cov B,A / B,");
    assertThat(csv).hasSize(1 + 3);
    assertThat(csv.get(1)).startsWith("0,encoder,");
    for (String line : csv.subList(1, 4)) {
      for (String cell : line.split(",")) {
        if (!cell.matches("[a-z]+")) {
          assertThat(Double.parseDouble(cell)).as(line).isFinite();
        }
      }
    }
    assertThat(printed).contains(Files.readString(folder.resolve("estimator-variance.md")));
  }
}
