package org.latentj.examples.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.guice.ComponentPlugin;
import org.latentj.inference.guice.Guide;
import org.latentj.inference.guice.Model;
import org.latentj.inference.guice.PriorsModule;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.Svi;
import org.latentj.inference.vae.VaeGuide;
import org.latentj.inference.vae.VaeModel;
import org.latentj.model.Program;
import org.latentj.tensor.DType;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Tensor;

/**
 * A VAE wired by {@link VaeModule} from its settings (and any {@link ComponentPlugin} on the
 * class path), with the few things the commands do with it: decode latent codes to the
 * decoder's mean, encode data to the posterior's mean, draw from the prior. Everything here
 * runs with no gradient graph.
 */
final class Vae {

  private final VaeSettings settings;
  private final DType dtype;
  private final Svi svi;
  private final VaeModel model;
  private final VaeGuide guide;

  private Vae(VaeSettings settings, DType dtype, Svi svi, VaeModel model, VaeGuide guide) {
    this.settings = settings;
    this.dtype = dtype;
    this.svi = svi;
    this.model = model;
    this.guide = guide;
  }

  static Vae build(VaeSettings settings) {
    return build(settings, DType.FLOAT64);
  }

  /** The VAE of {@code settings} with parameters, prior and computations in {@code dtype}. */
  static Vae build(VaeSettings settings, DType dtype) {
    List<Module> modules = new ArrayList<>(List.of(new VaeModule(settings),
        VaeModule.dtype(dtype)));
    modules.addAll(ComponentPlugin.discovered());
    Injector injector = Guice.createInjector(modules);
    Program model = injector.getInstance(Key.get(Program.class, Model.class));
    Program guide = injector.getInstance(Key.get(Program.class, Guide.class));
    return new Vae(settings, dtype, injector.getInstance(Svi.class), (VaeModel) model,
        (VaeGuide) guide);
  }

  DType dtype() {
    return dtype;
  }

  VaeSettings settings() {
    return settings;
  }

  Svi svi() {
    return svi;
  }

  Evaluator evaluator() {
    return new Evaluator(model, guide);
  }

  /** The mean of p(x | z) for each row of {@code z}. */
  DMatrixRMaj decodeMeans(DMatrixRMaj z) {
    try (GradMode.Scope off = GradMode.disable()) {
      return model.likelihood().given(Tensor.constant(z, dtype)).mean().to(DType.FLOAT64).value()
          .copy();
    }
  }

  /** The mean of q(z | x) for each row of {@code x}. */
  DMatrixRMaj encodeMeans(DMatrixRMaj x) {
    try (GradMode.Scope off = GradMode.disable()) {
      return guide.posterior().given(Tensor.constant(x, dtype)).mean().to(DType.FLOAT64).value()
          .copy();
    }
  }

  /** The variance of q(z | x) for each row of {@code x}, per latent dimension. */
  DMatrixRMaj encodeVariances(DMatrixRMaj x) {
    try (GradMode.Scope off = GradMode.disable()) {
      return guide.posterior().given(Tensor.constant(x, dtype)).variance().to(DType.FLOAT64)
          .value().copy();
    }
  }

  /** {@code n} draws from the prior p(z). */
  DMatrixRMaj samplePrior(int n, UniformRandomProvider rng) {
    try (GradMode.Scope off = GradMode.disable()) {
      return model.prior().distribution(n).sample(rng).to(DType.FLOAT64).value().copy();
    }
  }

  /** "784-400-20-400-784", the layer sizes of encoder and decoder. */
  String shape() {
    return settings.network().shape();
  }

  /** One line naming everything that defines the model, e.g. for the start of a run. */
  String describe() {
    int particles = settings.objective().particles();
    String prior = settings.prior().toString();
    return "VAE " + shape() + " (" + EnumNames.name(settings.network().activation()) + ", "
        + settings.likelihood() + " likelihood, "
        + (prior.equals(PriorsModule.STANDARD_NORMAL) ? "" : prior + " prior, ")
        + settings.objective().name() + (particles > 1 ? " k=" + particles : "") + ", "
        + settings.optimizer().name() + " lr " + settings.optimizer().learningRate()
        + ", seed " + settings.seed() + ", " + svi.parameters().values().stream()
            .mapToLong(p -> (long) p.rows() * p.cols()).sum() + " parameters"
        + (dtype == DType.FLOAT64 ? "" : ", " + dtype) + ")";
  }
}
