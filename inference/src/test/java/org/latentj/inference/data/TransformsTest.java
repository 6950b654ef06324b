package org.latentj.inference.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.Rngs;

class TransformsTest {

  private static Dataset of(int rows, int cols, double... values) {
    return Dataset.of(DMatrixRMaj.wrap(rows, cols, values), DataProvenance.inMemory("t"));
  }

  @Test
  void scaleToUnitDividesBy255AndKeepsLabels() {
    Dataset ds = of(2, 2, 0, 51, 255, 127.5).withLabels(new int[] {1, 0});
    Dataset scaled = Transforms.scaleToUnit(ds);
    assertThat(scaled.features().data).containsExactly(0, 0.2, 1, 0.5);
    assertThat(scaled.labels().orElseThrow()).containsExactly(1, 0);
    assertThat(scaled.provenance().description()).isEqualTo("t | scaled to [0,1] (x / 255)");
    assertThat(ds.features().data).containsExactly(0, 51, 255, 127.5);
  }

  @Test
  void scaleToUnitRejectsValuesOutsideTheByteRangeNamingRowAndColumn() {
    assertThatThrownBy(() -> Transforms.scaleToUnit(of(2, 3, 0, 1, 2, 3, 256, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds 256.0 at row 1, column 1, outside [0.0, 255.0]");
    assertThatThrownBy(() -> Transforms.scaleToUnit(of(1, 2, Double.NaN, 0)))
        .hasMessageContaining("holds NaN at row 0, column 0");
  }

  @Test
  void binarizeThresholds() {
    Dataset b = Transforms.binarize(of(1, 5, 0, 0.2, 0.5, 0.51, 1));
    assertThat(b.features().data).containsExactly(0, 0, 0, 1, 1);
    assertThat(Transforms.binarize(of(1, 2, 0.2, 0.4), 0.3).features().data)
        .containsExactly(0, 1);
    assertThatThrownBy(() -> Transforms.binarize(of(1, 2, 0.2, 1.2)))
        .hasMessageContaining("row 0, column 1");
    assertThatThrownBy(() -> Transforms.binarize(of(1, 1, 0.2), Double.NaN))
        .hasMessageContaining("threshold");
  }

  @Test
  void binarizeOnceIsFixedBySeed() {
    Dataset ds = of(1, 200, new double[200]);
    Arrays.fill(ds.features().data, 0.5);
    double[] a = Transforms.binarizeOnce(ds, 11).features().data;
    double[] b = Transforms.binarizeOnce(ds, 11).features().data;
    double[] c = Transforms.binarizeOnce(ds, 12).features().data;
    assertThat(a).containsExactly(b).isNotEqualTo(c);
    assertThat(a).containsOnly(0.0, 1.0);
  }

  @Test
  void requireFiniteNamesRowAndColumn() {
    assertThat(Transforms.requireFinite(of(1, 2, 1, 2)).size()).isEqualTo(1);
    assertThatThrownBy(() -> Transforms.requireFinite(of(2, 2, 1, 2, 3,
        Double.NEGATIVE_INFINITY))).hasMessageContaining("holds -Infinity at row 1, column 1");
  }

  @Test
  void dynamicBinarizationHasTheBernoulliMeanAndPassesAChiSquareTest() {
    // Five probabilities, each on 40 columns; 2000 fresh binarizations of the same 1 x 200 row.
    double[] probs = {0.02, 0.25, 0.5, 0.75, 0.97};
    DMatrixRMaj p = new DMatrixRMaj(1, 200);
    for (int i = 0; i < 200; i++) {
      p.data[i] = probs[i / 40];
    }
    DynamicBinarizer bin = DynamicBinarizer.of(Rngs.create(2024));
    DMatrixRMaj out = new DMatrixRMaj(1, 1);
    int calls = 2000;
    long[] ones = new long[probs.length];
    for (int t = 0; t < calls; t++) {
      assertThat(bin.binarize(p, out)).isSameAs(out);
      for (int i = 0; i < 200; i++) {
        ones[i / 40] += (long) out.data[i];
      }
    }
    double chi2 = 0;
    for (int j = 0; j < probs.length; j++) {
      double trials = 40.0 * calls;
      double mean = ones[j] / trials;
      double se = Math.sqrt(probs[j] * (1 - probs[j]) / trials);
      assertThat(Math.abs(mean - probs[j])).as("p = %s", probs[j]).isLessThan(4 * se);
      double e1 = trials * probs[j];
      double e0 = trials - e1;
      chi2 += Math.pow(ones[j] - e1, 2) / e1 + Math.pow(trials - ones[j] - e0, 2) / e0;
    }
    // Each independent binomial contributes one degree of freedom.
    double pValue = 1 - new ChiSquaredDistribution(probs.length).cumulativeProbability(chi2);
    assertThat(pValue).isGreaterThan(0.001);
  }

  @Test
  void dynamicBinarizationOfImagesMatchesThePixelMean() {
    // Smooth grey "images": pixel means spread over [0, 1].
    int n = 500;
    int d = 64;
    DMatrixRMaj x = new DMatrixRMaj(n, d);
    UniformRandomProvider source = Rngs.create(5);
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] = source.nextDouble();
    }
    double pixelMean = 0;
    double var = 0;
    for (double v : x.data) {
      pixelMean += v;
      var += v * (1 - v);
    }
    pixelMean /= x.data.length;
    double se = Math.sqrt(var) / x.data.length;
    DMatrixRMaj b = DynamicBinarizer.of(Rngs.create(6)).binarize(x, null);
    double mean = 0;
    for (double v : b.data) {
      mean += v;
    }
    mean /= b.data.length;
    assertThat(Math.abs(mean - pixelMean)).isLessThan(4 * se);
  }

  @Test
  void eachCallIsAFreshDrawOfOneUniformPerElement() {
    DMatrixRMaj p = new DMatrixRMaj(10, 100);
    Arrays.fill(p.data, 0.5);
    UniformRandomProvider rng = Rngs.create(77);
    DynamicBinarizer bin = DynamicBinarizer.of(rng);
    double[] first = bin.binarize(p, null).data;
    double[] second = bin.binarize(p, null).data;
    assertThat(first).isNotEqualTo(second);
    // 2000 draws so far: the generator is where a fresh one is after 2000 nextDouble() calls.
    UniformRandomProvider reference = Rngs.create(77);
    for (int i = 0; i < 2000; i++) {
      reference.nextDouble();
    }
    assertThat(rng.nextLong()).isEqualTo(reference.nextLong());
  }

  @Test
  void extremesAreExactAndInPlaceWorks() {
    DMatrixRMaj p = DMatrixRMaj.wrap(1, 4, new double[] {0, 1, 0, 1});
    DMatrixRMaj same = DynamicBinarizer.of(Rngs.create(1)).binarize(p, p);
    assertThat(same).isSameAs(p);
    assertThat(p.data).containsExactly(0, 1, 0, 1);
  }

  @Test
  void dynamicBinarizerRejectsProbabilitiesOutsideTheUnitInterval() {
    DMatrixRMaj p = DMatrixRMaj.wrap(2, 3, new double[] {0, 0.5, 1, 0.2, 1.5, 0});
    assertThatThrownBy(() -> DynamicBinarizer.of(Rngs.create(1)).binarize(p, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("probability holds 1.5 at row 1, column 1");
  }
}
