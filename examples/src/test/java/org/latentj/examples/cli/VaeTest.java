package org.latentj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.nn.Activation;
import org.latentj.tensor.ComputeContext;
import org.latentj.tensor.DType;

/** The commands' evaluations (test bounds, importance-sampled log p(x)) run as training did. */
class VaeTest {

  private static final VaeSettings SMALL = VaeSettings.builder().inputSize(6)
      .hiddenSizes(List.of(8)).activation(Activation.TANH).latentSize(2).build();

  @Test
  void theEvaluatorComputesInTheRunsContext() {
    Vae vae = Vae.build(SMALL, DType.FLOAT32);
    assertThat(vae.evaluator().context()).isNull(); // no context of its own: the caller's

    ComputeContext own = ComputeContext.processDefault().withDtype(DType.FLOAT32)
        .withValidation(false);
    vae.svi().inContext(own);
    assertThat(vae.evaluator().context()).isSameAs(own);
  }
}
