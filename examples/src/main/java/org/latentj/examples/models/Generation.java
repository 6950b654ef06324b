package org.latentj.examples.models;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Batch;
import org.latentj.model.Program;
import org.latentj.model.Trace;
import org.latentj.tensor.GradMode;

/** Drawing from a model with {@link Trace#generate}, for pictures and checks. */
public final class Generation {

  private Generation() {}

  /**
   * Runs {@code model} once in generate mode on {@code batch} (no data; a condition if the model
   * needs one) and returns the mean of the distribution at the observed site {@code site}, e.g.
   * a Bernoulli's pixel probabilities, which make smoother pictures than the binary draw. No
   * gradient graph is recorded.
   */
  public static DMatrixRMaj observedMean(Program model, Batch batch, String site,
      UniformRandomProvider rng) {
    try (GradMode.Scope off = GradMode.disable()) {
      Trace trace = Trace.generate(model, batch, rng);
      Trace.Site s = trace.site(site);
      if (s == null || s.kind() != Trace.Kind.OBSERVED) {
        throw new IllegalArgumentException("Generation: the model has no observed site '" + site
            + "' (sites: " + trace.sites().stream().map(Trace.Site::name).toList() + ")");
      }
      return s.distribution().mean().value().copy();
    }
  }
}
