package org.latentj.spark;

import java.io.Serializable;

/**
 * What one partition sends back for a step: how many of the minibatch's examples it holds, the
 * sum of their bounds, the sum of their gradients (null when it holds none) and how long the
 * task computed.
 */
final class PartialGradient implements Serializable {

  private static final long serialVersionUID = 1L;

  final int partition;
  final int examples;
  final double boundSum;
  final double[] gradientSum;
  final long computeNanos;

  PartialGradient(int partition, int examples, double boundSum, double[] gradientSum,
      long computeNanos) {
    this.partition = partition;
    this.examples = examples;
    this.boundSum = boundSum;
    this.gradientSum = gradientSum;
    this.computeNanos = computeNanos;
  }
}
