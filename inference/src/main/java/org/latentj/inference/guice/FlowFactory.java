package org.latentj.inference.guice;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.inference.flows.Flow;

/**
 * Makes the normalizing flow of an amortized posterior {@code q(z|x) = T_h(N(mu(x), sigma^2(x)))}
 * from its spec ({@code iaf:4}: the binding parses the argument); bound by name with
 * {@link FlowsModule#register(com.google.inject.Binder, String, FlowFactory)}.
 */
@FunctionalInterface
public interface FlowFactory {

  /**
   * A flow over {@code latentSize} columns reading {@code contextSize} context columns that the
   * encoder outputs beside the base Normal's mean and log-variance.
   *
   * @param rng draws the flow's initial parameters
   * @throws IllegalArgumentException when the spec's argument does not suit this flow
   */
  Flow create(ComponentSpec spec, int latentSize, int contextSize, UniformRandomProvider rng);
}
