package org.latentj.examples.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class NearestClassMeanTest {

  private static final DMatrixRMaj POINTS = new DMatrixRMaj(new double[][] {
      {0, 0}, {0, 2}, {10, 0}, {10, 2}, {0, 10}});
  private static final int[] LABELS = {0, 0, 1, 1, 2};

  @Test
  void eachRowGetsTheClassOfTheNearestMean() {
    // Means (0, 1), (10, 1), (0, 10).
    NearestClassMean c = NearestClassMean.fit(POINTS, LABELS, 3);
    DMatrixRMaj queries = new DMatrixRMaj(new double[][] {{1, 1}, {6, 1}, {0, 7}, {4, 1}});
    assertThat(c.classify(queries, 0)).isZero();
    assertThat(c.classify(queries, 1)).isEqualTo(1);
    assertThat(c.classify(queries, 2)).isEqualTo(2);
    assertThat(c.classify(queries, 3)).isZero();
    assertThat(c.accuracy(queries, new int[] {0, 1, 2, 1})).isEqualTo(0.75);
    assertThat(c.accuracy(POINTS, LABELS)).isEqualTo(1.0);
  }

  @Test
  void aClassWithoutRowsOrALabelOutOfRangeIsRejected() {
    assertThatThrownBy(() -> NearestClassMean.fit(POINTS, LABELS, 4))
        .hasMessageContaining("class 3 has no rows");
    assertThatThrownBy(() -> NearestClassMean.fit(POINTS, new int[] {0, 0, 1, 1, 5}, 3))
        .hasMessageContaining("label 5 at row 4");
    assertThatThrownBy(() -> NearestClassMean.fit(POINTS, new int[] {0}, 3))
        .hasMessageContaining("1 labels for 5 rows");
  }
}
