package org.latentj.tensor;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A generator per row of a site, so that row i's draws depend only on what row i is (which
 * example, which particle) and not on which other rows share the batch. A distribution draws
 * row i with {@link Rngs#row(UniformRandomProvider, int)}, which gives the row's stream here and
 * the generator itself for an ordinary one, so one sampling loop serves both.
 *
 * <p>Drawing from the flat stream (not row by row) would tie a row's noise to the batch it sits
 * in; implementations refuse it with a message naming the site.
 */
public interface RowStreams extends UniformRandomProvider {

  /** The generator of row {@code row} (the same object on every call for one row). */
  UniformRandomProvider row(int row);
}
