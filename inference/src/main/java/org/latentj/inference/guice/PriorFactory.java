package org.latentj.inference.guice;

import org.latentj.model.Prior;
import org.latentj.tensor.DType;

/**
 * Makes a prior p(z) from its spec ({@code standard-normal}, {@code mog:10}: the binding parses
 * the argument); bound by name with
 * {@link PriorsModule#register(com.google.inject.Binder, String, PriorFactory)}.
 */
@FunctionalInterface
public interface PriorFactory {

  /**
   * A prior over {@code latentSize} dimensions in {@code dtype}.
   *
   * @throws IllegalArgumentException when the spec's argument does not suit this prior
   */
  Prior create(ComponentSpec spec, int latentSize, DType dtype);
}
