package org.latentj.inference.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.latentj.inference.training.DivergenceGuard;
import org.latentj.inference.training.Svi;
import org.latentj.model.Objective;
import org.latentj.model.Optimizer;
import org.latentj.model.Program;

/**
 * The optimizer over every parameter of the {@link Model} and {@link Guide} programs, and the
 * {@link Svi} that steps them, with a {@link DivergenceGuard} so a run that turns NaN stops
 * with a message instead of training on garbage.
 */
public final class OptimizersModule extends AbstractModule {

  private final OptimizerKind kind;
  private final double learningRate;

  public OptimizersModule(OptimizerKind kind, double learningRate) {
    this.kind = kind;
    this.learningRate = learningRate;
  }

  @Provides
  @Singleton
  Optimizer optimizer(@Model Program model, @Guide Program guide) {
    return kind.create(learningRate, Svi.parametersOf(model, guide));
  }

  @Provides
  @Singleton
  Svi svi(@Model Program model, @Guide Program guide, Objective objective,
      Optimizer optimizer) {
    return new Svi(model, guide, objective, optimizer).addGradientHook(new DivergenceGuard());
  }
}
