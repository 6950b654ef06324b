package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.model.Distribution;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.DtypeCheck;
import org.latentj.testing.Matrices;

/**
 * The families a VAE uses (Normal, StandardNormal, Bernoulli), their heads and their closed-form
 * KLs, on float32 tensors, against float64 on the same inputs with {@link DtypeCheck#standard()}
 * (values within 1e-5, gradients within 1e-4, relative with a floor of 1). Draws are made in
 * float64 and rounded, so one seed draws the same noise in both dtypes.
 */
class Float32DistributionTest {

  private static final KlRegistry KL = KlRegistry.standard();
  private final UniformRandomProvider rng = Rngs.create(20);

  private DMatrixRMaj normal(int rows, int cols) {
    return Matrices.normal(rng, rows, cols);
  }

  @Test
  void normalAgreesWithFloat64() {
    DtypeCheck check = DtypeCheck.standard();
    check.check("Normal.logProb", in -> Normal.ofLogVariance(in[0], in[1]).logProb(in[2]),
        normal(4, 3), normal(4, 3), normal(4, 3));
    check.check("Normal.ofScale logProb", in -> Normal.ofScale(in[0], in[1].exp()).logProb(in[2]),
        normal(4, 3), normal(1, 3), normal(4, 3));
    check.check("Normal.entropy", in -> Normal.ofLogVariance(in[0], in[1]).entropy(),
        normal(4, 3), normal(4, 3));
    check.check("Normal.rsample", in -> Normal.ofLogVariance(in[0], in[1])
        .rsample(Rngs.create(5)), normal(4, 3), normal(4, 3));
    check.check("KL(Normal || StandardNormal)", in -> KL.kl(Normal.ofLogVariance(in[0], in[1]),
        StandardNormal.of(4, 3, in[0].dtype())), normal(4, 3), normal(4, 3));
    check.check("KL(Normal || Normal)", in -> KL.kl(Normal.ofLogVariance(in[0], in[1]),
        Normal.ofLogVariance(in[2], in[3])), normal(4, 3), normal(4, 3), normal(4, 3),
        normal(1, 3));
    check.check("NormalHead", in -> NormalHead.meanAndLogVariance().distribution(in[0])
        .logProb(in[1]), normal(4, 6), normal(4, 3));
    check.check("NormalHead fixed variance", in -> NormalHead.fixedVariance(0.3)
        .distribution(in[0]).logProb(in[1]), normal(4, 3), normal(4, 3));
  }

  @Test
  void bernoulliAndStandardNormalAgreeWithFloat64() {
    DtypeCheck check = DtypeCheck.standard();
    DMatrixRMaj pixels = Matrices.uniform(rng, 4, 784, 0, 1);
    check.check("BernoulliHead logProb", in -> new BernoulliHead().distribution(in[0])
        .logProb(in[1]), Matrices.uniform(rng, 4, 784, -8, 8), pixels);
    check.check("Bernoulli.mean", in -> Bernoulli.ofLogits(in[0]).mean(), normal(4, 5));
    check.check("StandardNormal.logProb", in -> StandardNormal.of(4, 3).logProb(in[0]),
        normal(4, 3));
  }

  @Test
  void drawsAndMomentsTakeTheFamilysDtype() {
    Tensor logits = Tensor.constant(normal(3, 4), DType.FLOAT32);
    assertThat(Bernoulli.ofLogits(logits).sample(Rngs.create(1)).dtype())
        .isEqualTo(DType.FLOAT32);
    Distribution prior = StandardNormal.of(3, 4, DType.FLOAT32);
    assertThat(prior.sample(Rngs.create(1)).dtype()).isEqualTo(DType.FLOAT32);
    assertThat(prior.mean().dtype()).isEqualTo(DType.FLOAT32);
    assertThat(prior.entropy().dtype()).isEqualTo(DType.FLOAT32);
    assertThat(KL.kl(prior, StandardNormal.of(3, 4, DType.FLOAT32)).dtype())
        .isEqualTo(DType.FLOAT32);
    Tensor a = prior.sample(Rngs.create(9));
    Tensor b = StandardNormal.of(3, 4).sample(Rngs.create(9));
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i)).isEqualTo((double) (float) b.get(i));
    }
  }
}
