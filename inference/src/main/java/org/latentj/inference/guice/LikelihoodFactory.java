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

  /** The values a family scores: what the data must hold before training on them. */
  enum Support {
    /** Any finite number (Gaussian, Laplace, Student-t). */
    REAL,
    /** Numbers in [0, 1] (Bernoulli's kind). */
    UNIT_INTERVAL,
    /** Whole numbers 0, 1, 2, ... (Poisson). */
    COUNTS
  }

  /** The values this family is defined for; {@link Support#REAL} unless it says otherwise. */
  default Support support() {
    return Support.REAL;
  }

  /** Whether the family is defined only for data in [0, 1] (Bernoulli's kind). */
  default boolean needsUnitInterval() {
    return support() == Support.UNIT_INTERVAL;
  }
}
