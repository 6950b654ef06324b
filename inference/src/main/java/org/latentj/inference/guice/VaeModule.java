package org.latentj.inference.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import org.latentj.distributions.NormalHead;
import org.latentj.inference.priors.StandardNormalPrior;
import org.latentj.inference.vae.VaeGuide;
import org.latentj.inference.vae.VaeModel;
import org.latentj.model.Head;
import org.latentj.model.Likelihood;
import org.latentj.model.Posterior;
import org.latentj.model.Prior;
import org.latentj.model.Program;
import org.latentj.nn.Initializer;
import org.latentj.nn.Layer;
import org.latentj.nn.Mlp;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;

/**
 * The whole VAE from a {@link VaeSettings}: prior, encoder and decoder networks, their heads,
 * the model and guide programs, and (by installing {@link ObjectivesModule} and
 * {@link OptimizersModule}) the objective, optimizer and {@link org.latentj.inference.training.Svi}.
 *
 * <p>The prior, both heads and the weight initializer (PyTorch's default, U(+-1/sqrt(fan in)))
 * are defaults that a user module replaces with one binding, e.g.
 * a continuous Bernoulli likelihood:
 *
 * <pre>{@code
 * Injector vae = Guice.createInjector(new VaeModule(settings), binder ->
 *     OptionalBinder.newOptionalBinder(binder, Key.get(Head.class, LikelihoodHead.class))
 *         .setBinding().toInstance(new ContinuousBernoulliHead()));
 * }</pre>
 *
 * (or {@code Modules.override(new VaeModule(settings)).with(...)}). Each network draws its
 * initial weights from its own generator derived from the seed, so wiring order cannot change
 * them.
 *
 * <p>The model's {@link DType} is a default binding too, float64 unless a module such as
 * {@link #dtype(DType)} sets it: {@code Guice.createInjector(new VaeModule(settings),
 * VaeModule.dtype(DType.FLOAT32))} builds the networks, heads and prior in float32 (from the same
 * initial draws, rounded); feed it float32 batches ({@code MinibatchData.inDtype}).
 */
public final class VaeModule extends AbstractModule {

  private final VaeSettings settings;

  public VaeModule(VaeSettings settings) {
    this.settings = settings;
  }

  @Override
  protected void configure() {
    bind(VaeSettings.class).toInstance(settings);
    OptionalBinder.newOptionalBinder(binder(), DType.class).setDefault().toInstance(DType.FLOAT64);
    OptionalBinder.newOptionalBinder(binder(), Key.get(Head.class, LikelihoodHead.class))
        .setDefault().toInstance(settings.likelihood().head(settings.inputSize()));
    OptionalBinder.newOptionalBinder(binder(), Key.get(Head.class, PosteriorHead.class))
        .setDefault().toInstance(NormalHead.meanAndLogVariance());
    OptionalBinder.newOptionalBinder(binder(), Prior.class)
        .setDefault().toProvider(DefaultPrior.class).in(Singleton.class);
    // PyTorch's nn.Linear default, so side-by-side runs start from the same distribution.
    OptionalBinder.newOptionalBinder(binder(), Initializer.class)
        .setDefault().toInstance(Initializer.lecunUniform());
    install(new ObjectivesModule(settings.objective(), settings.particles()));
    install(new OptimizersModule(settings.optimizer(), settings.learningRate()));
  }

  @Provides
  @Singleton
  @Encoder
  Layer encoder(@PosteriorHead Head head, Initializer init, DType dtype) {
    return new Mlp(settings.encoderSizes(head.rawColumns(settings.latentSize())),
        settings.activation(), init, Rngs.derive(settings.seed(), "encoder"), dtype);
  }

  @Provides
  @Singleton
  @Decoder
  Layer decoder(@LikelihoodHead Head head, Initializer init, DType dtype) {
    return new Mlp(settings.decoderSizes(head.rawColumns(settings.inputSize())),
        settings.activation(), init, Rngs.derive(settings.seed(), "decoder"), dtype);
  }

  @Provides
  @Singleton
  Likelihood likelihood(@Decoder Layer decoder, @LikelihoodHead Head head, DType dtype) {
    head.convertTo(dtype); // a head's own parameters, e.g. a learned variance
    return new Likelihood(decoder, head);
  }

  @Provides
  @Singleton
  Posterior posterior(@Encoder Layer encoder, @PosteriorHead Head head, DType dtype) {
    head.convertTo(dtype);
    return new Posterior(encoder, head);
  }

  @Provides
  @Singleton
  @Model
  Program model(Prior prior, Likelihood likelihood) {
    return new VaeModel(prior, likelihood);
  }

  @Provides
  @Singleton
  @Guide
  Program guide(Posterior posterior) {
    return new VaeGuide(posterior);
  }

  /** A module that sets the VAE's dtype (the default is {@link DType#FLOAT64}). */
  public static com.google.inject.Module dtype(DType dtype) {
    if (dtype == null) {
      throw new IllegalArgumentException("VaeModule.dtype: dtype is null");
    }
    return binder -> OptionalBinder.newOptionalBinder(binder, DType.class).setBinding()
        .toInstance(dtype);
  }

  /** {@code N(0, I)} over the latent size, in the model's dtype. */
  static final class DefaultPrior implements Provider<Prior> {
    private final VaeSettings settings;
    private final DType dtype;

    @Inject
    DefaultPrior(VaeSettings settings, DType dtype) {
      this.settings = settings;
      this.dtype = dtype;
    }

    @Override
    public Prior get() {
      return new StandardNormalPrior(settings.latentSize(), dtype);
    }
  }

  @Override
  public String toString() {
    return "VaeModule(" + settings + ")";
  }
}
