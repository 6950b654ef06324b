package org.latentj.examples.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.examples.data.EmbeddedDigits;
import org.latentj.inference.data.DataProvenance;
import org.latentj.inference.data.Dataset;

class OneHotLabelsTest {

  @Test
  void eachRowHasASingleOneAtItsLabel() {
    DMatrixRMaj m = OneHotLabels.of(new int[] {2, 0, 1, 2}, 3);
    assertThat(m.numRows).isEqualTo(4);
    assertThat(m.numCols).isEqualTo(3);
    assertThat(m.data).containsExactly(
        0, 0, 1,
        1, 0, 0,
        0, 1, 0,
        0, 0, 1);
  }

  @Test
  void aLabelOutsideTheClassesIsRejectedNamingItsRow() {
    assertThatThrownBy(() -> OneHotLabels.of(new int[] {0, 3, 1}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label 3 at row 1")
        .hasMessageContaining("[0, 3)");
    assertThatThrownBy(() -> OneHotLabels.of(new int[] {-1}, 3))
        .hasMessageContaining("label -1 at row 0");
    assertThatThrownBy(() -> OneHotLabels.of(new int[] {0}, 0))
        .hasMessageContaining("classCount");
  }

  @Test
  void aDataSetsLabelsGiveOneColumnPerNamedClass() {
    Dataset digits = EmbeddedDigits.test().rows(0, 50);
    DMatrixRMaj m = OneHotLabels.of(digits);
    assertThat(m.numCols).isEqualTo(10);
    int[] labels = digits.labels().orElseThrow();
    for (int i = 0; i < labels.length; i++) {
      for (int c = 0; c < 10; c++) {
        assertThat(m.get(i, c)).isEqualTo(c == labels[i] ? 1.0 : 0.0);
      }
    }
  }

  @Test
  void aDataSetWithoutLabelsOrClassNamesIsRejected() {
    Dataset unlabelled = Dataset.of(new DMatrixRMaj(2, 3),
        new DataProvenance("two rows", List.of()));
    assertThatThrownBy(() -> OneHotLabels.of(unlabelled))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no labels");
    Dataset unnamed = unlabelled.withLabels(new int[] {0, 4});
    assertThatThrownBy(() -> OneHotLabels.of(unnamed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("class count is unknown");
  }

  @Test
  void repeatedGivesCopiesOfOneLabel() {
    DMatrixRMaj m = OneHotLabels.repeated(1, 2, 4);
    assertThat(m.data).containsExactly(0, 1, 0, 0, 0, 1, 0, 0);
  }
}
