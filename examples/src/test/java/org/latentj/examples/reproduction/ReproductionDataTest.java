package org.latentj.examples.reproduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ReproductionDataTest {

  private static DMatrixRMaj counting(int rows, int cols) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = i;
    }
    return m;
  }

  @Test
  void cutsTakeTheFirstRows() {
    ReproductionData d = new ReproductionData(counting(5, 2), counting(3, 2), "counts");
    assertThat(d.trainSubset(2).data).containsExactly(0, 1, 2, 3);
    assertThat(d.testSubset(0)).isSameAs(d.test());
    assertThat(d.testSubset(9).numRows).isEqualTo(3);
    ReproductionData head = d.head(4, 1);
    assertThat(head.train().numRows).isEqualTo(4);
    assertThat(head.test().data).containsExactly(0, 1);
    assertThat(head.description()).isEqualTo("counts, first 4 / 1");
    // Column means of rows (0,1), (2,3), ..., (8,9).
    assertThat(d.pixelMeans().data).containsExactly(4, 5);
    assertThatThrownBy(() -> d.trainSubset(0))
        .hasMessage("ReproductionData: need at least one row, got 0");
    assertThatThrownBy(() -> new ReproductionData(counting(2, 2), counting(2, 3), "x"))
        .hasMessage("ReproductionData: train has 2 columns but test has 3");
  }

  @Test
  void imagesByName() throws IOException {
    ReproductionData.Images digits = ReproductionData.images("digits", null);
    assertThat(digits.train().size()).isEqualTo(8000);
    assertThat(digits.test().size()).isEqualTo(2000);
    assertThat(digits.firstTraining(30).train().size()).isEqualTo(30);
    assertThat(digits.firstTraining(0)).isSameAs(digits);
    assertThatThrownBy(() -> ReproductionData.images("mnist", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ReproductionData: data set must be digits or fashion, got 'mnist'");
  }
}
