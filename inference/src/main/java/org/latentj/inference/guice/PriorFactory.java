package org.latentj.inference.guice;

import org.latentj.model.Prior;

/**
 * Makes a prior p(z) from its spec ({@code standard-normal}, {@code mog:10}: the binding parses
 * the argument); bound by name with
 * {@link PriorsModule#register(com.google.inject.Binder, String, PriorFactory)}.
 */
@FunctionalInterface
public interface PriorFactory {

  /**
   * A prior over {@code inputs.latentSize()} dimensions in {@code inputs.dtype()}; a prior
   * defined through the guide (the VampPrior) reads the encoder and training rows there too.
   *
   * @throws IllegalArgumentException when the spec's argument does not suit this prior
   */
  Prior create(ComponentSpec spec, PriorInputs inputs);

  /**
   * Whether this prior starts parameters at training rows ({@link PriorInputs#trainingRows()}),
   * so a caller with data at hand should bind them ({@link VaeModule#trainingRows}); a caller
   * that restores a checkpoint need not.
   */
  default boolean needsTrainingRows() {
    return false;
  }
}
