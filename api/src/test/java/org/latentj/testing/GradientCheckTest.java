package org.latentj.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.latentj.tensor.Rngs;

/** The checker must be able to fail: a function whose backward is wrong is caught. */
class GradientCheckTest {

  @Test
  void catchesAWrongGradient() {
    // x * detach(x) has value x^2 but back-propagates only x, half the true derivative.
    assertThatThrownBy(() -> GradientCheck.standard().check("half-gradient square",
        in -> in[0].mul(in[0].detach()), Matrices.normal(Rngs.create(1), 3, 2)))
        .isInstanceOf(GradientCheck.Mismatch.class)
        .hasMessageContaining("half-gradient square");
  }

  @Test
  void catchesAMissingGradient() {
    assertThatThrownBy(() -> GradientCheck.standard().check("detached",
        in -> in[0].detach().exp().add(in[1]), Matrices.normal(Rngs.create(2), 2, 2),
        Matrices.normal(Rngs.create(3), 2, 2)))
        .isInstanceOf(GradientCheck.Mismatch.class);
  }
}
