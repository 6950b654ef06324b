package org.latentj.examples.models;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.inference.objectives.TraceEnumElbo;
import org.latentj.model.Batch;
import org.latentj.model.Loss;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.tensor.Tensor;

/**
 * The M2 objective of Kingma et al. (2014), equation (9), per data point:
 *
 * <pre>
 * J^alpha / N = (N_u / N) mean_u U(x) + (N_l / N) mean_l L(x, y) + (alpha / N) mean_l log q(y | x)
 * </pre>
 *
 * {@code U} and {@code L} are {@link TraceEnumElbo}'s bound on an unlabelled batch (the label
 * enumerated) and on a labelled one (the label observed). A step sees one kind of batch, so the
 * weights are the kinds' shares of the data set: alternating an unlabelled and a labelled
 * minibatch, the sum of the two steps' surrogates is an unbiased estimate of the paper's
 * {@code -J^alpha / N} however small the labelled set. The classification term trains only q(y|x)
 * on the labels, which the bound alone would not (in L the label is given).
 */
public final class M2Objective implements Objective {

  private final TraceEnumElbo elbo = new TraceEnumElbo();
  private final double unlabelledShare;
  private final double labelledShare;
  private final double alphaPerN;

  /**
   * @param labelled {@code N_l}, labelled examples in the data set
   * @param unlabelled {@code N_u}, unlabelled examples
   * @param alphaPerN {@code alpha / N}: 0.1 in the paper
   */
  public M2Objective(int labelled, int unlabelled, double alphaPerN) {
    if (labelled < 1 || unlabelled < 1 || !(alphaPerN >= 0)) {
      throw new IllegalArgumentException("M2Objective: needs labelled and unlabelled examples"
          + " and alpha / N >= 0, got " + labelled + ", " + unlabelled + ", " + alphaPerN);
    }
    double n = labelled + (double) unlabelled;
    this.unlabelledShare = unlabelled / n;
    this.labelledShare = labelled / n;
    this.alphaPerN = alphaPerN;
  }

  /** U(x) on an unlabelled batch, L(x, y) on a labelled one. */
  @Override
  public Tensor bound(Program model, Program guide, Batch batch, UniformRandomProvider rng) {
    return elbo.bound(model, guide, batch, rng);
  }

  @Override
  public Loss loss(Program model, Program guide, Batch batch, UniformRandomProvider rng) {
    Tensor bound = bound(model, guide, batch, rng);
    double mean = bound.mean().item();
    Tensor objective;
    if (batch.hasCondition()) {
      Tensor logQ = ((M2Guide) guide).classifier().given(batch.data())
          .logProb(batch.condition()).mean();
      objective = bound.mean().mul(labelledShare).add(logQ.mul(alphaPerN));
    } else {
      objective = bound.mean().mul(unlabelledShare);
    }
    return Loss.of(bound, mean, List.of(new Loss.Surrogate(objective.neg(),
        Loss.Part.MODEL_AND_GUIDE)));
  }

  @Override
  public String toString() {
    return "M2Objective(N_l/N=" + labelledShare + ", alpha/N=" + alphaPerN + ")";
  }
}
