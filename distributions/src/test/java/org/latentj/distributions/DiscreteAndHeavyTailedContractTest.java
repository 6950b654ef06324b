package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.model.Distribution;
import org.latentj.model.Validation;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;
import org.latentj.testing.Matrices;

/**
 * The same checks for every family of this part of the package (Student-t, Poisson, one-hot and
 * relaxed categorical, mixture of diagonal normals), one row per fixture: log-densities against
 * an independent reference, gradients against finite differences, seeded goodness-of-fit and
 * moment tests of the samplers, and argument and support errors.
 */
class DiscreteAndHeavyTailedContractTest {

  /** Rows of the small batches the log-density and gradient checks use. */
  static final int ROWS = 4;
  /** Draws for the sampler checks. */
  static final int DRAWS = 100_000;

  /** One family with fixed parameters, and what a test needs to know about it. */
  abstract static class FamilyCase {
    final String name;
    final String family;
    final String[] paramNames;
    final DMatrixRMaj[] params;

    FamilyCase(String name, String family, String[] paramNames, DMatrixRMaj... params) {
      this.name = name;
      this.family = family;
      this.paramNames = paramNames;
      this.params = params;
    }

    /** The distribution for these parameter tensors (in the order of {@link #paramNames}). */
    abstract Distribution build(Tensor... p);

    /** Free coordinates of a random valid value, {@code ROWS x ?}. */
    abstract DMatrixRMaj freeValue(UniformRandomProvider rng);

    /** The value the free coordinates stand for (identity except on the simplex). */
    Tensor toValue(Tensor free) {
      return free;
    }

    /** Whether {@code logProb} is differentiable in the value. */
    abstract boolean continuous();

    /** {@code log p(value)} for one row, computed independently of latentj. */
    abstract double reference(int row, double[] value);

    /** A distribution of {@code n} identical rows, for the sampler checks. */
    abstract Distribution replicated(int n);

    /** A p-value for {@code samples} ({@code n x d}) drawn from {@link #replicated(int)}. */
    abstract double goodnessOfFit(DMatrixRMaj samples);

    /** Indices of the parameters that {@code rsample} is differentiable in. */
    int[] rsampleParams() {
      return new int[0];
    }

    /** A value of the right shape with one entry, at row 1 and column {@link #badColumn()}, out
     * of the support. */
    abstract DMatrixRMaj outOfSupport();

    int badColumn() {
      return 1;
    }

