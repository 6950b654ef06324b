package org.latentj.model;

import java.util.Map;
import org.latentj.model.handlers.HandlerStack;
import org.latentj.model.handlers.Handlers;
import org.latentj.model.handlers.Plate;
import org.latentj.tensor.Tensor;

/**
 * What a program calls to declare its sites. Each call becomes a message sent through the
 * handlers entered on this thread (see {@link org.latentj.model.handlers.Handler}), which decide
 * its value: drawn in a guide, replayed from the guide in a model, drawn again when generating,
 * fixed by {@code condition} or {@code substitute}. Calling it with no handler entered is an
 * error: programs run inside a run.
 *
 * <pre>{@code
 * public void run(Sites sites, Batch batch) {
 *   Tensor w = sites.sample("w", prior);                 // global: one row
 *   try (Plate data = sites.plate("data", n, batch.examples())) {
 *     sites.observe("y", likelihood.given(w), batch.data());
 *   }
 * }
 * }</pre>
 */
public final class Sites {

  private static final Sites SITES = new Sites();

  private Sites() {}

  /** The program-facing view of this thread's handler stack (it holds no state). */
  public static Sites get() {
    return SITES;
  }

  /** A latent variable named {@code name} with distribution {@code dist}; returns its value. */
  public Tensor sample(String name, Distribution dist) {
    return sample(name, dist, Map.of());
  }

  /**
   * A latent variable with options for objectives (Pyro's {@code infer}), e.g.
   * {@code Map.of("enumerate", "parallel")}.
   */
  public Tensor sample(String name, Distribution dist, Map<String, ?> options) {
    return HandlerStack.send(name, dist, null, false, options).value();
  }

  /**
   * Observed data {@code data} under {@code dist}; returns it. When generating, {@code data} may
   * be null and a value is drawn instead.
   */
  public Tensor observe(String name, Distribution dist, Tensor data) {
    return HandlerStack.send(name, dist, data, true, Map.of()).value();
  }

  /** A plate of {@code size} rows, all of them in this run. */
  public Plate plate(String name, int size) {
    return plate(name, size, size);
  }

  /**
   * A plate of {@code size} rows of which this run sees {@code subsampleSize} (the minibatch's
   * examples, {@link Batch#examples()}); sites inside are scaled by {@code size/subsampleSize}.
   */
  public Plate plate(String name, int size, int subsampleSize) {
    if (!HandlerStack.isActive()) {
      throw new IllegalStateException("plate '" + name + "' is used outside a run: no handler is"
          + " active on this thread");
    }
    return Handlers.plate(name, size, subsampleSize);
  }
}
