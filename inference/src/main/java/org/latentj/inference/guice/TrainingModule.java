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
 * The {@link Svi} that steps the {@link Model} and {@link Guide} programs with the bound
 * objective and optimizer, with a {@link DivergenceGuard} so a run that turns NaN stops with a
 * message instead of training on garbage.
 */
public final class TrainingModule extends AbstractModule {

  @Provides
  @Singleton
  Svi svi(@Model Program model, @Guide Program guide, Objective objective,
      Optimizer optimizer) {
    return new Svi(model, guide, objective, optimizer).addGradientHook(new DivergenceGuard());
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
