package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.model.Distribution;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

/** {@link OneHotCategorical}, its closed-form KL and {@link CategoricalHead}. */
class CategoricalTest {

  private static final DMatrixRMaj Q = new DMatrixRMaj(new double[][] {
      {0.5, -1, 2, 0, 0.3}, {3, 3, -2, 1, 0}, {-4, 0.1, 0.2, 0.3, 5}});
  private static final DMatrixRMaj P = new DMatrixRMaj(new double[][] {
      {0, 0, 0, 0, 0}, {1, -1, 2, -2, 0.5}, {2, 0.1, -3, 0.3, 1}});

  private static double[] probs(DMatrixRMaj logits, int row) {
    double[] lp = References.logSoftmax(
        References.row(logits, row));
    double[] p = new double[lp.length];
    for (int j = 0; j < p.length; j++) {
      p[j] = Math.exp(lp[j]);
    }
    return p;
  }

  @Test
  void klMatchesTheSumOverClassesAndAMonteCarloEstimate() {
    Tensor kl = CategoricalKl.kl(OneHotCategorical.ofLogits(Tensor.constant(Q)),
        OneHotCategorical.ofLogits(Tensor.constant(P)));
    assertThat(kl.shape()).isEqualTo("3x1");
    for (int i = 0; i < 3; i++) {
      double[] q = probs(Q, i);
      double[] p = probs(P, i);
      double direct = 0;
      for (int j = 0; j < q.length; j++) {
        direct += q[j] * Math.log(q[j] / p[j]);
      }
      assertThat(kl.get(i, 0)).isCloseTo(direct, within(1e-13));

      int n = 100_000;
      OneHotCategorical qs = OneHotCategorical.ofLogits(
          Tensor.constant(MomentAndFitChecks.repeatRow0(rowOf(Q, i), n)));
      OneHotCategorical ps = OneHotCategorical.ofLogits(
          Tensor.constant(MomentAndFitChecks.repeatRow0(rowOf(P, i), n)));
      Tensor x = qs.sample(Rngs.create(40 + i));
      double[] terms = qs.logProb(x).sub(ps.logProb(x)).value().data;
      double mean = 0;
      for (double t : terms) {
        mean += t;
      }
      mean /= n;
      double var = 0;
      for (double t : terms) {
        var += (t - mean) * (t - mean);
      }
      double se = Math.sqrt(var / (n - 1) / n);
      assertThat(kl.get(i, 0)).as("KL of row %d vs Monte Carlo", i)
          .isCloseTo(mean, within(4 * se));
    }
  }

  private static DMatrixRMaj rowOf(DMatrixRMaj m, int i) {
    return new DMatrixRMaj(1, m.numCols, true, References.row(m, i));
  }

  @Test
  void klIsRegisteredDifferentiableAndZeroOnItself() {
    GradientCheck.standard().check("KL(OneHotCategorical || OneHotCategorical)",
        in -> CategoricalKl.kl(OneHotCategorical.ofLogits(in[0]),
            OneHotCategorical.ofLogits(in[1])), Q, P);
    OneHotCategorical q = OneHotCategorical.ofLogits(Tensor.constant(Q));
    OneHotCategorical p = OneHotCategorical.ofLogits(Tensor.constant(P));
    KlRegistry registry = KlRegistry.standard();
    assertThat(registry.has(q, p)).isTrue();
    assertThat(registry.kl(q, p).value().data).containsExactly(CategoricalKl.kl(q, p).value().data);
    for (double v : CategoricalKl.kl(q, q).value().data) {
      assertThat(v).isCloseTo(0, within(1e-15));
    }
    OneHotCategorical shifted = OneHotCategorical.ofLogits(Tensor.constant(Q).add(123.0));
    for (double v : CategoricalKl.kl(q, shifted).value().data) {
      assertThat(v).isCloseTo(0, within(1e-13));
    }
    OneHotCategorical four = OneHotCategorical.ofLogits(Tensor.zeros(3, 4));
    assertThatThrownBy(() -> CategoricalKl.kl(q, four))
        .hasMessageContaining("CategoricalKl: q is 3x5 but p is 3x4");
  }

