package org.latentj.inference.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.distributions.Bijection;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

/**
 * Every flow's exact log-determinant against the determinant of a finite-difference Jacobian,
 * its gradients (in the input and in every parameter) against finite differences, and each
 * invertible flow's inverse against its forward map.
 */
class FlowJacobianTest {

  private static final int D = 3;
  private static final int N = 5;

  static List<FlowCases.Case> cases() {
    return FlowCases.all(D, N);
  }

  static List<FlowCases.Case> invertibleCases() {
    return FlowCases.invertible(D, N);
  }

  private static DMatrixRMaj input() {
    return Rngs.standardNormal(Rngs.create(11), N, D);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void logDeterminantMatchesFiniteDifferenceJacobian(FlowCases.Case c) {
    Bijection t = c.bijection();
    DMatrixRMaj x = input();
    DMatrixRMaj logDet = t.forward(Tensor.constant(x)).logDet().value();
    double h = 1e-6;
    DMatrixRMaj[] jacobians = new DMatrixRMaj[N];
    for (int i = 0; i < N; i++) {
      jacobians[i] = new DMatrixRMaj(D, D);
    }
    for (int j = 0; j < D; j++) {
      DMatrixRMaj plus = x.copy();
      DMatrixRMaj minus = x.copy();
      for (int i = 0; i < N; i++) {
        plus.add(i, j, h);
        minus.add(i, j, -h);
      }
      DMatrixRMaj yPlus = t.forward(Tensor.constant(plus)).value().value();
      DMatrixRMaj yMinus = t.forward(Tensor.constant(minus)).value().value();
      for (int i = 0; i < N; i++) {
        for (int k = 0; k < D; k++) {
          jacobians[i].set(k, j, (yPlus.get(i, k) - yMinus.get(i, k)) / (2 * h));
        }
      }
    }
    for (int i = 0; i < N; i++) {
      double det = CommonOps_DDRM.det(jacobians[i]);
      assertThat(logDet.get(i, 0)).as("%s row %d", c, i)
          .isCloseTo(Math.log(Math.abs(det)), within(1e-6));
    }
    // the maps are not the identity, or the check above would be empty
    DMatrixRMaj y = t.forward(Tensor.constant(x)).value().value();
    assertThat(maxAbsDifference(x, y)).as(c.name()).isGreaterThan(1e-2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forwardGradientsMatchFiniteDifferences(FlowCases.Case c) {
    GradientCheck.standard().check(c + " forward in x",
        in -> both(c.bijection().forward(in[0])), input());
    Tensor x = Tensor.constant(input());
    GradientCheck.standard().checkLeaves(c + " forward in parameters",
        () -> both(c.bijection().forward(x)), FlowCases.leaves(c.flow()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invertibleCases")
  void inverseUndoesForward(FlowCases.Case c) {
    Bijection t = c.bijection();
    DMatrixRMaj x = input();
    Bijection.Mapped there = t.forward(Tensor.constant(x));
    Bijection.Mapped back = t.inverse(there.value());
    assertThat(maxAbsDifference(x, back.value().value())).as(c.name()).isLessThan(1e-9);
    assertThat(maxAbsDifference(there.logDet().value(), back.logDet().neg().value()))
        .as(c.name()).isLessThan(1e-9);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invertibleCases")
  void inverseGradientsMatchFiniteDifferences(FlowCases.Case c) {
    DMatrixRMaj y = c.bijection().forward(Tensor.constant(input())).value().value();
    GradientCheck.standard().check(c + " inverse in y",
        in -> both(c.bijection().inverse(in[0])), y);
    Tensor yt = Tensor.constant(y);
    GradientCheck.standard().checkLeaves(c + " inverse in parameters",
        () -> both(c.bijection().inverse(yt)), FlowCases.leaves(c.flow()));
  }

  private static Tensor both(Bijection.Mapped m) {
    return Tensor.concatColumns(m.value(), m.logDet());
  }

  private static double maxAbsDifference(DMatrixRMaj a, DMatrixRMaj b) {
    double max = 0;
    for (int i = 0; i < a.data.length; i++) {
      max = Math.max(max, Math.abs(a.data[i] - b.data[i]));
    }
    return max;
  }
}
