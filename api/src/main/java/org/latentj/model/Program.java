package org.latentj.model;

import org.latentj.nn.Module;

/**
 * A model or a guide: a program over a {@link Trace} that calls {@code trace.sample} for latent
 * variables and {@code trace.observe} for data. It owns the parameters it uses (a
 * {@link Module}), so an optimizer can be built from {@code parameters()}.
 *
 * <pre>{@code
 * // the VAE's model:  z ~ p(z),  x ~ p(x | z)
 * public void run(Trace trace, Batch batch) {
 *   Tensor z = trace.sample("z", prior.distribution(batch.size()));
 *   trace.observe("x", likelihood.given(z), batch.data());
 * }
 * }</pre>
 */
public abstract class Program extends Module {

  /** Runs this program once on {@code batch}, recording its sites in {@code trace}. */
  public abstract void run(Trace trace, Batch batch);
}
