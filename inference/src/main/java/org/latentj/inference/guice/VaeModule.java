package org.latentj.inference.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.NormalHead;
import org.latentj.distributions.KlRegistry;
import org.latentj.inference.flows.FlowHead;
import org.latentj.inference.training.Svi;
import org.latentj.inference.vae.VaeGuide;
import org.latentj.inference.vae.VaeModel;
import org.latentj.model.Head;
import org.latentj.model.Likelihood;
import org.latentj.model.Objective;
import org.latentj.model.Optimizer;
import org.latentj.model.Posterior;
import org.latentj.model.Prior;
import org.latentj.model.Program;
import org.latentj.nn.Initializer;
import org.latentj.nn.Layer;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;

/**
 * The whole VAE from a {@link VaeSettings}: prior, encoder and decoder networks, their heads,
 * the model and guide programs, the objective and optimizer (looked up by the settings' names in
 * the registries of {@link ComponentsModule}), and (through {@link TrainingModule}) the
 * {@link org.latentj.inference.training.Svi}.
 *
 * <p>The prior, both heads, the optimizer and the weight initializer (PyTorch's default,
 * U(+-1/sqrt(fan in))) are defaults that a user module replaces with one binding, e.g.
 * a continuous Bernoulli likelihood:
 *
 * <pre>{@code
 * Injector vae = Guice.createInjector(new VaeModule(settings), binder ->
 *     OptionalBinder.newOptionalBinder(binder, Key.get(Head.class, LikelihoodHead.class))
 *         .setBinding().toInstance(new ContinuousBernoulliHead()));
 * }</pre>
 *
 * A new named component (an objective, optimizer, prior, likelihood or network) is one
 * registry entry instead, e.g. {@code ObjectivesModule.register(binder, "my-elbo", ...)}, and
 * the settings then name it. Each network draws its initial weights from its own generator
 * derived from the seed, so wiring order cannot change them.
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
    install(new ComponentsModule());
    install(new TrainingModule());
    bind(VaeSettings.class).toInstance(settings);
    OptionalBinder.newOptionalBinder(binder(), DType.class).setDefault().toInstance(DType.FLOAT64);
    // The defaults a user's binding replaces, each the registered component the settings name.
    Provider<Components> components = getProvider(Components.class);
    Provider<Head> likelihoodHead = () -> likelihoodHead(components.get());
    OptionalBinder.newOptionalBinder(binder(), Key.get(Head.class, LikelihoodHead.class))
        .setDefault().toProvider(likelihoodHead).in(Singleton.class);
    Provider<Head> posteriorHead = () -> posteriorHead(components.get());
    OptionalBinder.newOptionalBinder(binder(), Key.get(Head.class, PosteriorHead.class))
        .setDefault().toProvider(posteriorHead).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), Key.get(DMatrixRMaj.class, TrainingRows.class));
    Provider<PriorInputs> inputs = getProvider(PriorInputs.class);
    Provider<Prior> prior = () -> components.get().prior(settings.prior().name())
        .create(settings.prior(), inputs.get());
    OptionalBinder.newOptionalBinder(binder(), Prior.class)
        .setDefault().toProvider(prior).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), Optimizer.class).setDefault()
        .toProvider(made(binder(), (s, p) -> components.get().optimizer(s.name()).create(s, p)))
        .in(Singleton.class);
    // PyTorch's nn.Linear default, so side-by-side runs start from the same distribution.
    OptionalBinder.newOptionalBinder(binder(), Initializer.class)
        .setDefault().toInstance(Initializer.lecunUniform());
  }

  /**
   * What the prior is built from: the latent size, the model's dtype, the guide's posterior and
   * any {@link TrainingRows}.
   */
  @Provides
  PriorInputs priorInputs(DType dtype, Posterior posterior,
      @TrainingRows Optional<DMatrixRMaj> rows) {
    return new PriorInputs(settings.latentSize(), dtype, posterior, settings.inputSize(),
        rows.orElse(null));
  }

  /** The likelihood's head the settings name. */
  private Head likelihoodHead(Components components) {
    ComponentSpec spec = settings.likelihood();
    return components.likelihood(spec.name()).head(spec, settings.inputSize());
  }

  /**
   * The posterior's head: the diagonal Normal's, or the settings' flow on it, amortized (the
   * encoder outputs d context columns after the mean and log-variance). The flow's initial
   * parameters come from their own stream of the seed, so wiring order cannot change them.
   */
  private Head posteriorHead(Components components) {
    ComponentSpec spec = settings.flow();
    if (spec.name().equals(FlowsModule.NONE)) {
      spec.requireNoArgument();
      return NormalHead.meanAndLogVariance();
    }
    int d = settings.latentSize();
    return new FlowHead(components.flow(spec.name()).create(spec, d, d,
        Rngs.derive(settings.seed(), "flow")));
  }

  /**
   * The optimizer {@code factory} makes from the settings over every parameter of model and
   * guide: the registered one the settings name, or a user's ({@link #optimizer}).
   */
  private static Provider<Optimizer> made(Binder binder, OptimizerFactory factory) {
    Provider<VaeSettings> settings = binder.getProvider(VaeSettings.class);
    Provider<Program> model = binder.getProvider(Key.get(Program.class, Model.class));
    Provider<Program> guide = binder.getProvider(Key.get(Program.class, Guide.class));
    return () -> factory.create(settings.get().optimizer(),
        Svi.parametersOf(model.get(), guide.get()));
  }

  @Provides
  @Singleton
  @Encoder
  Layer encoder(Components components, @PosteriorHead Head head, Initializer init,
      DType dtype) {
    NetworkSettings n = settings.network();
    return components.network(n.type()).create(n, NetworkFactory.Role.ENCODER,
        head.rawColumns(n.latentSize()), init, Rngs.derive(settings.seed(), "encoder"), dtype);
  }

  @Provides
  @Singleton
  @Decoder
  Layer decoder(Components components, @LikelihoodHead Head head, Initializer init,
      DType dtype) {
    NetworkSettings n = settings.network();
    return components.network(n.type()).create(n, NetworkFactory.Role.DECODER,
        head.rawColumns(n.inputSize()), init, Rngs.derive(settings.seed(), "decoder"), dtype);
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

  @Provides
  @Singleton
  Objective objective(Components components, KlRegistry kl) {
    return components.objective(settings.objective().name()).create(settings.objective(), kl);
  }

  /** A module that sets the VAE's dtype (the default is {@link DType#FLOAT64}). */
  public static com.google.inject.Module dtype(DType dtype) {
    if (dtype == null) {
      throw new IllegalArgumentException("VaeModule.dtype: dtype is null");
    }
    return binder -> OptionalBinder.newOptionalBinder(binder, DType.class).setBinding()
        .toInstance(dtype);
  }

  /**
   * A module that gives the prior factory training rows to start data-shaped parameters at (a
   * VampPrior's pseudo-inputs). Without it they start at 0, as suits a model whose trained
   * parameters are about to be restored from a checkpoint.
   */
  public static com.google.inject.Module trainingRows(DMatrixRMaj rows) {
    if (rows == null) {
      throw new IllegalArgumentException("VaeModule.trainingRows: rows is null");
    }
    return binder -> OptionalBinder.newOptionalBinder(binder,
        Key.get(DMatrixRMaj.class, TrainingRows.class)).setBinding().toInstance(rows);
  }

  /**
   * A module that trains with the optimizer {@code factory} makes (from the settings'
   * {@link OptimizerSettings}) instead of the registered one the settings name: for an optimizer
   * with choices of its own, e.g. {@code VaeModule.optimizer((s, p) ->
   * Adagrad.builder().learningRate(s.learningRate()).weightDecay(1e-4).build(p))}.
   */
  public static com.google.inject.Module optimizer(OptimizerFactory factory) {
    if (factory == null) {
      throw new IllegalArgumentException("VaeModule.optimizer: factory is null");
    }
    return binder -> OptionalBinder.newOptionalBinder(binder, Optimizer.class).setBinding()
        .toProvider(made(binder, factory)).in(Singleton.class);
  }

  @Override
  public String toString() {
    return "VaeModule(" + settings + ")";
  }
}
