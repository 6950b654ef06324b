package org.latentj.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.testing.Matrices;

/** {@link Workspace}: reuse from the second step on, the same numbers, dead tensors refused. */
class WorkspaceTest {

  private final FMatrixRMaj xValue = Storage.narrow(Matrices.normal(Rngs.create(1), 6, 5));
  private final Tensor w = Tensor.variable(Storage.narrow(Matrices.normal(Rngs.create(2), 5, 4)));
  private final Tensor b = Tensor.variable(Storage.narrow(Matrices.normal(Rngs.create(3), 1, 4)));

  /** A small layer's step: forward, backward into the parameters {@code w} and {@code b}. */
  private float step() {
    Tensor x = Tensor.constant(xValue);
    Tensor loss = x.affine(w, b).relu().square().sum();
    loss.backward();
    return (float) loss.item();
  }

  @Test
  void secondStepAllocatesNothingAndGivesTheSameNumbers() {
    float outside = step();
    FMatrixRMaj gradOutside = w.gradF().copy();
    w.zeroGrad();
    b.zeroGrad();
    Workspace ws = new Workspace();
    float first;
    try (Workspace in = ws.enter()) {
      first = step();
    }
    long afterFirst = ws.allocations();
    assertThat(afterFirst).isPositive();
    w.zeroGrad();
    b.zeroGrad();
    float second;
    try (Workspace in = ws.enter()) {
      second = step();
    }
    assertThat(ws.allocations()).isEqualTo(afterFirst);
    assertThat(first).isEqualTo(outside);
    assertThat(second).isEqualTo(outside);
    // The parameters' gradients are their own, never a workspace's.
    assertThat(w.gradF().data).containsExactly(gradOutside.data);
  }

  @Test
  void aTensorFromAnEndedStepRefusesToBeRead() {
    Workspace ws = new Workspace();
    Tensor y;
    try (Workspace in = ws.enter()) {
      y = Tensor.constant(xValue).exp();
      assertThat(y.valueF().get(0, 0)).isEqualTo((float) Math.exp(xValue.get(0, 0)));
    }
    assertThatThrownBy(y::valueF).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("valueF()").hasMessageContaining("exp")
        .hasMessageContaining("Workspace step that has ended");
    assertThatThrownBy(y::detach).hasMessageContaining("detach()");
    // Leaves made inside stay valid: their storage is the caller's.
    Tensor leaf;
    try (Workspace in = ws.enter()) {
      leaf = Tensor.constant(xValue);
    }
    assertThat(leaf.valueF()).isSameAs(xValue);
  }

  @Test
  void aShapeChangeReplacesBuffersAndEnteringTwiceIsRefused() {
    Workspace ws = new Workspace();
    try (Workspace in = ws.enter()) {
      Tensor.constant(xValue).exp();
    }
    try (Workspace in = ws.enter()) {
      Tensor y = Tensor.zeros(2, 3, DType.FLOAT32).exp();
      assertThat(y.valueF().get(1, 2)).isEqualTo(1.0f);
      assertThatThrownBy(ws::enter).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already entered");
    }
    assertThat(ws.allocations()).isEqualTo(2);
    assertThatThrownBy(ws::close).hasMessageContaining("not entered");
    assertThat(Workspace.current()).isNull();
  }
}
