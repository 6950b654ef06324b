package org.latentj.inference.training;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.latentj.model.Loss;
import org.latentj.nn.Module;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;

/**
 * The one place gradients are made: runs a {@link Loss}'s backward passes and leaves in each
 * parameter of model and guide the gradient of the surrogates that train it,
 *
 * <pre>grad(p) = sum over surrogates s whose part includes p of d s / d p</pre>
 *
 * A loss with one surrogate for every parameter is one backward pass. With several, each pass
 * starts from zeroed gradients and keeps only what goes to its own part (a guide surrogate's
 * pass also reaches the model's parameters, and that must not count).
 */
public final class Gradients {

  private Gradients() {}

  /**
   * Accumulates the gradients of {@code loss} into the parameters of {@code model} and
   * {@code guide} (whose gradients are expected to be zero; modified).
   */
  public static void backward(Loss loss, Module model, Module guide) {
    var surrogates = loss.surrogates();
    if (surrogates.size() == 1 && surrogates.get(0).part() == Loss.Part.MODEL_AND_GUIDE) {
      surrogates.get(0).value().backward();
      return;
    }
    // The two trees' parameters, listed once per step rather than once per surrogate.
    Collection<Parameter> modelParams = model.parameters().values();
    Collection<Parameter> guideParams = guide.parameters().values();
    // Each parameter's running sum in its own dtype: a DMatrixRMaj or an FMatrixRMaj.
    Map<Parameter, Object> kept = new IdentityHashMap<>();
    for (int i = 0; i < surrogates.size(); i++) {
      if (i > 0) {
        model.zeroGrad();
        guide.zeroGrad();
      }
      Loss.Surrogate s = surrogates.get(i);
      s.value().backward();
      for (Parameter p : trained(s.part(), modelParams, guideParams)) {
        Object sum = kept.get(p);
        if (p.dtype() == DType.FLOAT64) {
          if (sum == null) {
            kept.put(p, p.grad().copy());
          } else {
            CommonOps_DDRM.addEquals((DMatrixRMaj) sum, p.grad());
          }
        } else if (sum == null) {
          kept.put(p, p.gradF().copy());
        } else {
          CommonOps_FDRM.addEquals((FMatrixRMaj) sum, p.gradF());
        }
      }
    }
    for (Collection<Parameter> params : List.of(modelParams, guideParams)) {
      for (Parameter p : params) {
        Object sum = kept.get(p);
        if (sum == null) {
          p.zeroGrad();
        } else if (sum instanceof DMatrixRMaj d) {
          p.grad().setTo(d);
        } else {
          p.gradF().setTo((FMatrixRMaj) sum);
        }
      }
    }
  }

  /** The parameters {@code part} trains: the model's, the guide's, or both (model first). */
  private static Iterable<Parameter> trained(Loss.Part part, Collection<Parameter> model,
      Collection<Parameter> guide) {
    return switch (part) {
      case MODEL -> model;
      case GUIDE -> guide;
      case MODEL_AND_GUIDE -> () -> Stream.concat(model.stream(), guide.stream()).iterator();
    };
  }
}
