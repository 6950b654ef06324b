package org.latentj.inference.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import org.junit.jupiter.api.Test;
import org.latentj.inference.optim.Adagrad;
import org.latentj.inference.optim.Sgd;
import org.latentj.inference.priors.StandardNormalPrior;
import org.latentj.inference.training.Svi;
import org.latentj.model.Prior;

/** The registries: names in binding order, lookups that name the choices, defaults a user swaps. */
class ComponentsTest {

  private static final VaeSettings SMALL = VaeModuleTest.SMALL;

  @Test
  void theLibraryRegistersItsComponentsByName() {
    Components c = Components.standard();
    assertThat(c.objectiveNames()).containsExactly("elbo", "analytic-kl", "iwae", "iwae-dreg");
    assertThat(c.optimizerNames()).containsExactly("adam", "adamw", "adagrad", "rmsprop", "sgd");
    assertThat(c.priorNames()).containsExactly("standard-normal", "mog", "vamp", "flow");
    assertThat(c.likelihoodNames()).containsExactly("bernoulli", "continuous-bernoulli",
        "gaussian", "gaussian-learned-variance", "gaussian-sigmoid-mean",
        "gaussian-sigmoid-mean-learned-variance", "laplace", "poisson", "student-t");
    assertThat(c.networkNames()).containsExactly("mlp", "conv");
    assertThat(c.flowNames()).containsExactly("planar", "radial", "iaf", "realnvp");
    assertThat(c.likelihood("bernoulli").needsUnitInterval()).isTrue();
    assertThat(c.likelihood("GAUSSIAN").needsUnitInterval()).isFalse();
    assertThat(c.optimizer("adam").stateBuffers()).isEqualTo(2);
    assertThat(c.optimizer("sgd").stateBuffers()).isEqualTo(1);
  }

  @Test
  void anUnknownNameIsRefusedListingTheRegisteredOnes() {
    assertThatThrownBy(() -> Components.standard().objective("elbow"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no objective named 'elbow'; the registered ones are elbo, analytic-kl,"
            + " iwae, iwae-dreg");
    Injector vae = Guice.createInjector(new VaeModule(
        SMALL.toBuilder().optimizer("lbfgs").build()));
    assertThatThrownBy(() -> vae.getInstance(Svi.class)).isInstanceOf(ProvisionException.class)
        .hasMessageContaining("no optimizer named 'lbfgs'; the registered ones are adam,");
  }

  @Test
  void thePriorIsTheOneTheSettingsName() {
    Prior prior = Guice.createInjector(new VaeModule(SMALL)).getInstance(Prior.class);
    assertThat(prior).isInstanceOf(StandardNormalPrior.class);
    Injector withArgument = Guice.createInjector(new VaeModule(
        SMALL.toBuilder().prior("standard-normal:3").build()));
    assertThatThrownBy(() -> withArgument.getInstance(Prior.class))
        .hasMessageContaining("'standard-normal:3': standard-normal takes no argument");
  }

  @Test
  void theSettingsNameTheOptimizerAndOneModuleReplacesIt() {
    Svi named = Guice.createInjector(new VaeModule(SMALL.toBuilder().optimizer("sgd").build()))
        .getInstance(Svi.class);
    assertThat(named.optimizer()).isInstanceOf(Sgd.class);
    // No Modules.override: the optimizer is an OptionalBinder default.
    Svi own = Guice.createInjector(new VaeModule(SMALL), VaeModule.optimizer((s, p) ->
        Adagrad.builder().learningRate(s.learningRate() / 2).build(p))).getInstance(Svi.class);
    assertThat(own.optimizer()).isInstanceOf(Adagrad.class);
    assertThat(own.optimizer().learningRate()).isEqualTo(0.005);
  }

  @Test
  void theRegistriesMayBeInstalledTwice() {
    Injector twice = Guice.createInjector(new VaeModule(SMALL), new ComponentsModule(),
        new ObjectivesModule());
    assertThat(twice.getInstance(Components.class).objectiveNames()).hasSize(4);
  }

  @Test
  void learnedPriorsAreBuiltByName() {
    Prior mog = Guice.createInjector(new VaeModule(SMALL.toBuilder().prior("mog:4").build()))
        .getInstance(Prior.class);
    assertThat(mog).hasToString("MixturePrior(4 components, " + SMALL.latentSize() + ")");
    Prior flow = Guice.createInjector(new VaeModule(SMALL.toBuilder().prior("flow:2").build()))
        .getInstance(Prior.class);
    assertThat(flow).isInstanceOf(org.latentj.inference.priors.FlowPrior.class);
    assertThatThrownBy(() -> Guice.createInjector(new VaeModule(SMALL.toBuilder().prior("mog")
        .build())).getInstance(Prior.class))
        .hasMessageContaining("'mog': mog needs a positive integer argument, e.g. mog:10");
  }
}
