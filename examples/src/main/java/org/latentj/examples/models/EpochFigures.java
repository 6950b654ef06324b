package org.latentj.examples.models;

/**
 * One epoch of an example run, in nats per example: the training bound (averaged over the
 * epoch's minibatches as they were seen) and the test ELBO after the epoch.
 */
public record EpochFigures(int epoch, double trainBound, double testElbo, double seconds) {}
