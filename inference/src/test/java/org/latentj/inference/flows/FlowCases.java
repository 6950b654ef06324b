package org.latentj.inference.flows;

import java.util.List;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.Bijection;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * The flows every test runs on: each kind, global and amortized, with its parameters pushed well
 * away from their near-identity start so that the checks test a real non-linear map.
 */
final class FlowCases {

  static final int CONTEXT = 4;

  /** A named flow and its context (null for a global flow). */
  record Case(String name, Flow flow, Tensor context) {
    Bijection bijection() {
      return flow.bijection(context);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private FlowCases() {}

  /** Every kind over {@code size} columns for {@code rows} rows. */
  static List<Case> all(int size, int rows) {
    return List.of(
        global("planar", size, rows, r -> Flows.planar(size, 2, 0, r)),
        amortized("planar|x", size, rows, r -> Flows.planar(size, 2, CONTEXT, r)),
        global("radial", size, rows, r -> Flows.radial(size, 2, 0, r)),
        amortized("radial|x", size, rows, r -> Flows.radial(size, 2, CONTEXT, r)),
        global("iaf", size, rows, r -> Flows.iaf(size, 2, 6, 0, r)),
        amortized("iaf|x", size, rows, r -> Flows.iaf(size, 2, 6, CONTEXT, r)),
        global("realnvp", size, rows, r -> Flows.realNvp(size, 2, new int[] {5}, 0, r)),
        amortized("realnvp|x", size, rows,
            r -> Flows.realNvp(size, 2, new int[] {5}, CONTEXT, r)));
  }

  /** The cases whose bijection has an inverse. */
  static List<Case> invertible(int size, int rows) {
    return all(size, rows).stream().filter(c -> c.bijection().hasInverse()).toList();
  }

  private static Case global(String name, int size, int rows,
      Function<UniformRandomProvider, Flow> build) {
    return new Case(name, perturbed(build.apply(Rngs.create(name.hashCode()))), null);
  }

  private static Case amortized(String name, int size, int rows,
      Function<UniformRandomProvider, Flow> build) {
    UniformRandomProvider rng = Rngs.create(name.hashCode());
    Flow flow = perturbed(build.apply(rng));
    return new Case(name, flow, Tensor.constant(Rngs.standardNormal(rng, rows, CONTEXT)));
  }

  /** Adds N(0, 0.5^2) to every parameter (the scales of couplings stay near 1). */
  static Flow perturbed(Flow flow) {
    UniformRandomProvider rng = Rngs.create(7);
    for (Parameter p : flow.parameters().values()) {
      DMatrixRMaj v = p.value();
      DMatrixRMaj noise = Rngs.standardNormal(rng, v.numRows, v.numCols);
      for (int i = 0; i < v.data.length; i++) {
        v.data[i] += 0.5 * noise.data[i];
      }
    }
    return flow;
  }

  /** The flow's parameters as graph leaves. */
  static List<Tensor> leaves(Flow flow) {
    return flow.parameters().values().stream().map(Parameter::tensor).toList();
  }
}
