package org.latentj.examples.reproduction;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.guice.Decoder;
import org.latentj.inference.guice.Guide;
import org.latentj.inference.guice.LikelihoodsModule;
import org.latentj.inference.guice.Model;
import org.latentj.inference.guice.ObjectivesModule;
import org.latentj.inference.guice.OptimizersModule;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.optim.IwaeStages;
import org.latentj.inference.training.Svi;
import org.latentj.model.Program;
import org.latentj.nn.Activation;
import org.latentj.nn.Layer;
import org.latentj.nn.Linear;
import org.latentj.nn.Parameter;
import org.latentj.nn.Sequential;

/**
 * The one-stochastic-layer network of Burda, Grosse &amp; Salakhutdinov 2015 (section 5):
 * {@code x -> 200 tanh -> 200 tanh -> N(50)} and {@code z -> 200 tanh -> 200 tanh ->
 * Bernoulli logits}, from {@link VaeModule}, with the paper's two departures from its defaults
 * composed here: the decoder's output bias starts at the logit of each pixel's training mean
 * (clamped to [1e-3, 1 - 1e-3]), and Adam has eps 1e-4 (beta1 0.9, beta2 0.999).
 *
 * @param outputBiasName the output bias's name in the model's parameters
 */
record IwaeNetwork(Program model, Program guide, Svi svi, Parameter outputBias,
    String outputBiasName) {

  static final int HIDDEN = 200;
  static final int LATENT = 50;
  static final double ADAM_EPS = 1e-4;
  static final double MEAN_CLAMP = 1e-3;

  /** The settings of {@code config} for images of {@code inputSize} pixels. */
  static VaeSettings settings(IwaeConfig config, int inputSize, long seed) {
    return VaeSettings.builder().inputSize(inputSize)
        .hiddenSizes(List.of(HIDDEN, HIDDEN)).activation(Activation.TANH)
        .latentSize(LATENT).likelihood(LikelihoodsModule.BERNOULLI)
        .objective(config.objective(), config.particles())
        .optimizer(OptimizersModule.ADAM, IwaeStages.standard().stageRate(0)).seed(seed).build();
  }

  /** The network of {@code config}, its output bias set from {@code pixelMeans} (1 x d). */
  static IwaeNetwork build(IwaeConfig config, DMatrixRMaj pixelMeans, long seed) {
    VaeSettings settings = settings(config, pixelMeans.numCols, seed);
    Injector injector = Guice.createInjector(new VaeModule(settings),
        VaeModule.optimizer((s, parameters) -> Adam.builder().learningRate(s.learningRate())
            .beta1(0.9).beta2(0.999).eps(ADAM_EPS).build(parameters)));
    Program model = injector.getInstance(Key.get(Program.class, Model.class));
    Program guide = injector.getInstance(Key.get(Program.class, Guide.class));
    Layer decoder = injector.getInstance(Key.get(Layer.class, Decoder.class));
    Parameter bias = outputBias(decoder);
    setToLogits(bias.value(), pixelMeans);
    Svi svi = injector.getInstance(Svi.class);
    return new IwaeNetwork(model, guide, svi, bias, nameOf(svi.parameters(), bias));
  }

  /** The bias of the decoder's last {@link Linear}: the logits' offset. */
  static Parameter outputBias(Layer decoder) {
    if (decoder instanceof Sequential s) {
      List<Layer> layers = s.layers();
      if (layers.get(layers.size() - 1) instanceof Linear last) {
        return last.bias();
      }
    }
    throw new IllegalStateException("IwaeNetwork: the decoder " + decoder
        + " does not end in a Linear layer");
  }

  /**
   * {@code bias_j = logit(clamp(mean_j, 1e-3, 1 - 1e-3))}, so the untrained decoder already
   * predicts each pixel's marginal (Modified: bias).
   */
  static void setToLogits(DMatrixRMaj bias, DMatrixRMaj pixelMeans) {
    if (bias.getNumElements() != pixelMeans.getNumElements()) {
      throw new IllegalArgumentException("IwaeNetwork: the output bias has "
          + bias.getNumElements() + " entries but there are " + pixelMeans.getNumElements()
          + " pixel means");
    }
    for (int j = 0; j < bias.data.length; j++) {
      double p = Math.min(1 - MEAN_CLAMP, Math.max(MEAN_CLAMP, pixelMeans.data[j]));
      bias.data[j] = Math.log(p / (1 - p));
    }
  }

  private static String nameOf(Map<String, Parameter> parameters, Parameter p) {
    for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
      if (e.getValue() == p) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("IwaeNetwork: the output bias is not among the trained"
        + " parameters " + parameters.keySet());
  }
}
