package org.latentj.inference.flows;

import org.latentj.tensor.Tensor;

/** The one check of a flow's context: present exactly when expected, of the expected width. */
final class FlowContext {

  private FlowContext() {}

  static void check(Object flow, int contextSize, Tensor context) {
    if (contextSize == 0 && context != null) {
      throw new IllegalArgumentException(flow + ": takes no context but was given "
          + context.shape());
    }
    if (contextSize > 0 && context == null) {
      throw new IllegalArgumentException(flow + ": needs a context of " + contextSize
          + " columns per row (an amortized flow) but was given none");
    }
    if (context != null && context.cols() != contextSize) {
      throw new IllegalArgumentException(flow + ": context is " + context.shape()
          + " but the flow reads " + contextSize + " columns per row");
    }
  }
}
