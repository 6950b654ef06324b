package org.latentj.examples.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.examples.cli.Latentj;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.training.Svi;
import org.latentj.model.Batch;
import org.latentj.model.Objective;
import org.latentj.nn.Activation;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import picocli.CommandLine;

/**
 * The worked example of docs/architecture.md: {@link BetaElbo} plus the one binding of
 * {@link BetaElboPlugin} is all it takes for settings, injector, command line and provenance to
 * know the objective {@code beta-elbo}.
 */
class AddingAnObjectiveTest {

  private static final VaeSettings SETTINGS = VaeSettings.builder().inputSize(6)
      .hiddenSizes(List.of(8)).activation(Activation.TANH).latentSize(2)
      .objective(BetaElboPlugin.NAME).build();

  private static double bound(Svi svi, Objective objective) {
    DMatrixRMaj x = new DMatrixRMaj(5, 6);
    var rng = Rngs.create(3);
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] = rng.nextDouble() < 0.5 ? 1 : 0;
    }
    return objective.loss(svi.model(), svi.guide(), Batch.of(Tensor.constant(x)),
        Rngs.create(11)).meanBound();
  }

  @Test
  void theSettingsNameItAndTheInjectorBuildsIt() {
    Injector injector = Guice.createInjector(new VaeModule(SETTINGS), new BetaElboPlugin());
    Svi svi = injector.getInstance(Svi.class);
    assertThat(svi.objective()).isInstanceOf(BetaElbo.class);
    // The bound is linear in beta, and beta = 1 is the ELBO: with the same noise, beta = 4
    // sits three (estimated) KL terms below it.
    double elbo = bound(svi, new Elbo(1));
    double beta2 = bound(svi, new BetaElbo(1, 2));
    assertThat(bound(svi, new BetaElbo(1, 1))).isCloseTo(elbo, within(1e-12));
    assertThat(bound(svi, svi.objective())).isCloseTo(elbo + 3 * (beta2 - elbo),
        within(1e-9));
    assertThat(beta2).isLessThan(elbo);
  }

  @Test
  void theCommandLineListsTrainsAndRecordsIt(@TempDir Path dir) throws Exception {
    StringWriter help = new StringWriter();
    CommandLine cl = Latentj.commandLine();
    cl.setOut(new PrintWriter(help, true));
    assertThat(cl.execute("train", "--help")).isZero();
    assertThat(help.toString()).contains("iwae-dreg, beta-elbo");

    Path run = dir.resolve("run");
    CommandLine train = Latentj.commandLine();
    train.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(train.execute("train", "--objective", "beta-elbo", "--epochs", "1", "--hidden",
        "8", "--latent", "2", "--limit", "100", "--validation", "0", "--eval-k", "0", "--out",
        run.toString())).isZero();
    JsonNode provenance = new ObjectMapper().readTree(CheckpointStore.load(
        run.resolve("checkpoint.safetensors")).provenance().toJson());
    assertThat(provenance.at("/components/vae/objective/name").asText()).isEqualTo("beta-elbo");
    assertThat(provenance.at("/components/objective").asText())
        .isEqualTo("BetaElbo(particles=1, beta=4.0)");
  }
}
