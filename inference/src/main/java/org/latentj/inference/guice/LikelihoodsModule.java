package org.latentj.inference.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import java.util.function.IntFunction;
import org.latentj.distributions.BernoulliHead;
import org.latentj.distributions.ContinuousBernoulliHead;
import org.latentj.distributions.LaplaceHead;
import org.latentj.distributions.NormalHead;
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
  /** Real data with heavier tails: location and log-scale per feature. */
  public static final String LAPLACE = "laplace";

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
    register(binder(), LAPLACE, plain(n -> new LaplaceHead()));
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
    public boolean needsUnitInterval() {
      return true;
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
