package org.latentj.inference.guice;

import java.util.Map;
import org.latentj.model.Optimizer;
import org.latentj.nn.Parameter;

/**
 * Makes an optimizer over parameters from its settings; bound by name with
 * {@link OptimizersModule#register(com.google.inject.Binder, String, OptimizerFactory)}.
 */
@FunctionalInterface
public interface OptimizerFactory {

  /** A fresh optimizer over {@code parameters}. */
  Optimizer create(OptimizerSettings settings, Map<String, Parameter> parameters);

  /** Buffers of state per parameter element (Adam's two moments: 2), for memory estimates. */
  default int stateBuffers() {
    return 1;
  }
}
