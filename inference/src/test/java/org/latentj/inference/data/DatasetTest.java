package org.latentj.inference.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DatasetTest {

  /** Four examples of three features, value = 10 * row + column, labels 2, 0, 1, 2. */
  private static Dataset sample() {
    DMatrixRMaj m = new DMatrixRMaj(4, 3);
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 3; c++) {
        m.set(r, c, 10 * r + c);
      }
    }
    return Dataset.of(m, DataProvenance.inMemory("sample")).withLabels(new int[] {2, 0, 1, 2},
        List.of("a", "b", "c"));
  }

  @Test
  void sizesLabelsAndNames() {
    Dataset ds = sample();
    assertThat(ds.size()).isEqualTo(4);
    assertThat(ds.featureCount()).isEqualTo(3);
    assertThat(ds.hasLabels()).isTrue();
    assertThat(ds.label(3)).isEqualTo(2);
    assertThat(ds.classNames()).containsExactly("a", "b", "c");
    assertThat(ds.imageShape()).isEmpty();
  }

  @Test
  void labelsAreCopiedInAndOut() {
    int[] labels = {0, 1, 0, 1};
    Dataset ds = Dataset.of(new DMatrixRMaj(4, 2), DataProvenance.inMemory("x")).withLabels(labels);
    labels[0] = 1;
    ds.labels().orElseThrow()[1] = 0;
    assertThat(ds.labels().orElseThrow()).containsExactly(0, 1, 0, 1);
  }

  @Test
  void subsetCopiesRowsInTheGivenOrderWithRepeats() {
    Dataset sub = sample().subset(new int[] {3, 1, 3});
    assertThat(sub.size()).isEqualTo(3);
    assertThat(sub.features().data).containsExactly(30, 31, 32, 10, 11, 12, 30, 31, 32);
    assertThat(sub.labels().orElseThrow()).containsExactly(2, 0, 2);
    assertThat(sub.classNames()).containsExactly("a", "b", "c");
    assertThat(sub.provenance().description()).isEqualTo("sample | subset of 3 rows");
  }

  @Test
  void rowsCopiesARange() {
    Dataset ds = sample();
    Dataset part = ds.rows(1, 3);
    assertThat(part.features().data).containsExactly(10, 11, 12, 20, 21, 22);
    assertThat(part.labels().orElseThrow()).containsExactly(0, 1);
    part.features().data[0] = -1;
    assertThat(ds.features().get(1, 0)).isEqualTo(10);
    assertThat(ds.rows(2, 2).size()).isZero();
  }

  @Test
  void rejectsBadArgumentsNamingThem() {
    Dataset ds = sample();
    assertThatThrownBy(() -> ds.subset(new int[] {0, 4}))
        .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("rows[1] = 4");
    assertThatThrownBy(() -> ds.rows(3, 2)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("rows(3, 2)");
    assertThatThrownBy(() -> ds.withLabels(new int[] {0, 1}))
        .hasMessageContaining("2 labels for 4 rows");
    assertThatThrownBy(() -> ds.withLabels(new int[] {0, 1, 3, 0}, List.of("a", "b", "c")))
        .hasMessageContaining("label 3 at row 2 is outside [0, 3)");
    assertThatThrownBy(() -> ds.withLabels(new int[] {0, -1, 0, 0}))
        .hasMessageContaining("label -1 at row 1");
    assertThatThrownBy(() -> ds.withImageShape(new ImageShape(2, 2)))
        .hasMessageContaining("image shape 2x2 has 4 pixels but the data has 3 columns");
    Dataset unlabelled = Dataset.of(new DMatrixRMaj(2, 2), DataProvenance.inMemory("u"));
    assertThatThrownBy(() -> unlabelled.label(0)).isInstanceOf(IllegalStateException.class);
    assertThat(unlabelled.labels()).isEmpty();
  }

  @Test
  void withFeaturesKeepsLabelsAndRecordsTheStep() {
    Dataset ds = sample().withFeatures(new DMatrixRMaj(4, 3), "zeroed");
    assertThat(ds.labels().orElseThrow()).containsExactly(2, 0, 1, 2);
    assertThat(ds.provenance().description()).isEqualTo("sample | zeroed");
    assertThatThrownBy(() -> ds.withFeatures(new DMatrixRMaj(3, 3), "bad"))
        .hasMessageContaining("3x3, expected 4 rows");
  }
}