  @Test
  void extremeLogitsGiveFiniteValuesAndGradients() {
    DMatrixRMaj ql = new DMatrixRMaj(new double[][] {{1000, -1000, 0}, {-1000, -1000, 1000}});
    DMatrixRMaj pl = new DMatrixRMaj(new double[][] {{-1000, 1000, 3}, {0, 0, 0}});
    Tensor qv = Tensor.variable(ql.copy());
    Tensor pv = Tensor.variable(pl.copy());
    OneHotCategorical q = OneHotCategorical.ofLogits(qv);
    OneHotCategorical p = OneHotCategorical.ofLogits(pv);
    Tensor x = Tensor.of(new double[][] {{0, 1, 0}, {0, 0, 1}});
    Tensor kl = CategoricalKl.kl(q, p);
    assertThat(kl.get(0, 0)).isCloseTo(2000, within(1e-9));
    assertThat(kl.get(1, 0)).isCloseTo(Math.log(3), within(1e-12));
    Tensor lp = q.logProb(x);
    assertThat(lp.get(0, 0)).isCloseTo(-2000, within(1e-9));
    assertThat(lp.get(1, 0)).isCloseTo(0, within(1e-12));
    kl.sum().add(lp.sum()).add(q.entropy().sum()).add(q.variance().sum()).backward();
    for (Tensor t : new Tensor[] {qv, pv}) {
      for (double g : t.grad().data) {
        assertThat(g).isFinite();
      }
    }
    for (double h : q.entropy().value().data) {
      assertThat(h).isCloseTo(0, within(1e-300));
    }
    DMatrixRMaj draws = OneHotCategorical.ofLogits(Tensor.constant(ql)).sample(Rngs.create(1))
        .value();
    assertThat(draws.data).containsExactly(1, 0, 0, 0, 0, 1);
  }

  @Test
  void entropyMeanAndVarianceMatchDirectFormulasAndAreDifferentiable() {
    OneHotCategorical q = OneHotCategorical.ofLogits(Tensor.constant(Q));
    for (int i = 0; i < 3; i++) {
      double[] p = probs(Q, i);
      double h = 0;
      for (int j = 0; j < p.length; j++) {
        h -= p[j] * Math.log(p[j]);
        assertThat(q.mean().get(i, j)).isCloseTo(p[j], within(1e-15));
        assertThat(q.variance().get(i, j)).isCloseTo(p[j] * (1 - p[j]), within(1e-15));
      }
      assertThat(q.entropy().get(i, 0)).isCloseTo(h, within(1e-14));
    }
    GradientCheck check = GradientCheck.standard();
    check.check("OneHotCategorical entropy", in -> OneHotCategorical.ofLogits(in[0]).entropy(),
        Q);
    check.check("OneHotCategorical mean", in -> OneHotCategorical.ofLogits(in[0]).mean(), Q);
    check.check("OneHotCategorical variance",
        in -> OneHotCategorical.ofLogits(in[0]).variance(), Q);
  }

  @Test
  void valuesMustBeOneHotRows() {
    OneHotCategorical q = OneHotCategorical.ofLogits(Tensor.zeros(2, 3));
    assertThatThrownBy(() -> q.logProb(Tensor.of(new double[][] {{1, 0, 0}, {1, 0, 1}})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OneHotCategorical.logProb: value row 1 must be one-hot but holds"
            + " 2 ones");
    assertThatThrownBy(() -> q.logProb(Tensor.of(new double[][] {{0, 0, 0}, {1, 0, 0}})))
        .hasMessageContaining("value row 0 must be one-hot but holds 0 ones");
    assertThatThrownBy(() -> q.logProb(Tensor.of(new double[][] {{0, 2, 0}, {1, 0, 0}})))
        .hasMessageContaining("OneHotCategorical.logProb: value must be one-hot (every entry 0"
            + " or 1), got 2.0 at row 0, column 1");
  }

  @Test
  void logitsMustBeFinite() {
    assertThatThrownBy(() -> OneHotCategorical.ofLogits(Tensor.row(0, Double.NEGATIVE_INFINITY)))
        .hasMessageContaining("OneHotCategorical: logits must be finite, got -Infinity at row 0,"
            + " column 1");
    assertThatThrownBy(() -> OneHotCategorical.ofLogits(null))
        .hasMessageContaining("OneHotCategorical: logits is null");
  }

  @Test
  void headMakesTheExactOrTheRelaxedCategorical() {
    CategoricalHead exact = CategoricalHead.oneHot();
    CategoricalHead relaxed = CategoricalHead.relaxed(0.5);
    for (CategoricalHead h : new CategoricalHead[] {exact, relaxed}) {
      assertThat(h.rawColumnsPerEventColumn()).isEqualTo(1);
      assertThat(h.rawColumns(10)).isEqualTo(10);
    }
    Tensor raw = Tensor.constant(Q);
    Distribution d = exact.distribution(raw);
    assertThat(d).isInstanceOf(OneHotCategorical.class);
    assertThat(((OneHotCategorical) d).logits()).isSameAs(raw);
    Distribution r = relaxed.distribution(raw);
    assertThat(r).isInstanceOf(RelaxedOneHotCategorical.class);
    assertThat(((RelaxedOneHotCategorical) r).temperature()).isEqualTo(0.5);
    assertThat(r.eventSize()).isEqualTo(5);
    assertThatThrownBy(() -> CategoricalHead.relaxed(0))
        .hasMessageContaining("CategoricalHead: temperature must be finite and positive");
    assertThatThrownBy(() -> exact.distribution(null))
        .hasMessageContaining("CategoricalHead: raw is null");
  }
}
