package org.latentj.inference.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SplitTest {

  /** {@code n} rows of 2 columns holding (row, -row), labelled row mod 10. */
  private static Dataset rows(int n) {
    DMatrixRMaj m = new DMatrixRMaj(n, 2);
    for (int i = 0; i < n; i++) {
      m.set(i, 0, i);
      m.set(i, 1, -i);
    }
    return Dataset.of(m, DataProvenance.inMemory("rows"))
        .withLabels(IntStream.range(0, n).map(i -> i % 10).toArray());
  }

  @Test
  void exactSizesAndAPartitionOfTheRows() {
    Dataset data = rows(8000);
    Split s = Split.of(data, 1000, 42);
    assertThat(s.train().size()).isEqualTo(7000);
    assertThat(s.validation().size()).isEqualTo(1000);
    int[] all = IntStream.concat(Arrays.stream(s.trainRows()), Arrays.stream(s.validationRows()))
        .sorted().toArray();
    assertThat(all).isEqualTo(IntStream.range(0, 8000).toArray());
    int[] tr = s.trainRows();
    for (int i = 0; i < tr.length; i++) {
      assertThat(s.train().features().get(i, 0)).isEqualTo(tr[i]);
      assertThat(s.train().label(i)).isEqualTo(tr[i] % 10);
    }
    assertThat(tr).isSorted();
    assertThat(s.validation().provenance().description())
        .isEqualTo("rows | validation split: 1000 of 8000 rows (seed 42)");
  }

  @Test
  void theSeedFixesTheSplit() {
    Dataset data = rows(500);
    assertThat(Split.of(data, 100, 3).validationRows())
        .isEqualTo(Split.of(data, 100, 3).validationRows())
        .isNotEqualTo(Split.of(data, 100, 4).validationRows());
  }

  @Test
  void eachRowIsEquallyLikelyToBeHeldOut() {
    // One validation row out of 10, over 3000 seeds: uniform by a chi-square test.
    Dataset data = rows(10);
    long[] counts = new long[10];
    for (int seed = 0; seed < 3000; seed++) {
      counts[Split.of(data, 1, seed).validationRows()[0]]++;
    }
    double[] expected = new double[10];
    Arrays.fill(expected, 300);
    assertThat(new ChiSquareTest().chiSquareTest(expected, counts)).isGreaterThan(0.001);
  }

  @Test
  void bothPartsMustBeNonEmpty() {
    Dataset data = rows(10);
    assertThatThrownBy(() -> Split.of(data, 0, 1)).hasMessageContaining("[1, 9] for 10 rows");
    assertThatThrownBy(() -> Split.of(data, 10, 1)).hasMessageContaining("got 10");
  }
}
