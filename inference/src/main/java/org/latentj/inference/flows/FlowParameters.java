package org.latentj.inference.flows;

import org.latentj.nn.Linear;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Tensor;

/**
 * A flow layer's raw parameters: either one global row ({@code 1 x width}, learned directly) or,
 * for an amortized layer, a linear map of the context ({@code n x width} per batch). Built by
 * {@link FlowLayer#parameters}.
 */
final class FlowParameters {

  private final Parameter global;
  private final Linear fromContext;

  FlowParameters(Parameter global, Linear fromContext) {
    this.global = global;
    this.fromContext = fromContext;
  }

  /** The raw numbers: {@code 1 x width} or, from the context, {@code n x width}. */
  Tensor raw(Tensor context) {
    return fromContext == null ? global.tensor() : fromContext.forward(context);
  }
}
