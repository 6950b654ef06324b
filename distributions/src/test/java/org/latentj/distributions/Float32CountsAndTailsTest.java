package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.DtypeCheck;
import org.latentj.testing.Matrices;

/**
 * The families the CLI offers beyond Float32DistributionTest's (Poisson and Student-t
 * likelihoods, the mixture a mog or vamp prior draws from) on float32 tensors, against float64
 * on the same inputs: they read values and build constants in float64, so they must meet their
 * tensors in the tensors' own dtype.
 */
class Float32CountsAndTailsTest {

  private final UniformRandomProvider rng = Rngs.create(21);

  private static DMatrixRMaj counts(UniformRandomProvider g, int rows, int cols) {
    DMatrixRMaj k = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < k.getNumElements(); i++) {
      k.data[i] = g.nextInt(6);
    }
    return k;
  }

  @Test
  void poissonAndStudentTAgreeWithFloat64() {
    DtypeCheck check = DtypeCheck.standard();
    DMatrixRMaj k = counts(rng, 4, 3);
    check.check("PoissonHead logProb", in -> PoissonHead.logRate().distribution(in[0])
        .logProb(Tensor.constant(k, in[0].dtype())), Matrices.normal(rng, 4, 3));
    check.check("StudentT learned df logProb", in -> StudentTHead.learnedDf()
        .distribution(in[0]).logProb(in[1]), Matrices.normal(rng, 4, 9),
        Matrices.normal(rng, 4, 3));
    check.check("StudentT fixed df variance", in -> StudentTHead.fixedDf(5).distribution(in[0])
        .variance(), Matrices.normal(rng, 4, 6));
  }

  @Test
  void drawsTakeTheFamilysDtype() {
    Tensor logRate = Tensor.constant(Matrices.normal(rng, 3, 4), DType.FLOAT32);
    assertThat(Poisson.ofLogRate(logRate).sample(Rngs.create(1)).dtype())
        .isEqualTo(DType.FLOAT32);
    Tensor raw = Tensor.constant(Matrices.normal(rng, 3, 8), DType.FLOAT32);
    assertThat(StudentTHead.fixedDf(3).distribution(raw).sample(Rngs.create(1)).dtype())
        .isEqualTo(DType.FLOAT32);
    MixtureOfDiagonalNormals mixture = MixtureOfDiagonalNormals.of(
        Tensor.zeros(1, 2, DType.FLOAT32), Tensor.constant(Matrices.normal(rng, 2, 3),
            DType.FLOAT32), Tensor.zeros(2, 3, DType.FLOAT32), 5);
    Tensor z = mixture.sample(Rngs.create(2));
    assertThat(z.dtype()).isEqualTo(DType.FLOAT32);
    assertThat(z.rows()).isEqualTo(5);
  }
}
