package org.latentj.inference.optim;

/**
 * An optimizer step that also checks the gradients and zeroes them, in one pass over the
 * parameters where the algorithm can (Adam and AdamW do: each chunk of a parameter is checked,
 * updated and zeroed while it is in cache), instead of three (the divergence scan, the update,
 * and the next step's zeroing). {@link org.latentj.inference.training.Svi} uses it when its only
 * gradient hooks are divergence guards.
 */
public interface FusedStep {

  /** A gradient element that is NaN or infinite: the parameter's name, position and value. */
  record NonFinite(String parameter, int row, int column, double value) {}

  /**
   * One step, as {@code step()}, over gradients that are all finite, after which every gradient
   * is zero. Returns null after such a step; otherwise the first non-finite gradient element in
   * the optimizer's parameter order, and the step is not counted. An optimizer that fuses the
   * check may by then have updated (and zeroed) the part of the parameters before that
   * element; one that does not has updated nothing.
   */
  NonFinite stepIfFiniteThenZeroGrad();
}
