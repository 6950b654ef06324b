package org.latentj.inference.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.distributions.NormalHead;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.inference.flows.FlowHead;
import org.latentj.inference.priors.VampPrior;
import org.latentj.inference.training.RunProvenance;
import org.latentj.model.Head;
import org.latentj.model.Posterior;
import org.latentj.model.Prior;
import org.latentj.nn.Activation;
import org.latentj.nn.Layer;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

/**
 * The registries behind the CLI's --flow, --prior vamp:K, --network conv and the Poisson and
 * Student-t likelihoods: what each builds, what it refuses, and that settings naming them
 * survive provenance.
 */
class RicherComponentsTest {

  /** 1 x 4 x 4 images, one conv stage of 2 channels, then a hidden layer of 3. */
  private static final VaeSettings CONV = VaeSettings.builder().inputSize(16)
      .network(NetworksModule.CONV).image(1, 4, 4).channels(List.of(2)).hiddenSizes(List.of(3))
      .latentSize(2).activation(Activation.TANH).likelihood(LikelihoodsModule.GAUSSIAN).build();

  private static Injector vae(VaeSettings settings, com.google.inject.Module... extra) {
    List<com.google.inject.Module> modules = new java.util.ArrayList<>(
        List.of(new VaeModule(settings)));
    modules.addAll(List.of(extra));
    return Guice.createInjector(modules);
  }

