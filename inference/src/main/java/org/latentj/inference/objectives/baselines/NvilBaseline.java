package org.latentj.inference.objectives.baselines;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Batch;
import org.latentj.nn.Layer;
import org.latentj.nn.Module;
import org.latentj.tensor.Tensor;

/**
 * The learned, input-dependent baseline of NVIL (Mnih &amp; Gregor 2014, sections 3.1-3.3). For
 * each score-function site the learning signal is
 *
 * <pre>
 * signal = (C - c - b(x)) / max(1, sqrt(v))
 * </pre>
 *
 * where {@code c} is a running mean of the cost (the paper's constant baseline), {@code b(x)} a
 * small network of the example's data with one output column per site, trained to minimize
 * {@code mean_rows (C - c - b(x))^2}, and {@code v} a running estimate of the variance of
 * {@code C - c - b(x)} (the paper's variance normalization; dividing is optional because it
 * rescales the gradient, so with it the estimator is no longer unbiased, only better scaled).
 * {@code b(x)} depends on x and not on the draws, so without normalization the estimator is
 * unbiased. The running averages are updated after they are used.
 *
 * <p>The network's parameters must be trained with the guide's: register this baseline in the
 * guide ({@code register("baseline", nvil)}), which puts them in {@code Svi}'s optimizer and in
 * checkpoints; {@code TraceGraphElbo} checks that it is so.
 */
public final class NvilBaseline extends Module implements Baseline {

  private final Layer network;
  private final List<String> sites;
  private final boolean normalize;
  private final RunningMoments cost;
  private final RunningMoments residual;

  /**
   * @param network maps a row of data to one number per site, in the order of {@code sites}
   * @param sites the names of the score-function sites it serves
   * @param beta the decay of the running mean and variance, e.g. 0.9
   * @param normalize whether to divide by the running standard deviation (biased; see above)
   */
  public NvilBaseline(Layer network, List<String> sites, double beta, boolean normalize) {
    this.network = register("network", network);
    this.sites = List.copyOf(sites);
    this.normalize = normalize;
    this.cost = new RunningMoments(beta);
    this.residual = new RunningMoments(beta);
  }

  @Override
  public Signal signal(String site, Batch batch, DMatrixRMaj c) {
    double mean = cost.mean(site);
    DMatrixRMaj target = RunningMoments.shifted(c, -mean);
    Tensor b = predict(site, batch.data());
    Tensor loss = squaredError(b, target);
    DMatrixRMaj centred = target.copy();
    for (int i = 0; i < centred.getNumElements(); i++) {
      centred.data[i] -= b.value().data[i];
    }
    double scale = normalize ? Math.max(1, Math.sqrt(residual.variance(site))) : 1;
    residual.update(site, centred);
    cost.update(site, c);
    if (scale != 1) {
      for (int i = 0; i < centred.getNumElements(); i++) {
        centred.data[i] /= scale;
      }
    }
    return new Signal(centred, loss);
  }

  /** True: each signal updates the running moments. */
  @Override
  public boolean stateful() {
    return true;
  }

  /** {@code b(x)} for {@code site}: {@code rows x 1}, differentiable in the network. */
  public Tensor predict(String site, Tensor data) {
    int column = sites.indexOf(site);
    if (column < 0) {
      throw new IllegalArgumentException("NvilBaseline: no output for site '" + site
          + "' (it serves " + sites + ")");
    }
    return network.forward(data).columns(column, column + 1);
  }

  /** {@code mean_rows (b - target)^2}: what trains the network. */
  static Tensor squaredError(Tensor b, DMatrixRMaj target) {
    return b.sub(Tensor.constant(target)).square().mean();
  }

  @Override
  public String toString() {
    return "NvilBaseline(sites=" + sites + ", beta=" + cost.beta() + ", normalize=" + normalize
        + ")";
  }
}
