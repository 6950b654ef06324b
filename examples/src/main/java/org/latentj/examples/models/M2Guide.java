package org.latentj.examples.models;

import java.util.Objects;
import org.latentj.inference.objectives.TraceEnumElbo;
import org.latentj.model.Batch;
import org.latentj.model.Posterior;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.tensor.Tensor;

/**
 * The inference model of M2 (Kingma et al. 2014, equation (4)): a classifier q(y | x) and
 * q(z | x, y) = N(mu, diag sigma^2)(MLP([x, y])). On an unlabelled batch site "y" is drawn from
 * the classifier and marked for parallel enumeration, so {@link TraceEnumElbo} sums the bound
 * over the classes weighted by q(y | x) (the paper's U(x), equation (7)); on a labelled batch the
 * guide samples only "z", given the batch's labels (L(x, y), equation (6)).
 */
public final class M2Guide extends Program {

  private final Posterior classifier;
  private final Posterior encoder;
  private final int classes;

  /**
   * @param classifier q(y | x), a categorical over {@code classes}
   * @param encoder q(z | [x, y]): its network takes {@code inputSize + classes} columns
   */
  public M2Guide(Posterior classifier, Posterior encoder, int classes) {
    this.classifier = register("classifier", Objects.requireNonNull(classifier, "classifier"));
    this.encoder = register("encoder", Objects.requireNonNull(encoder, "encoder"));
    this.classes = classes;
  }

  @Override
  public void run(Sites sites, Batch batch) {
    Tensor x = batch.data();
    Tensor y = batch.hasCondition()
        ? ConditionalVaeModel.condition("M2Guide", batch, classes)
        : sites.sample(M2Model.LABEL, classifier.given(x), TraceEnumElbo.PARALLEL);
    sites.sample(ConditionalVaeModel.LATENT, encoder.given(Tensor.concatColumns(x, y)));
  }

  /** q(y | x). */
  public Posterior classifier() {
    return classifier;
  }

  @Override
  public String toString() {
    return "M2Guide(y ~ " + classifier + ", z ~ " + encoder + " of [x, y])";
  }
}
