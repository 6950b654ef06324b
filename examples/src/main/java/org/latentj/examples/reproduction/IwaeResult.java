package org.latentj.examples.reproduction;

/**
 * One trained configuration and seed of the IWAE table; bounds in nats per test image.
 *
 * @param testElbo the ELBO (one sample, analytic KL) on the test images
 * @param testLogPx the importance-sampled log p(x) with {@code evalK} samples per image
 * @param activeUnits latents with {@code Var_x E_q[z_u | x] > 0.01} on the test images
 */
record IwaeResult(String config, long seed, int epochs, double trainSeconds,
    double evalSeconds, double testElbo, double testLogPx, int evalK, int evalImages,
    int activeUnits) {}