  private static Throwable rootOf(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  @Test
  void convNetworksMapImagesToTheHeadsWidthsAndAreDifferentiable() {
    Injector injector = vae(CONV);
    Layer encoder = injector.getInstance(Key.get(Layer.class, Encoder.class));
    Layer decoder = injector.getInstance(Key.get(Layer.class, Decoder.class));
    DMatrixRMaj x = Rngs.standardNormal(Rngs.create(3), 5, 16);
    assertThat(encoder.forward(Tensor.constant(x)).cols()).isEqualTo(4); // mean, log-variance
    // Gaussian: two 1 x 4 x 4 blocks, the mean's and the log-variance's.
    assertThat(decoder.forward(Tensor.constant(new DMatrixRMaj(5, 2))).cols()).isEqualTo(32);
    GradientCheck.standard().check("conv encoder in x", in -> encoder.forward(in[0]), x);
    GradientCheck.standard().check("conv decoder in z", in -> decoder.forward(in[0]),
        Rngs.standardNormal(Rngs.create(4), 3, 2));
    assertThat(CONV.network().shape()).isEqualTo("1x4x4-c2-3-2-3-c2-1x4x4");
  }

  @Test
  void convNetworksRefuseImagesTheyCannotReadOrHalve() {
    assertThatThrownBy(() -> CONV.toBuilder().image(1, 5, 5).build())
        .hasMessage("network: an image of 1 x 5 x 5 has 25 values, but a row has 16");
    VaeSettings odd = CONV.toBuilder().inputSize(36).image(1, 6, 6).channels(List.of(2, 2))
        .build();
    assertThatThrownBy(() -> vae(odd).getInstance(Key.get(Layer.class, Encoder.class)))
        .isInstanceOf(ProvisionException.class)
        .satisfies(e -> assertThat(rootOf(e)).hasMessage("conv network: 2 stride-2 stages need"
            + " a height and width divisible by 4, but the image is 6 x 6"));
    VaeSettings noImage = VaeSettings.builder().inputSize(16).network(NetworksModule.CONV)
        .channels(List.of(2)).build();
    assertThatThrownBy(() -> vae(noImage).getInstance(Key.get(Layer.class, Encoder.class)))
        .satisfies(e -> assertThat(rootOf(e)).hasMessageStartingWith("conv network: no image"));
  }

  @Test
  void aFlowSettingPutsThatFlowOnTheDiagonalNormalAtTheLatentSize() {
    for (String flow : List.of("planar:2", "radial:1", "iaf:1", "realnvp:2")) {
      Head head = vae(CONV.toBuilder().flow(flow).build())
          .getInstance(Key.get(Head.class, PosteriorHead.class));
      assertThat(head).as(flow).isInstanceOf(FlowHead.class);
      assertThat(((FlowHead) head).flow().size()).as(flow).isEqualTo(2);
      assertThat(((FlowHead) head).flow().contextSize()).as(flow).isEqualTo(2);
    }
    assertThat(vae(CONV).getInstance(Key.get(Head.class, PosteriorHead.class)))
        .isInstanceOf(NormalHead.class);
    assertThatThrownBy(() -> vae(CONV.toBuilder().flow("iaf").build())
        .getInstance(Key.get(Head.class, PosteriorHead.class)))
        .satisfies(e -> assertThat(rootOf(e))
            .hasMessage("'iaf': iaf needs a positive integer argument, e.g. iaf:10"));
    assertThatThrownBy(() -> Components.standard().flow("maf"))
        .hasMessageStartingWith("no flow named 'maf'; the registered ones are planar, radial");
  }

  @Test
  void theVampPriorMixesTheGuidesPosteriorAtPseudoInputsStartedAtTrainingRows() {
    DMatrixRMaj rows = Rngs.standardNormal(Rngs.create(8), 30, 16);
    VaeSettings vamp = CONV.toBuilder().prior("vamp:3").build();
    Injector injector = vae(vamp, VaeModule.trainingRows(rows));
    Prior prior = injector.getInstance(Prior.class);
    assertThat(prior).isInstanceOf(VampPrior.class);
    DMatrixRMaj u = prior.parameters().get("pseudoInputs").value();
    assertThat(u.numRows).isEqualTo(3);
    for (int k = 0; k < 3; k++) {
      boolean found = false;
      for (int i = 0; i < rows.numRows && !found; i++) {
        found = java.util.Arrays.equals(java.util.Arrays.copyOfRange(u.data, k * 16, k * 16 + 16),
            java.util.Arrays.copyOfRange(rows.data, i * 16, i * 16 + 16));
      }
      assertThat(found).as("pseudo-input " + k + " is a training row").isTrue();
    }
    // Without rows (a model about to receive a checkpoint's parameters) they start at 0.
    DMatrixRMaj zeros = vae(vamp).getInstance(Prior.class).parameters().get("pseudoInputs")
        .value();
    assertThat(zeros.data).containsOnly(0.0);
    assertThat(Components.standard().prior(PriorsModule.VAMP).needsTrainingRows()).isTrue();
    assertThat(Components.standard().prior(PriorsModule.MIXTURE).needsTrainingRows()).isFalse();
  }

  @Test
  void theVampPriorRefusesAFlowPosteriorAndZeroComponents() {
    Posterior flowPosterior = vae(CONV.toBuilder().flow("planar:1").build())
        .getInstance(Posterior.class);
    PriorFactory vamp = Components.standard().prior(PriorsModule.VAMP);
    assertThatThrownBy(() -> vamp.create(ComponentSpec.parse("vamp:2"),
        new PriorInputs(2, DType.FLOAT64, flowPosterior, 16, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'vamp:2': a VampPrior mixes the encoder's diagonal Normal"
            + " posteriors at its pseudo-inputs, but the posterior is FlowHead[");
    Posterior normal = vae(CONV).getInstance(Posterior.class);
    assertThatThrownBy(() -> vamp.create(ComponentSpec.parse("vamp:0"),
        new PriorInputs(2, DType.FLOAT64, normal, 16, null)))
        .hasMessage("'vamp:0': the argument of vamp must be a positive integer, got '0'");
    assertThatThrownBy(() -> new PriorInputs(2, DType.FLOAT64, normal, 16, new DMatrixRMaj(4, 5)))
        .hasMessage("PriorInputs: the training rows have 5 columns but the model reads 16");
  }

  @Test
  void flowsConvNetworksAndVampPriorsSurviveProvenanceAndOldRunsHaveNone() throws Exception {
    VaeSettings s = CONV.toBuilder().flow("iaf:3").prior("vamp:7").build();
    Provenance p = Provenance.builder(1).component("vae", s).build();
    assertThat(RunProvenance.component(Provenance.fromJson(p.toJson()), "vae",
        VaeSettings.class)).isEqualTo(s);
    // A run from before flows and conv networks: no "flow", no image or channels.
    var old = new ObjectMapper().readTree("{\"network\":{\"type\":\"mlp\",\"inputSize\":4,"
        + "\"hiddenSizes\":[2],\"activation\":\"RELU\",\"latentSize\":1},"
        + "\"likelihood\":\"bernoulli\",\"prior\":\"standard-normal\","
        + "\"objective\":{\"name\":\"elbo\",\"particles\":1},"
        + "\"optimizer\":{\"name\":\"adam\",\"learningRate\":0.1},\"seed\":1}");
    VaeSettings read = RunProvenance.component(Provenance.fromJson(
        Provenance.builder(1).component("vae", old).build().toJson()), "vae", VaeSettings.class);
    assertThat(read.flow()).isEqualTo(ComponentSpec.of(FlowsModule.NONE));
    assertThat(read.network().image()).isEmpty();
    assertThat(read.network().channels()).isEmpty();
  }

  @Test
  void poissonAndStudentTAreRegisteredWithTheirSupportAndArgument() {
    Components c = Components.standard();
    assertThat(c.likelihood(LikelihoodsModule.POISSON).support())
        .isEqualTo(LikelihoodFactory.Support.COUNTS);
    assertThat(c.likelihood(LikelihoodsModule.STUDENT_T).support())
        .isEqualTo(LikelihoodFactory.Support.REAL);
    assertThat(c.likelihood(LikelihoodsModule.BERNOULLI).needsUnitInterval()).isTrue();
    LikelihoodFactory t = c.likelihood(LikelihoodsModule.STUDENT_T);
    assertThat(t.head(ComponentSpec.parse("student-t"), 3).rawColumnsPerEventColumn())
        .isEqualTo(3); // location, log-scale, degrees of freedom
    assertThat(t.head(ComponentSpec.parse("student-t:4.5"), 3).rawColumnsPerEventColumn())
        .isEqualTo(2);
    assertThatThrownBy(() -> t.head(ComponentSpec.parse("student-t:0"), 3)).hasMessage(
        "'student-t:0': the degrees of freedom must be a positive number, got '0' (student-t"
            + " learns them)");
    assertThatThrownBy(() -> c.likelihood(LikelihoodsModule.POISSON)
        .head(ComponentSpec.parse("poisson:2"), 3))
        .hasMessage("'poisson:2': poisson takes no argument");
    assertThat(PriorsModule.DESCRIPTIONS.keySet()).containsAll(c.priorNames());
    assertThat(FlowsModule.DESCRIPTIONS.keySet()).containsAll(c.flowNames())
        .contains(FlowsModule.NONE);
  }

  @Test
  void aConvVaeBuildsInFloat32FromTheSameDraws() {
    Injector f64 = vae(CONV);
    Injector f32 = vae(CONV, VaeModule.dtype(DType.FLOAT32));
    Layer e64 = f64.getInstance(Key.get(Layer.class, Encoder.class));
    Layer e32 = f32.getInstance(Key.get(Layer.class, Encoder.class));
    DMatrixRMaj x = Rngs.standardNormal(Rngs.create(9), 2, 16);
    DMatrixRMaj y64 = e64.forward(Tensor.constant(x)).value();
    DMatrixRMaj y32 = e32.forward(Tensor.constant(x, DType.FLOAT32)).to(DType.FLOAT64).value();
    for (int i = 0; i < y64.getNumElements(); i++) {
      assertThat(y32.data[i]).isCloseTo(y64.data[i], org.assertj.core.data.Offset.offset(1e-4));
    }
  }
}