    final Distribution build() {
      return build(constants(params));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Tensor[] constants(DMatrixRMaj... ms) {
    return Arrays.stream(ms).map(m -> Tensor.constant(m.copy())).toArray(Tensor[]::new);
  }

  static DMatrixRMaj rows(double[]... rows) {
    return new DMatrixRMaj(rows);
  }

  static DMatrixRMaj validValue(FamilyCase c, UniformRandomProvider rng) {
    return c.toValue(Tensor.constant(c.freeValue(rng))).value();
  }

  // ---------------------------------------------------------------- the fixtures

  static Stream<FamilyCase> cases() {
    return Stream.of(studentTFixed(), studentTLearned(), poisson(), oneHot(), relaxed(),
        mixture(true), mixture(false));
  }

  static double studentTReference(double df, double loc, double scale, double x) {
    return new TDistribution(null, df).logDensity((x - loc) / scale) - Math.log(scale);
  }

  static FamilyCase studentTFixed() {
    double df = 9;
    DMatrixRMaj loc = rows(new double[] {0.3, -1.2, 4}, new double[] {-0.5, 0, 2},
        new double[] {1, 2, -3}, new double[] {0.1, 0.2, 0.3});
    DMatrixRMaj scale = rows(new double[] {0.5, 1.3, 2}, new double[] {1, 0.2, 3},
        new double[] {0.7, 0.7, 0.7}, new double[] {4, 1, 0.1});
    return new FamilyCase("StudentT(df=9)", "StudentT", new String[] {"loc", "scale"}, loc,
        scale) {
      @Override
      Distribution build(Tensor... p) {
        return StudentT.of(df, p[0], p[1]);
      }

      @Override
      DMatrixRMaj freeValue(UniformRandomProvider rng) {
        DMatrixRMaj x = Matrices.normal(rng, ROWS, 3);
        for (int i = 0; i < x.data.length; i++) {
          x.data[i] = loc.data[i] + 3 * scale.data[i] * x.data[i];
        }
        return x;
      }

      @Override
      boolean continuous() {
        return true;
      }

      @Override
      double reference(int row, double[] value) {
        double s = 0;
        for (int j = 0; j < value.length; j++) {
          s += studentTReference(df, loc.get(row, j), scale.get(row, j), value[j]);
        }
        return s;
      }

      @Override
      Distribution replicated(int n) {
        return StudentT.of(df, Tensor.constant(MomentAndFitChecks.repeatRow0(loc, n)),
            Tensor.constant(MomentAndFitChecks.repeatRow0(scale, n)));
      }

      @Override
      double goodnessOfFit(DMatrixRMaj samples) {
        TDistribution t = new TDistribution(null, df);
        double[] u = new double[samples.getNumElements()];
        for (int i = 0; i < u.length; i++) {
          int j = i % 3;
          u[i] = t.cumulativeProbability((samples.data[i] - loc.get(0, j)) / scale.get(0, j));
        }
        return MomentAndFitChecks.ksUniformPValue(u);
      }

      @Override
      int[] rsampleParams() {
        return new int[] {0, 1};
      }

      @Override
      DMatrixRMaj outOfSupport() {
        DMatrixRMaj x = loc.copy();
        x.set(1, badColumn(), Double.NaN);
        return x;
      }
    };
  }

  static FamilyCase studentTLearned() {
    // df spans both sides of the series switch at df = 2 * GammaFunctions.SERIES_FROM.
    DMatrixRMaj df = rows(new double[] {0.7, 15, 60}, new double[] {2.5, 9, 45},
        new double[] {1.1, 39, 120}, new double[] {5, 0.3, 41});
    DMatrixRMaj loc = rows(new double[] {0.3, -1.2, 4}, new double[] {-0.5, 0, 2},
        new double[] {1, 2, -3}, new double[] {0.1, 0.2, 0.3});
    DMatrixRMaj scale = rows(new double[] {0.5, 1.3, 2});
    DMatrixRMaj samplerDf = rows(new double[] {9, 15, 60});
    return new FamilyCase("StudentT(learned df)", "StudentT",
        new String[] {"df", "loc", "scale"}, df, loc, scale) {
      @Override
      Distribution build(Tensor... p) {
        return StudentT.ofLearnedDf(p[0], p[1], p[2]);
      }

      @Override
      DMatrixRMaj freeValue(UniformRandomProvider rng) {
        DMatrixRMaj x = Matrices.normal(rng, ROWS, 3);
        for (int i = 0; i < x.data.length; i++) {
          x.data[i] = loc.data[i] + 3 * scale.data[i % 3] * x.data[i];
        }
        return x;
      }

      @Override
      boolean continuous() {
        return true;
      }

      @Override
      double reference(int row, double[] value) {
        double s = 0;
        for (int j = 0; j < value.length; j++) {
          s += studentTReference(df.get(row, j), loc.get(row, j), scale.get(0, j), value[j]);
        }
        return s;
      }

      @Override
      Distribution replicated(int n) {
        return StudentT.ofLearnedDf(Tensor.constant(samplerDf),
            Tensor.constant(MomentAndFitChecks.repeatRow0(loc, n)), Tensor.constant(scale));
      }

      @Override
      double goodnessOfFit(DMatrixRMaj samples) {
        double[] u = new double[samples.getNumElements()];
        TDistribution[] t = new TDistribution[3];
        for (int j = 0; j < 3; j++) {
          t[j] = new TDistribution(null, samplerDf.get(0, j));
        }
        for (int i = 0; i < u.length; i++) {
          int j = i % 3;
          u[i] = t[j].cumulativeProbability((samples.data[i] - loc.get(0, j)) / scale.get(0, j));
        }
        return MomentAndFitChecks.ksUniformPValue(u);
      }

      @Override
      int[] rsampleParams() {
        return new int[] {1, 2};
      }

      @Override
      DMatrixRMaj outOfSupport() {
        DMatrixRMaj x = loc.copy();
        x.set(1, badColumn(), Double.POSITIVE_INFINITY);
        return x;
      }
    };
  }

  static FamilyCase poisson() {
    DMatrixRMaj logRate = rows(new double[] {-1.5, 0.7, 3.2, 5.0},
        new double[] {0, 2, -3, 1}, new double[] {4.5, -0.2, 1.5, 2.5},
        new double[] {0.3, 3, -1, 6});
    return new FamilyCase("Poisson", "Poisson", new String[] {"logRate"}, logRate) {
      @Override
      Distribution build(Tensor... p) {
        return Poisson.ofLogRate(p[0]);
      }

      @Override
      DMatrixRMaj freeValue(UniformRandomProvider rng) {
        DMatrixRMaj k = new DMatrixRMaj(ROWS, 4);
        for (int i = 0; i < k.data.length; i++) {
          double rate = Math.exp(logRate.data[i]);
          k.data[i] = Math.floor(rng.nextDouble() * (3 * rate + 5));
        }
        return k;
      }

      @Override
      boolean continuous() {
        return false;
      }

      @Override
      double reference(int row, double[] value) {
        double s = 0;
        for (int j = 0; j < value.length; j++) {
          s += new PoissonDistribution(null, Math.exp(logRate.get(row, j)),
              PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS)
              .logProbability((int) value[j]);
        }
        return s;
      }

      @Override
      Distribution replicated(int n) {
        return Poisson.ofLogRate(Tensor.constant(MomentAndFitChecks.repeatRow0(logRate, n)));
      }

      @Override
      double goodnessOfFit(DMatrixRMaj samples) {
        MomentAndFitChecks.ChiSquare chi = new MomentAndFitChecks.ChiSquare();
        for (int j = 0; j < samples.numCols; j++) {
          double rate = Math.exp(logRate.get(0, j));
          int top = (int) Math.ceil(rate + 8 * Math.sqrt(rate) + 10);
          PoissonDistribution ref = new PoissonDistribution(null, rate,
              PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
          long[] observed = new long[top + 2];
          double[] p = new double[top + 2];
          for (double k : MomentAndFitChecks.column(samples, j)) {
            observed[(int) Math.min(k, top + 1)]++;
          }
          for (int k = 0; k <= top; k++) {
            p[k] = ref.probability(k);
          }
          p[top + 1] = 1 - ref.cumulativeProbability(top);
          chi.add(observed, p);
        }
        return chi.pValue();
      }

      @Override
      DMatrixRMaj outOfSupport() {
        DMatrixRMaj k = new DMatrixRMaj(ROWS, 4);
        k.set(1, badColumn(), 2.5);
        return k;
      }
    };
  }

  static double logSumExp(double[] l) {
    double max = Arrays.stream(l).max().orElseThrow();
    double s = 0;
    for (double v : l) {
      s += Math.exp(v - max);
    }
    return max + Math.log(s);
  }

  static double[] logSoftmax(double[] l) {
    double lse = logSumExp(l);
    return Arrays.stream(l).map(v -> v - lse).toArray();
  }

  static double[] row(DMatrixRMaj m, int i) {
    return Arrays.copyOfRange(m.data, i * m.numCols, (i + 1) * m.numCols);
  }

  static FamilyCase oneHot() {
    DMatrixRMaj logits = rows(new double[] {0.5, -1, 2, 0, 0.3},
        new double[] {3, 3, -2, 1, 0}, new double[] {-4, 0.1, 0.2, 0.3, 5},
        new double[] {0, 0, 0, 0, 0});
    return new FamilyCase("OneHotCategorical", "OneHotCategorical", new String[] {"logits"},
        logits) {
      @Override
      Distribution build(Tensor... p) {
        return OneHotCategorical.ofLogits(p[0]);
      }

      @Override
      DMatrixRMaj freeValue(UniformRandomProvider rng) {
        DMatrixRMaj x = new DMatrixRMaj(ROWS, 5);
        for (int i = 0; i < ROWS; i++) {
          x.set(i, rng.nextInt(5), 1.0);
        }
        return x;
      }

      @Override
      boolean continuous() {
        return false;
      }

      @Override
      double reference(int row, double[] value) {
        double[] lp = logSoftmax(row(logits, row));
        double s = 0;
        for (int j = 0; j < value.length; j++) {
          s += value[j] * lp[j];
        }
        return s;
      }

      @Override
      Distribution replicated(int n) {
        return OneHotCategorical.ofLogits(
            Tensor.constant(MomentAndFitChecks.repeatRow0(logits, n)));
      }

      @Override
      double goodnessOfFit(DMatrixRMaj samples) {
        long[] counts = new long[5];
        for (int i = 0; i < samples.numRows; i++) {
          for (int j = 0; j < 5; j++) {
            counts[j] += (long) samples.get(i, j);
          }
        }
        double[] p = Arrays.stream(logSoftmax(row(logits, 0))).map(Math::exp).toArray();
        return new MomentAndFitChecks.ChiSquare().add(counts, p).pValue();
      }

      @Override
      DMatrixRMaj outOfSupport() {
        DMatrixRMaj x = new DMatrixRMaj(ROWS, 5);
        for (int i = 0; i < ROWS; i++) {
          x.set(i, 0, 1.0);
        }
        x.set(1, 0, 0.5);
        x.set(1, badColumn(), 0.5);
        return x;
      }

      @Override
      int badColumn() {
        return 0; // the first entry that is neither 0 nor 1
      }
    };
  }

  /** The Concrete log-density, written as PyTorch's ExpRelaxedCategorical + exp transform. */
  static double concreteReference(double tau, double[] logits, double[] y) {
    int k = y.length;
    double[] l = logSoftmax(logits);
    double[] score = new double[k];
    double sumScore = 0;
    double sumLogY = 0;
    for (int j = 0; j < k; j++) {
      double x = Math.log(y[j]);
      score[j] = l[j] - tau * x;
      sumScore += score[j];
      sumLogY += x;
    }
    double lse = logSumExp(score);
    double logScale = Gamma.logGamma(k) + (k - 1) * Math.log(tau);
    return sumScore - k * lse + logScale - sumLogY;
  }

  static FamilyCase relaxed() {
    double tau = 0.7;
    DMatrixRMaj logits = rows(new double[] {0.5, -1, 2}, new double[] {3, 3, -2},
        new double[] {-4, 0.1, 5}, new double[] {0, 0, 0});
    return new FamilyCase("RelaxedOneHotCategorical(tau=0.7)", "RelaxedOneHotCategorical",
        new String[] {"logits"}, logits) {
      @Override
      Distribution build(Tensor... p) {
        return RelaxedOneHotCategorical.of(tau, p[0]);
      }

      @Override
      DMatrixRMaj freeValue(UniformRandomProvider rng) {
        DMatrixRMaj w = Matrices.normal(rng, ROWS, 3);
        for (int i = 0; i < w.data.length; i++) {
          w.data[i] *= 2;
        }
        return w;
      }

      @Override
      Tensor toValue(Tensor free) {
        return free.softmax();
      }

      @Override
      boolean continuous() {
        return true;
      }

      @Override
      double reference(int row, double[] value) {
        return concreteReference(tau, row(logits, row), value);
      }

      @Override
      Distribution replicated(int n) {
        return RelaxedOneHotCategorical.of(tau,
            Tensor.constant(MomentAndFitChecks.repeatRow0(logits, n)));
      }

      /** Gumbel-max: the argmax of a draw is categorical with probabilities softmax(l). */
      @Override
      double goodnessOfFit(DMatrixRMaj samples) {
        long[] counts = new long[3];
        for (int i = 0; i < samples.numRows; i++) {
          int best = 0;
          for (int j = 1; j < 3; j++) {
            if (samples.get(i, j) > samples.get(i, best)) {
              best = j;
            }
          }
          counts[best]++;
        }
        double[] p = Arrays.stream(logSoftmax(row(logits, 0))).map(Math::exp).toArray();
        return new MomentAndFitChecks.ChiSquare().add(counts, p).pValue();
      }

      @Override
      int[] rsampleParams() {
        return new int[] {0};
      }

      @Override
      DMatrixRMaj outOfSupport() {
        DMatrixRMaj y = Tensor.constant(freeValue(Rngs.create(5))).softmax().value().copy();
        y.set(1, badColumn(), 1.5);
        return y;
      }
    };
  }

  static double mixtureReference(double[] logits, DMatrixRMaj means, DMatrixRMaj logVar,
      double[] x) {
    double[] logPi = logSoftmax(logits);
    double[] terms = new double[logPi.length];
    for (int k = 0; k < terms.length; k++) {
      terms[k] = logPi[k];
      for (int j = 0; j < x.length; j++) {
        terms[k] += new NormalDistribution(null, means.get(k, j),
            Math.exp(0.5 * logVar.get(k, j))).logDensity(x[j]);
      }
    }
    return logSumExp(terms);
  }

  static FamilyCase mixture(boolean shared) {
    DMatrixRMaj logits = shared ? rows(new double[] {0.2, -0.5, 1})
        : rows(new double[] {0.2, -0.5, 1}, new double[] {2, 0, -2},
            new double[] {0, 0, 0}, new double[] {-1, 3, 0.5});
    DMatrixRMaj means = rows(new double[] {-2, 0.5}, new double[] {1, 1}, new double[] {3, -1});
    DMatrixRMaj logVar = rows(new double[] {-1, 0.3}, new double[] {0.5, -0.7},
        new double[] {-0.2, 0.8});
    String weights = shared ? "shared" : "per-row";
    return new FamilyCase("MixtureOfDiagonalNormals(" + weights + " weights)",
        "MixtureOfDiagonalNormals", new String[] {"mixtureLogits", "means", "logVariances"},
        logits, means, logVar) {
      @Override
      Distribution build(Tensor... p) {
        return MixtureOfDiagonalNormals.of(p[0], p[1], p[2], ROWS);
      }

      @Override
      DMatrixRMaj freeValue(UniformRandomProvider rng) {
        DMatrixRMaj x = Matrices.normal(rng, ROWS, 2);
        for (int i = 0; i < x.data.length; i++) {
          x.data[i] *= 2.5;
        }
        return x;
      }

      @Override
      boolean continuous() {
        return true;
      }

      @Override
      double reference(int row, double[] value) {
        return mixtureReference(row(logits, shared ? 0 : row), means, logVar, value);
      }

      @Override
      Distribution replicated(int n) {
        Tensor w = Tensor.constant(shared ? logits : MomentAndFitChecks.repeatRow0(logits, n));
        return MixtureOfDiagonalNormals.of(w, Tensor.constant(means), Tensor.constant(logVar),
            n);
      }

      /** Each coordinate's marginal is a one-dimensional mixture of normals. */
      @Override
      double goodnessOfFit(DMatrixRMaj samples) {
        double[] pi = Arrays.stream(logSoftmax(row(logits, 0))).map(Math::exp).toArray();
        double[] u = new double[samples.getNumElements()];
        for (int i = 0; i < u.length; i++) {
          int j = i % 2;
          double f = 0;
          for (int k = 0; k < pi.length; k++) {
            f += pi[k] * new NormalDistribution(null, means.get(k, j),
                Math.exp(0.5 * logVar.get(k, j))).cumulativeProbability(samples.data[i]);
          }
          u[i] = f;
        }
        return MomentAndFitChecks.ksUniformPValue(u);
      }

      @Override
      DMatrixRMaj outOfSupport() {
        DMatrixRMaj x = new DMatrixRMaj(ROWS, 2);
        x.set(1, badColumn(), Double.NaN);
        return x;
      }
    };
  }

  // ---------------------------------------------------------------- the checks

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void logProbMatchesReference(FamilyCase c) {
    Distribution dist = c.build();
    UniformRandomProvider rng = Rngs.create(11);
    for (int trial = 0; trial < 50; trial++) {
      DMatrixRMaj x = validValue(c, rng);
      Tensor lp = dist.logProb(Tensor.constant(x));
      assertThat(lp.rows()).isEqualTo(ROWS);
      assertThat(lp.cols()).isEqualTo(1);
      for (int i = 0; i < ROWS; i++) {
        double expected = c.reference(i, row(x, i));
        assertThat(lp.get(i, 0)).as("%s: log p at row %d of trial %d", c, i, trial)
            .isCloseTo(expected, org.assertj.core.data.Offset.offset(
                1e-9 * Math.max(1, Math.abs(expected))));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shapesAgree(FamilyCase c) {
    Distribution dist = c.build();
    int n = dist.batchSize();
    int d = dist.eventSize();
    assertThat(n).isEqualTo(ROWS);
    assertThat(dist.sample(Rngs.create(1)).value().numRows).isEqualTo(n);
    assertThat(dist.sample(Rngs.create(1)).value().numCols).isEqualTo(d);
    if (c.family.equals("RelaxedOneHotCategorical")) {
      assertThatThrownBy(dist::mean).isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining(c.family);
      assertThatThrownBy(dist::variance).isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining(c.family);
    } else {
      assertThat(dist.mean().shape()).isEqualTo(n + "x" + d);
      assertThat(dist.variance().shape()).isEqualTo(n + "x" + d);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void logProbGradientsMatchFiniteDifferences(FamilyCase c) {
    int p = c.params.length;
    DMatrixRMaj[] inputs = Arrays.copyOf(c.params, p + 1);
    UniformRandomProvider rng = Rngs.create(3);
    for (int trial = 0; trial < 3; trial++) {
      DMatrixRMaj free = c.freeValue(rng);
      inputs[p] = free;
      GradientCheck.standard().withTolerance(1e-5).withSeed(trial).check(c + " logProb",
          in -> {
            Tensor value = c.continuous() ? c.toValue(in[p])
                : Tensor.constant(c.toValue(Tensor.constant(free)).value());
            return c.build(Arrays.copyOf(in, p)).logProb(value);
          }, inputs);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rsampleGradientsMatchFiniteDifferences(FamilyCase c) {
    Distribution dist = c.build();
    if (!dist.hasRsample()) {
      assertThatThrownBy(() -> dist.rsample(Rngs.create(1)))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining(c.family);
      return;
    }
    int[] which = c.rsampleParams();
    assertThat(which).isNotEmpty();
    DMatrixRMaj[] inputs = Arrays.stream(which).mapToObj(i -> c.params[i])
        .toArray(DMatrixRMaj[]::new);
    GradientCheck.standard().withTolerance(1e-5).check(c + " rsample", in -> {
      Tensor[] all = constants(c.params);
      for (int i = 0; i < which.length; i++) {
        all[which[i]] = in[i];
      }
      return c.build(all).rsample(Rngs.create(77)); // identical noise in every evaluation
    }, inputs);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void samplesCarryNoGradient(FamilyCase c) {
    Tensor[] vars = Arrays.stream(c.params).map(m -> Tensor.variable(m.copy()))
        .toArray(Tensor[]::new);
    assertThat(c.build(vars).sample(Rngs.create(2)).requiresGrad()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void samplerFitsTheDistribution(FamilyCase c) {
    Distribution dist = c.replicated(DRAWS);
    DMatrixRMaj samples = dist.sample(Rngs.create(2024)).value();
    assertThat(samples.numRows).isEqualTo(DRAWS);
    assertThat(c.goodnessOfFit(samples)).as("%s: goodness-of-fit p-value", c)
        .isGreaterThan(MomentAndFitChecks.MIN_P_VALUE);
    if (!c.family.equals("RelaxedOneHotCategorical")) {
      MomentAndFitChecks.assertMomentsMatch(c.toString(), samples, dist.mean().value(),
          dist.variance().value());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rsampleFollowsTheSameLawAsSample(FamilyCase c) {
    Distribution dist = c.replicated(DRAWS / 4);
    if (!dist.hasRsample()) {
      return;
    }
    DMatrixRMaj draws = dist.rsample(Rngs.create(99)).value();
    assertThat(c.goodnessOfFit(draws)).as("%s: rsample goodness-of-fit p-value", c)
        .isGreaterThan(MomentAndFitChecks.MIN_P_VALUE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void nanInAnyParameterIsRejectedByName(FamilyCase c) {
    for (int i = 0; i < c.params.length; i++) {
      Tensor[] p = constants(c.params);
      p[i].value().set(0, 0, Double.NaN);
      String param = c.paramNames[i];
      assertThatThrownBy(() -> c.build(p)).as("%s with NaN in %s", c, param)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(c.family).hasMessageContaining(param)
          .hasMessageContaining("row 0, column 0");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void valuesOutsideTheSupportAreRejectedUnlessValidationIsOff(FamilyCase c) {
    Distribution dist = c.build();
    Tensor bad = Tensor.constant(c.outOfSupport());
    assertThatThrownBy(() -> dist.logProb(bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(c.family).hasMessageContaining("row 1")
        .hasMessageContaining("column " + c.badColumn());
    boolean previous = Validation.setEnabled(false);
    try {
      assertThat(dist.logProb(bad).rows()).isEqualTo(ROWS);
    } finally {
      Validation.setEnabled(previous);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void misshapenValuesAreRejected(FamilyCase c) {
    Distribution dist = c.build();
    for (Tensor wrong : List.of(Tensor.zeros(ROWS, dist.eventSize() + 1),
        Tensor.zeros(ROWS + 1, dist.eventSize()))) {
      assertThatThrownBy(() -> dist.logProb(wrong)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(c.family).hasMessageContaining(wrong.shape());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validationOffStillComputesTheSameLogProb(FamilyCase c) {
    Distribution dist = c.build();
    DMatrixRMaj x = validValue(c, Rngs.create(8));
    double[] on = dist.logProb(Tensor.constant(x)).value().data.clone();
    boolean previous = Validation.setEnabled(false);
    try {
      double[] off = c.build().logProb(Tensor.constant(x)).value().data;
      assertThat(off).containsExactly(on);
    } finally {
      Validation.setEnabled(previous);
    }
    for (double v : on) {
      assertThat(v).isFinite();
    }
  }
}
