package org.latentj.examples.reproduction;

import java.util.List;
import org.latentj.nn.Parameter;

/**
 * The running mean and variance of every element of the gradient of a group of parameters over
 * repeated estimates (Welford's update, numerically stable in one pass):
 *
 * <pre>
 *   n = n + 1;  delta = g - mean;  mean = mean + delta / n;  m2 = m2 + delta * (g - mean)
 * </pre>
 *
 * The unbiased variance of element i is {@code m2_i / (n - 1)}; {@link #traceOfCovariance()} sums
 * it over the elements, the trace of the covariance matrix of the gradient estimator.
 */
public final class EstimatorGradientMoments {

  private final List<Parameter> parameters;
  private final double[] mean;
  private final double[] m2;
  private long count;

  /** Moments of the gradients of {@code parameters}, taken in this order. */
  public EstimatorGradientMoments(List<Parameter> parameters) {
    this.parameters = List.copyOf(parameters);
    long size = 0;
    for (Parameter p : parameters) {
      size += (long) p.rows() * p.cols();
    }
    if (size < 1 || size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("EstimatorGradientMoments: " + size
          + " gradient elements; need between 1 and 2^31 - 9");
    }
    this.mean = new double[(int) size];
    this.m2 = new double[(int) size];
  }

  /** Adds the gradients the parameters hold now as one more estimate. */
  public void add() {
    count++;
    int at = 0;
    for (Parameter p : parameters) {
      double[] g = p.grad().data;
      int n = p.rows() * p.cols();
      for (int i = 0; i < n; i++, at++) {
        double delta = g[i] - mean[at];
        mean[at] += delta / count;
        m2[at] += delta * (g[i] - mean[at]);
      }
    }
  }

  public long count() {
    return count;
  }

  /** The number of gradient elements. */
  public int size() {
    return mean.length;
  }

  /** {@code sum_i m2_i / (n - 1)}: the trace of the estimator's covariance (needs n >= 2). */
  public double traceOfCovariance() {
    requireTwo();
    double s = 0;
    for (double v : m2) {
      s += v;
    }
    return s / (count - 1);
  }

  /** {@code ||mean - other.mean||^2}, the squared distance between the two mean gradients. */
  public double squaredDistanceOfMeans(EstimatorGradientMoments other) {
    if (other.mean.length != mean.length) {
      throw new IllegalArgumentException("EstimatorGradientMoments: " + mean.length + " vs "
          + other.mean.length + " elements");
    }
    double s = 0;
    for (int i = 0; i < mean.length; i++) {
      double d = mean[i] - other.mean[i];
      s += d * d;
    }
    return s;
  }

  /** The mean gradient, element {@code i} in parameter order. */
  public double mean(int i) {
    return mean[i];
  }

  private void requireTwo() {
    if (count < 2) {
      throw new IllegalStateException("EstimatorGradientMoments: a variance needs at least 2"
          + " estimates, have " + count);
    }
  }
}
