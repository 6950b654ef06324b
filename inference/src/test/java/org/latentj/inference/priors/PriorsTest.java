package org.latentj.inference.priors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.distributions.Normal;
import org.latentj.distributions.NormalHead;
import org.latentj.inference.flows.Flow;
import org.latentj.inference.flows.Flows;
import org.latentj.model.Distribution;
import org.latentj.model.Posterior;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Mlp;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

/** The learned priors against direct computations, their gradients and their bad input. */
class PriorsTest {

  private static final int D = 3;
  private static final Tensor Z = Tensor.constant(Rngs.standardNormal(Rngs.create(2), 4, D));

  private static MixturePrior mixture() {
    MixturePrior prior = new MixturePrior(3, D, Rngs.create(1));
    // unequal weights and variances, so the check sees every parameter
    DMatrixRMaj logits = prior.parameters().get("logits").value();
    logits.data[0] = 0.7;
    logits.data[2] = -1.1;
    DMatrixRMaj logVar = prior.parameters().get("logVariances").value();
    for (int i = 0; i < logVar.data.length; i++) {
      logVar.data[i] = 0.3 * Math.sin(i + 1.0);
    }
    return prior;
  }

  @Test
  void mixtureLogDensityIsTheLogOfTheWeightedSumOfGaussians() {
    MixturePrior prior = mixture();
    double[] w = prior.parameters().get("logits").value().data;
    DMatrixRMaj mu = prior.parameters().get("means").value();
    DMatrixRMaj lv = prior.parameters().get("logVariances").value();
    double norm = 0;
    for (double v : w) {
      norm += Math.exp(v);
    }
    Tensor logP = prior.distribution(Z.rows()).logProb(Z);
    for (int i = 0; i < Z.rows(); i++) {
      double p = 0;
      for (int k = 0; k < 3; k++) {
        double density = Math.exp(w[k]) / norm;
        for (int j = 0; j < D; j++) {
          double var = Math.exp(lv.get(k, j));
          double e = Z.get(i, j) - mu.get(k, j);
          density *= Math.exp(-0.5 * e * e / var) / Math.sqrt(2 * Math.PI * var);
        }
        p += density;
      }
      assertThat(logP.get(i, 0)).isCloseTo(Math.log(p), within(1e-12));
    }
  }

  @Test
  void mixtureGradientsMatchFiniteDifferences() {
    MixturePrior prior = mixture();
    GradientCheck.standard().checkLeaves("MixturePrior log p(z)",
        () -> prior.distribution(Z.rows()).logProb(Z), leaves(prior.parameters().values()));
  }

