package org.latentj.inference.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import java.util.Optional;
import org.latentj.inference.training.DivergenceGuard;
import org.latentj.inference.training.Svi;
import org.latentj.model.Objective;
import org.latentj.model.Optimizer;
import org.latentj.model.Program;
import org.latentj.tensor.ComputeContext;

/**
 * The {@link Svi} that steps the {@link Model} and {@link Guide} programs with the bound
 * objective and optimizer, with a {@link DivergenceGuard} so a run that turns NaN stops with a
 * message instead of training on garbage. A bound {@link ComputeContext} ({@link #context})
 * is the run's own kernel, dtype and validation; without one the run uses its caller's.
 */
public final class TrainingModule extends AbstractModule {

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), ComputeContext.class);
  }

  /** A module that gives the run {@code context}. */
  public static com.google.inject.Module context(ComputeContext context) {
    if (context == null) {
      throw new IllegalArgumentException("TrainingModule.context: context is null");
    }
    return binder -> OptionalBinder.newOptionalBinder(binder, ComputeContext.class)
        .setBinding().toInstance(context);
  }

  @Provides
  @Singleton
  Svi svi(@Model Program model, @Guide Program guide, Objective objective,
      Optimizer optimizer, Optional<ComputeContext> context) {
    return new Svi(model, guide, objective, optimizer).addGradientHook(new DivergenceGuard())
        .inContext(context.orElse(null));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingModule;
  }

  @Override
  public int hashCode() {
    return TrainingModule.class.hashCode();
  }
}
