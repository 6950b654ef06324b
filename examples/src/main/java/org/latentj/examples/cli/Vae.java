package org.latentj.examples.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.CreationException;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.guice.ComponentPlugin;
import org.latentj.inference.guice.FlowsModule;
import org.latentj.inference.guice.Guide;
import org.latentj.inference.guice.Model;
import org.latentj.inference.guice.PriorsModule;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.Svi;
import org.latentj.inference.vae.VaeGuide;
import org.latentj.inference.vae.VaeModel;
import org.latentj.distributions.StudentT;
import org.latentj.model.Distribution;
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

  /**
   * The VAE of {@code settings} with parameters, prior and computations in {@code dtype}, whose
   * trained parameters are to come from a checkpoint (a VampPrior's pseudo-inputs start at 0).
   */
  static Vae build(VaeSettings settings, DType dtype) {
    return build(settings, dtype, null);
  }

  /**
   * As {@link #build(VaeSettings, DType)}, data-shaped parameters (a VampPrior's pseudo-inputs)
   * starting at rows of {@code trainingRows} when it is not null.
   *
   * @throws IllegalArgumentException with the component's own message when the settings name
   *     a component that cannot be built (not Guice's report around it)
   */
  static Vae build(VaeSettings settings, DType dtype, DMatrixRMaj trainingRows) {
    List<Module> modules = new ArrayList<>(List.of(new VaeModule(settings),
        VaeModule.dtype(dtype)));
    if (trainingRows != null) {
      modules.add(VaeModule.trainingRows(trainingRows));
    }
    modules.addAll(ComponentPlugin.discovered());
    try {
      Injector injector = Guice.createInjector(modules);
      Program model = injector.getInstance(Key.get(Program.class, Model.class));
      Program guide = injector.getInstance(Key.get(Program.class, Guide.class));
      return new Vae(settings, dtype, injector.getInstance(Svi.class), (VaeModel) model,
          (VaeGuide) guide);
    } catch (ProvisionException | CreationException e) {
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        if (c instanceof IllegalArgumentException bad) {
          throw new IllegalArgumentException(bad.getMessage(), e);
        }
      }
      throw e;
    }
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

  /** An evaluator of this model that computes in the run's context, as its steps do. */
  Evaluator evaluator() {
    return new Evaluator(model, guide).inContext(svi.context());
  }

  /**
   * The mean of p(x | z) for each row of {@code z}. A Student-t's mean is undefined where its
   * degrees of freedom are at most 1, so there, and for every pixel of its pictures, its
   * location (the median, equal to the mean wherever that exists) stands in.
   */
  DMatrixRMaj decodeMeans(DMatrixRMaj z) {
    try (GradMode.Scope off = GradMode.disable()) {
      Distribution p = model.likelihood().given(Tensor.constant(z, dtype));
      Tensor mean = p instanceof StudentT t ? t.loc() : p.mean();
      return mean.to(DType.FLOAT64).value().copy();
    }
  }

  /**
   * The mean of q(z | x) for each row of {@code x}. A flow posterior has no closed-form mean, so
   * it is the average of {@value PosteriorMoments#DRAWS} draws ({@link PosteriorMoments}).
   */
  DMatrixRMaj encodeMeans(DMatrixRMaj x) {
    try (GradMode.Scope off = GradMode.disable()) {
      return moments(x).mean();
    }
  }

  /**
   * The variance of q(z | x) for each row of {@code x}, per latent dimension; for a flow
   * posterior the variance of the draws {@link #encodeMeans} averages.
   */
  DMatrixRMaj encodeVariances(DMatrixRMaj x) {
    try (GradMode.Scope off = GradMode.disable()) {
      return moments(x).variance();
    }
  }

  private PosteriorMoments moments(DMatrixRMaj x) {
    return PosteriorMoments.of(guide.posterior().given(Tensor.constant(x, dtype)),
        settings.seed());
  }

  /** {@code n} draws from the prior p(z). */
  DMatrixRMaj samplePrior(int n, UniformRandomProvider rng) {
    try (GradMode.Scope off = GradMode.disable()) {
      return model.prior().distribution(n).sample(rng).to(DType.FLOAT64).value().copy();
    }
  }

  /** Whether q(z|x) is a flow on the diagonal Normal, whose moments have no closed form. */
  boolean hasFlow() {
    return !settings.flow().name().equals(FlowsModule.NONE);
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
        + (hasFlow() ? settings.flow() + " flow posterior, " : "")
        + settings.objective().name() + (particles > 1 ? " k=" + particles : "") + ", "
        + settings.optimizer().name() + " lr " + settings.optimizer().learningRate()
        + ", seed " + settings.seed() + ", " + svi.parameters().values().stream()
            .mapToLong(p -> (long) p.rows() * p.cols()).sum() + " parameters"
        + (dtype == DType.FLOAT64 ? "" : ", " + dtype) + ")";
  }
}
