package org.latentj.inference.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import java.util.Map;
import org.latentj.inference.optim.Adagrad;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.optim.AdamW;
import org.latentj.inference.optim.RmsProp;
import org.latentj.inference.optim.Sgd;
import org.latentj.model.Optimizer;
import org.latentj.nn.Parameter;

/**
 * The registry of optimizers by name, holding the library's five with their usual defaults
 * besides the learning rate (SGD with momentum 0.9). A user's optimizer is one more entry:
 * {@code OptimizersModule.register(binder, "lion", (s, params) -> ...)}.
 */
public final class OptimizersModule extends AbstractModule {

  public static final String ADAM = "adam";
  public static final String ADAMW = "adamw";
  public static final String ADAGRAD = "adagrad";
  public static final String RMSPROP = "rmsprop";
  public static final String SGD = "sgd";

  /** Adds the optimizer {@code name} to the registry. */
  public static void register(Binder binder, String name, OptimizerFactory factory) {
    MapBinder.newMapBinder(binder, String.class, OptimizerFactory.class)
        .addBinding(ComponentSpec.canonicalName(name)).toInstance(factory);
  }

  @Override
  protected void configure() {
    register(binder(), ADAM, new TwoMoments(
        (s, p) -> Adam.builder().learningRate(s.learningRate()).build(p)));
    register(binder(), ADAMW, new TwoMoments(
        (s, p) -> AdamW.builder().learningRate(s.learningRate()).build(p)));
    register(binder(), ADAGRAD, (s, p) -> Adagrad.builder().learningRate(s.learningRate())
        .build(p));
    register(binder(), RMSPROP, (s, p) -> RmsProp.builder().learningRate(s.learningRate())
        .build(p));
    register(binder(), SGD, (s, p) -> Sgd.builder().learningRate(s.learningRate())
        .momentum(0.9).build(p));
  }

  /** An Adam-family optimizer: two buffers of state per parameter element. */
  private record TwoMoments(OptimizerFactory factory) implements OptimizerFactory {
    @Override
    public Optimizer create(OptimizerSettings settings, Map<String, Parameter> parameters) {
      return factory.create(settings, parameters);
    }

    @Override
    public int stateBuffers() {
      return 2;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OptimizersModule;
  }

  @Override
  public int hashCode() {
    return OptimizersModule.class.hashCode();
  }
}
