package org.latentj.examples.reproduction;

/**
 * One evaluation of Figure 2: after {@code examples} training examples, the mean estimator-B
 * bound per example (nats) on the fixed training subset and on the test subset, and the seconds
 * spent training so far (evaluations excluded).
 */
public record AevbCurvePoint(int latentSize, long examples, double trainBound,
    double testBound, double seconds) {}
