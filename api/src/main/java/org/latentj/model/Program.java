package org.latentj.model;

import org.latentj.nn.Module;

/**
 * A model or a guide: a program that declares its latent variables with {@code sites.sample}
 * and its data with {@code sites.observe}. What those calls return is decided by the handlers
 * the engine runs it under (see {@link Trace} and {@link org.latentj.model.handlers.Handler}).
 * It owns the parameters it uses (a {@link Module}), so an optimizer can be built from
 * {@code parameters()}.
 *
 * <pre>{@code
 * // the VAE's model:  z ~ p(z),  x ~ p(x | z)
 * public void run(Sites sites, Batch batch) {
 *   Tensor z = sites.sample("z", prior.distribution(batch.size()));
 *   sites.observe("x", likelihood.given(z), batch.data());
 * }
 * }</pre>
 */
public abstract class Program extends Module {

  /** Runs this program once on {@code batch}, declaring its sites through {@code sites}. */
  public abstract void run(Sites sites, Batch batch);
}
