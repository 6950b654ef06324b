package org.latentj.inference.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import java.util.function.IntFunction;
import org.latentj.distributions.BernoulliHead;
import org.latentj.distributions.ContinuousBernoulliHead;
import org.latentj.distributions.LaplaceHead;
import org.latentj.distributions.NormalHead;
import org.latentj.distributions.PoissonHead;
import org.latentj.distributions.StudentTHead;
import org.latentj.model.Head;

/** The registry of likelihoods p(x|z) by name; each makes its head. */
public final class LikelihoodsModule extends AbstractModule {

  /** Binary or grey-level pixels, from logits (the AEVB paper's MNIST likelihood). */
  public static final String BERNOULLI = "bernoulli";
  /** Grey levels in [0, 1] with the normalising constant (Loaiza-Ganem &amp; Cunningham 2019). */
  public static final String CONTINUOUS_BERNOULLI = "continuous-bernoulli";
  /** Real data: the decoder outputs a mean and a log-variance per feature (the paper's C.2). */
  public static final String GAUSSIAN = "gaussian";
  /** Real data: the decoder outputs a mean; one learned variance per feature. */
  public static final String GAUSSIAN_LEARNED_VARIANCE = "gaussian-learned-variance";
  /**
   * Data in [0, 1]: the AEVB paper's Frey Face decoder (section 5), mean = sigmoid(output) and a
   * log-variance output per feature.
   */
  public static final String GAUSSIAN_SIGMOID_MEAN = "gaussian-sigmoid-mean";
  /** Data in [0, 1]: mean = sigmoid(output); one learned variance per feature. */
  public static final String GAUSSIAN_SIGMOID_MEAN_LEARNED_VARIANCE =
      "gaussian-sigmoid-mean-learned-variance";
  /** Real data with heavier tails: location and log-scale per feature. */
  public static final String LAPLACE = "laplace";
  /** Counts 0, 1, 2, ...: the decoder outputs a log-rate per feature. */
  public static final String POISSON = "poisson";
  /**
   * Real data with tails as heavy as the data want: location, log-scale and degrees of freedom
   * per feature ({@code student-t}), or a fixed df ({@code student-t:5}).
   */
  public static final String STUDENT_T = "student-t";

  /**
   * One sentence per likelihood saying what its decoder learns, for {@code --help}, in the
   * order they are registered.
   */
  public static final java.util.Map<String, String> DESCRIPTIONS = java.util.Map.of(
      BERNOULLI, "Bernoulli from logits: learns each pixel's probability of being on, given z.",
      CONTINUOUS_BERNOULLI, "Continuous Bernoulli: learns a normalised density on [0, 1] per grey"
          + " level, given z.",
      GAUSSIAN, "Gaussian: learns an unconstrained mean and a variance per pixel, both depending"
          + " on z.",
      GAUSSIAN_LEARNED_VARIANCE, "Gaussian: learns an unconstrained mean that depends on z and"
          + " one variance per pixel that does not (shared by every image, so it moves slowly).",
      GAUSSIAN_SIGMOID_MEAN, "Gaussian, the AEVB paper's Frey Face decoder: learns a mean squashed"
          + " into (0, 1) by a sigmoid and a variance per pixel, both depending on z.",
      GAUSSIAN_SIGMOID_MEAN_LEARNED_VARIANCE, "Gaussian: learns a mean in (0, 1) (sigmoid) that"
          + " depends on z and one variance per pixel that does not.",
      LAPLACE, "Laplace: learns a location and a scale per pixel, both depending on z (heavier"
          + " tails).",
      POISSON, "Poisson: learns a rate per feature, depending on z; the data must be whole"
          + " counts 0, 1, 2, ... (grey-level images: add --binarize fixed or dynamic).",
      STUDENT_T, "Student-t: learns a location, a scale and the degrees of freedom per feature,"
          + " all depending on z (student-t:DF fixes the degrees of freedom at DF).");

  /** Adds the likelihood {@code name} to the registry. */
  public static void register(Binder binder, String name, LikelihoodFactory factory) {
    MapBinder.newMapBinder(binder, String.class, LikelihoodFactory.class)
        .addBinding(ComponentSpec.canonicalName(name)).toInstance(factory);
  }

  @Override
  protected void configure() {
    register(binder(), BERNOULLI, new OnUnitInterval(n -> new BernoulliHead()));
    register(binder(), CONTINUOUS_BERNOULLI, new OnUnitInterval(n -> new ContinuousBernoulliHead()));
    register(binder(), GAUSSIAN, plain(n -> NormalHead.meanAndLogVariance()));
    register(binder(), GAUSSIAN_LEARNED_VARIANCE, plain(NormalHead::learnedVariance));
    register(binder(), GAUSSIAN_SIGMOID_MEAN, plain(n -> NormalHead.sigmoidMeanAndLogVariance()));
    register(binder(), GAUSSIAN_SIGMOID_MEAN_LEARNED_VARIANCE,
        plain(NormalHead::sigmoidMeanLearnedVariance));
    register(binder(), LAPLACE, plain(n -> new LaplaceHead()));
    register(binder(), POISSON, new OnCounts());
    register(binder(), STUDENT_T, LikelihoodsModule::studentT);
  }

  /** {@code student-t}: learned degrees of freedom; {@code student-t:DF}: fixed at DF > 0. */
  private static Head studentT(ComponentSpec spec, int inputSize) {
    if (spec.argument() == null) {
      return StudentTHead.learnedDf();
    }
    double df;
    try {
      df = Double.parseDouble(spec.argument());
    } catch (NumberFormatException e) {
      df = Double.NaN;
    }
    if (!(df > 0) || Double.isInfinite(df)) {
      throw new IllegalArgumentException("'" + spec + "': the degrees of freedom must be a"
          + " positive number, got '" + spec.argument() + "' (student-t learns them)");
    }
    return StudentTHead.fixedDf(df);
  }

  /** Poisson: defined on counts, so the data are checked to be whole and non-negative. */
  private static final class OnCounts implements LikelihoodFactory {
    @Override
    public Head head(ComponentSpec spec, int inputSize) {
      spec.requireNoArgument();
      return PoissonHead.logRate();
    }

    @Override
    public Support support() {
      return Support.COUNTS;
    }
  }

  private static LikelihoodFactory plain(IntFunction<Head> head) {
    return (spec, inputSize) -> {
      spec.requireNoArgument();
      return head.apply(inputSize);
    };
  }

  /** A family defined on [0, 1] only, so the data are checked to lie there. */
  private record OnUnitInterval(IntFunction<Head> head) implements LikelihoodFactory {
    @Override
    public Head head(ComponentSpec spec, int inputSize) {
      spec.requireNoArgument();
      return head.apply(inputSize);
    }

    @Override
    public Support support() {
      return Support.UNIT_INTERVAL;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LikelihoodsModule;
  }

  @Override
  public int hashCode() {
    return LikelihoodsModule.class.hashCode();
  }
}
