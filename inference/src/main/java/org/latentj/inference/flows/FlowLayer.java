package org.latentj.inference.flows;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.Bijection;
import org.latentj.nn.Initializer;
import org.latentj.nn.Linear;
import org.latentj.nn.Module;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Tensor;

/**
 * One step of a normalizing flow: a module whose parameters (and, when {@link #contextSize()}
 * is positive, a per-row context such as an encoder's output) define a {@link Bijection} of
 * {@link #size()} columns.
 */
public abstract class FlowLayer extends Module {

  /** The spread of initial raw parameters: small, so a new layer is nearly the identity. */
  public static final double INITIAL_SD = 0.01;

  private final String kind;
  private final int size;
  private final int contextSize;

  protected FlowLayer(String kind, int size, int contextSize) {
    if (size < 1) {
      throw new IllegalArgumentException(kind + ": size must be positive, got " + size);
    }
    if (contextSize < 0) {
      throw new IllegalArgumentException(kind + ": contextSize must be >= 0, got "
          + contextSize);
    }
    this.kind = kind;
    this.size = size;
    this.contextSize = contextSize;
  }

  /** The number of columns it maps. */
  public final int size() {
    return size;
  }

  /** The context columns it reads per row; 0 for a flow with global parameters only. */
  public final int contextSize() {
    return contextSize;
  }

  /**
   * The bijection for {@code context} ({@code n x contextSize()}), or for no context (null) when
   * {@link #contextSize()} is 0.
   */
  public final Bijection bijection(Tensor context) {
    FlowContext.check(this, contextSize, context);
    return build(context);
  }

  /**
   * Registers {@code width} raw parameters per row under {@code name}: a global {@code 1 x width}
   * row, or for an amortized layer a linear map of the context. Both start near zero (standard
   * deviation {@value #INITIAL_SD}), so a new layer is nearly the identity and training starts
   * from the base distribution.
   */
  protected final FlowParameters parameters(String name, int width, UniformRandomProvider rng) {
    if (contextSize == 0) {
      DMatrixRMaj value = new DMatrixRMaj(1, width);
      Initializer.normal(INITIAL_SD).fill(value, rng);
      return new FlowParameters(register(new Parameter(name, value)), null);
    }
    return new FlowParameters(null,
        register(name, new Linear(contextSize, width, Initializer.normal(INITIAL_SD), rng)));
  }

  /** The bijection, with {@code context} already checked. */
  protected abstract Bijection build(Tensor context);

  /** {@code Kind(size[, context c])}. */
  @Override
  public String toString() {
    return kind + "(" + size + (contextSize == 0 ? "" : ", context " + contextSize) + ")";
  }
}