  @Test
  void aMixtureNeedsAComponent() {
    assertThatThrownBy(() -> new MixturePrior(0, D, Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MixturePrior: a mixture needs at least one component, got 0");
  }

  private static Posterior encoder() {
    return new Posterior(new Mlp(new int[] {5, 7, 2 * D}, Activation.TANH,
        Initializer.lecunUniform(), Rngs.create(3)), NormalHead.meanAndLogVariance());
  }

  @Test
  void vampPriorIsTheAverageOfTheEncodersPosteriorsAtThePseudoInputs() {
    Posterior encoder = encoder();
    DMatrixRMaj u = Rngs.standardNormal(Rngs.create(4), 4, 5);
    VampPrior prior = new VampPrior(encoder, u, 5, D);
    Tensor logP = prior.distribution(Z.rows()).logProb(Z);
    for (int i = 0; i < Z.rows(); i++) {
      Tensor zi = Z.rows(i, i + 1);
      double p = 0;
      for (int k = 0; k < 4; k++) {
        DMatrixRMaj uk = new DMatrixRMaj(1, 5);
        System.arraycopy(u.data, 5 * k, uk.data, 0, 5);
        Distribution q = encoder.given(Tensor.constant(uk));
        assertThat(q).isInstanceOf(Normal.class);
        p += Math.exp(q.logProb(zi).item()) / 4;
      }
      assertThat(logP.get(i, 0)).isCloseTo(Math.log(p), within(1e-12));
    }
    assertThat(prior.parameters()).containsOnlyKeys("pseudoInputs");
  }

  @Test
  void vampPriorGradientsReachThePseudoInputsAndTheEncoder() {
    Posterior encoder = encoder();
    VampPrior prior = new VampPrior(encoder, Rngs.standardNormal(Rngs.create(4), 4, 5), 5, D);
    List<Parameter> all = new ArrayList<>(prior.parameters().values());
    all.addAll(encoder.parameters().values());
    GradientCheck.standard().checkLeaves("VampPrior log p(z)",
        () -> prior.distribution(Z.rows()).logProb(Z), leaves(all));
  }

  @Test
  void pseudoInputsOfTheWrongWidthAreRefused() {
    assertThatThrownBy(() -> new VampPrior(encoder(), new DMatrixRMaj(4, 6), 5, D))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("VampPrior: the 4 pseudo-inputs are 6 wide but the encoder reads 5 columns"
            + " (one pseudo-input is one data row)");
    assertThatThrownBy(() -> VampPrior.fromData(encoder(), new DMatrixRMaj(10, 5), 0, D,
        Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("VampPrior: a mixture needs at least one component, got 0");
  }

  @Test
  void flowPriorScoresAnyValueThroughTheInverseAndDrawsThroughTheForwardMap() {
    Flow flow = Flows.realNvp(D, 3, new int[] {6}, 0, Rngs.create(8));
    flow.parameters().values().forEach(p -> {
      DMatrixRMaj noise = Rngs.standardNormal(Rngs.create(p.name().hashCode()), p.rows(),
          p.cols());
      for (int i = 0; i < noise.data.length; i++) {
        p.value().data[i] += 0.3 * noise.data[i];
      }
    });
    FlowPrior prior = new FlowPrior(flow);
    Distribution p = prior.distribution(4);
    Tensor z = p.rsample(Rngs.create(9));
    Tensor own = p.logProb(z);
    Tensor viaInverse = prior.distribution(4).logProb(Tensor.constant(z.value().copy()));
    for (int i = 0; i < 4; i++) {
      assertThat(viaInverse.get(i, 0)).isCloseTo(own.get(i, 0), within(1e-10));
    }
    GradientCheck.standard().checkLeaves("FlowPrior log p(z)",
        () -> prior.distribution(Z.rows()).logProb(Z), leaves(flow.parameters().values()));
  }

  @Test
  void aFlowPriorNeedsAnInvertibleFlowWithoutContext() {
    assertThatThrownBy(() -> new FlowPrior(Flows.iaf(D, 2, 4, 0, Rngs.create(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no inverse, so the prior could not score the guide's"
            + " samples");
    assertThatThrownBy(() -> new FlowPrior(Flows.realNvp(D, 2, new int[] {4}, 2,
        Rngs.create(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reads a context of 2 columns, but a prior has no input");
  }

  @Test
  void priorNamesBuildTheirPriorsOrSayWhatIsExpected() {
    DMatrixRMaj data = Rngs.standardNormal(Rngs.create(1), 10, 5);
    assertThat(PriorSpec.parse("standard-normal").build(D, encoder(), data, Rngs.create(1)))
        .isInstanceOf(StandardNormalPrior.class);
    assertThat(PriorSpec.parse("mog:4").build(D, encoder(), data, Rngs.create(1)))
        .isInstanceOf(MixturePrior.class).hasToString("MixturePrior(4 components, 3)");
    assertThat(PriorSpec.parse("vamp:6").build(D, encoder(), data, Rngs.create(1)))
        .hasToString("VampPrior(6 pseudo-inputs, 3)");
    assertThat(PriorSpec.parse("flow")).hasToString("flow:" + PriorSpec.DEFAULT_FLOW_LAYERS);
    assertThat(PriorSpec.parse("flow:2").build(D, encoder(), data, Rngs.create(1)))
        .isInstanceOf(FlowPrior.class);
    String usage = " (expected standard-normal, mog:K, vamp:K, flow or flow:K with K >= 1)";
    assertThatThrownBy(() -> PriorSpec.parse("mog:0"))
        .hasMessage("prior 'mog:0': K must be >= 1, got 0" + usage);
    assertThatThrownBy(() -> PriorSpec.parse("vamp"))
        .hasMessage("prior 'vamp' needs a count K" + usage);
    assertThatThrownBy(() -> PriorSpec.parse("gamma:2"))
        .hasMessage("prior 'gamma:2' is unknown" + usage);
    assertThatThrownBy(() -> PriorSpec.parse("mog:x"))
        .hasMessage("prior 'mog:x': 'x' is not a whole number" + usage);
  }

  private static List<Tensor> leaves(java.util.Collection<Parameter> parameters) {
    return parameters.stream().map(Parameter::tensor).toList();
  }
}
