package org.latentj.examples.reproduction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.inference.training.Gradients;
import org.latentj.model.Batch;
import org.latentj.model.Loss;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.nn.Parameter;

/**
 * Compares two gradient estimators of the same bound on one fixed minibatch: {@code R}
 * independent estimates with each, by {@code backward} of each objective (the gradient of the
 * negated mean bound), and the moments of the gradients of the encoder's (guide's) and the
 * decoder's (model's) parameters, separately.
 *
 * <p>For the VAE, SGVB estimators A and B differ only in the latent term ({@code log p(z) - log
 * q(z|x)} against {@code -KL(q || p)}); neither depends on the decoder, so their decoder
 * gradients are the same estimator and only the encoder can gain from B.
 */
public final class EstimatorComparison {

  /** The parameter groups compared, in the order of {@link Result}'s arrays. */
  public static final List<String> GROUPS = List.of("encoder", "decoder");

  /**
   * Per group: the traces of the covariance of A's and of B's gradient, the squared distance
   * between their mean gradients, from {@code estimates} estimates each; and the mean bounds.
   */
  public record Result(double[] traceA, double[] traceB, double[] squaredDistance,
      int estimates, double meanBoundA, double meanBoundB) {

    /**
     * {@code ||mean_A - mean_B||^2 / ((tr Cov_A + tr Cov_B) / R)} over the groups in
     * {@code groups}. When both estimators have the same expectation, the numerator's
     * expectation is the denominator, so the ratio is near 1; well above 1 says the means differ
     * by more than their noise.
     */
    public double meanDifferenceRatio(int... groups) {
      double d = 0;
      double noise = 0;
      for (int g : groups) {
        d += squaredDistance[g];
        noise += (traceA[g] + traceB[g]) / estimates;
      }
      return d / noise;
    }

    /** The sum of A's traces over {@code groups}. */
    public double traceA(int... groups) {
      double s = 0;
      for (int g : groups) {
        s += traceA[g];
      }
      return s;
    }

    /** The sum of B's traces over {@code groups}. */
    public double traceB(int... groups) {
      double s = 0;
      for (int g : groups) {
        s += traceB[g];
      }
      return s;
    }
  }

  private final Program model;
  private final Program guide;
  private final List<List<Parameter>> groups;
  private final List<Parameter> all = new ArrayList<>();

  /** Compares estimators for {@code model} and {@code guide}. */
  public EstimatorComparison(Program model, Program guide) {
    this.model = model;
    this.guide = guide;
    this.groups = List.of(list(guide.parameters()), list(model.parameters()));
    groups.forEach(all::addAll);
  }

  private static List<Parameter> list(Map<String, Parameter> parameters) {
    return List.copyOf(parameters.values());
  }

  /**
   * {@code estimates} gradients of {@code a} drawn with {@code rngA} and of {@code b} with
   * {@code rngB}, on {@code batch}; parameters are left with zero gradients and unchanged values.
   */
  public Result compare(Objective a, Objective b, Batch batch, int estimates,
      UniformRandomProvider rngA, UniformRandomProvider rngB) {
    if (estimates < 2) {
      throw new IllegalArgumentException("EstimatorComparison: need at least 2 estimates, got "
          + estimates);
    }
    List<EstimatorGradientMoments> momentsA = moments();
    List<EstimatorGradientMoments> momentsB = moments();
    double boundA = estimate(a, batch, estimates, rngA, momentsA);
    double boundB = estimate(b, batch, estimates, rngB, momentsB);
    int g = groups.size();
    double[] traceA = new double[g];
    double[] traceB = new double[g];
    double[] distance = new double[g];
    for (int i = 0; i < g; i++) {
      traceA[i] = momentsA.get(i).traceOfCovariance();
      traceB[i] = momentsB.get(i).traceOfCovariance();
      distance[i] = momentsA.get(i).squaredDistanceOfMeans(momentsB.get(i));
    }
    return new Result(traceA, traceB, distance, estimates, boundA, boundB);
  }

  private List<EstimatorGradientMoments> moments() {
    return groups.stream().map(EstimatorGradientMoments::new).toList();
  }

  /** Adds {@code n} gradient estimates to {@code moments}; returns the mean of their bounds. */
  private double estimate(Objective objective, Batch batch, int n, UniformRandomProvider rng,
      List<EstimatorGradientMoments> moments) {
    double bounds = 0;
    for (int r = 0; r < n; r++) {
      all.forEach(Parameter::zeroGrad);
      Loss loss = objective.loss(model, guide, batch, rng);
      Gradients.backward(loss, model, guide);
      bounds += loss.meanBound();
      moments.forEach(EstimatorGradientMoments::add);
    }
    all.forEach(Parameter::zeroGrad);
    return bounds / n;
  }
}
