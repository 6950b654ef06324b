package org.latentj.inference.guice;

import org.latentj.model.Head;

/**
 * Makes the head that turns the decoder's raw output into p(x|z); bound by name with
 * {@link LikelihoodsModule#register(com.google.inject.Binder, String, LikelihoodFactory)}.
 */
@FunctionalInterface
public interface LikelihoodFactory {

  /** A fresh head for data of {@code inputSize} columns. */
  Head head(ComponentSpec spec, int inputSize);

  /** Whether the family is defined only for data in [0, 1] (Bernoulli's kind). */
  default boolean needsUnitInterval() {
    return false;
  }
}
