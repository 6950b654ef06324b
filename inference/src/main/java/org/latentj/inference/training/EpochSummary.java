package org.latentj.inference.training;

/**
 * What one epoch did: its mean training bound per example (nats, averaged over the epoch's
 * minibatches as they were seen, while the parameters changed), its duration and throughput.
 */
public record EpochSummary(int epoch, long steps, long examplesSeen, double trainBound,
    double seconds, double examplesPerSecond) {}
