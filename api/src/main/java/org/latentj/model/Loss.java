package org.latentj.model;

import java.util.List;
import org.latentj.tensor.Tensor;

/**
 * What an objective hands to the engine: the bound per example, for reporting, and the
 * surrogate scalars whose gradients train the parameters. Most objectives have one surrogate,
 * {@code -mean(bound)}, for every parameter; some use different surrogates for the model's and
 * the guide's parameters (DReG). The engine ({@code Svi}) runs the backward passes.
 */
public final class Loss {

  /** Whose parameters a surrogate's gradient goes to. */
  public enum Part { MODEL_AND_GUIDE, MODEL, GUIDE }

  /** A scalar to minimize and whose parameters its gradient trains. */
  public record Surrogate(Tensor value, Part part) {

    public Surrogate {
      if (value.rows() != 1 || value.cols() != 1) {
        throw new IllegalArgumentException("Loss: a surrogate is a scalar, got " + value.shape());
      }
    }
  }

  private final Tensor bound;
  private final double meanBound;
  private final List<Surrogate> surrogates;

  private Loss(Tensor bound, double meanBound, List<Surrogate> surrogates) {
    if (surrogates.isEmpty()) {
      throw new IllegalArgumentException("Loss: needs at least one surrogate");
    }
    this.bound = bound;
    this.meanBound = meanBound;
    this.surrogates = List.copyOf(surrogates);
  }

  /** The usual loss: the surrogate {@code -mean(bound)} trains every parameter. */
  public static Loss negatedMean(Tensor bound) {
    Tensor surrogate = bound.mean().neg();
    return new Loss(bound, -surrogate.item(), List.of(new Surrogate(surrogate,
        Part.MODEL_AND_GUIDE)));
  }

  /** A loss with surrogates of its own; {@code meanBound} is the bound's mean in nats. */
  public static Loss of(Tensor bound, double meanBound,
      List<Surrogate> surrogates) {
    return new Loss(bound, meanBound, surrogates);
  }

  /** The bound per example, {@code n x 1}, in nats. */
  public Tensor bound() {
    return bound;
  }

  /** The mean bound per example in nats (what training reports). */
  public double meanBound() {
    return meanBound;
  }

  /** The surrogates, in the order their backward passes run. */
  public List<Surrogate> surrogates() {
    return surrogates;
  }
}
