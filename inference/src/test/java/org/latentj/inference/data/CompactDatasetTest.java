package org.latentj.inference.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.inference.training.MinibatchData;
import org.latentj.model.Batch;
import org.latentj.tensor.Rngs;

/**
 * 8-bit pixels held as bytes give the same doubles, bit for bit, as the float64 copy the data
 * path used to make: after {@code x / 255}, in every minibatch, shuffled or not, and in subsets.
 */
class CompactDatasetTest {

  /** 37 images of 3x5 pixels, every byte value from 0 to 255 occurring. */
  private static Dataset pixels() throws IOException {
    byte[] idx = IdxBytes.images(37, 3, 5);
    for (int i = 16; i < idx.length; i++) {
      idx[i] = (byte) (i * 37 + 11);
    }
    return IdxReader.readImages(new ByteArrayInputStream(idx), "pixels");
  }

  /** The same data as a float64 matrix of 0..255, as IdxReader used to return it. */
  private static Dataset dense(Dataset compact) {
    return Dataset.of(compact.features(), compact.provenance());
  }

  private static long[] bits(DMatrixRMaj m) {
    long[] b = new long[m.getNumElements()];
    for (int i = 0; i < b.length; i++) {
      b[i] = Double.doubleToRawLongBits(m.data[i]);
    }
    return b;
  }

  @Test
  void idxPixelsStayBytesAndScaleWithoutACopy() throws IOException {
    Dataset raw = pixels();
    assertThat(raw.isCompact()).isTrue();
    assertThat(raw.valueRange()).containsExactly(0, 255);
    Dataset scaled = Transforms.scaleToUnit(raw);
    assertThat(scaled.isCompact()).isTrue();
    assertThat(scaled.valueRange()).containsExactly(0, 1);
    assertThat(scaled.toString()).contains("bytes");
    assertThat(bits(scaled.features()))
        .containsExactly(bits(Transforms.scaleToUnit(dense(raw)).features()));
    assertThat(scaled.toDense().isCompact()).isFalse();
    assertThat(bits(scaled.toDense().features())).containsExactly(bits(scaled.features()));
    // Scaled twice: the second step reads the doubles of the first, as the dense path does.
    assertThat(bits(Transforms.scaleToUnit(scaled).features()))
        .containsExactly(bits(Transforms.scaleToUnit(dense(scaled)).features()));
  }

  @Test
  void minibatchesOfBytesAreTheDenseMinibatchesBitForBit() throws IOException {
    Dataset compact = Transforms.scaleToUnit(pixels());
    Dataset dense = dense(compact);
    UniformRandomProvider r1 = Rngs.create(5);
    UniformRandomProvider r2 = Rngs.create(5);
    Minibatches a = Minibatches.shuffled(compact, 8, false, r1);
    Minibatches b = Minibatches.shuffled(dense, 8, false, r2);
    for (int epoch = 0; epoch < 3; epoch++) {
      int batches = 0;
      while (a.hasNext()) {
        assertThat(bits(a.next())).containsExactly(bits(b.next()));
        assertThat(a.rowIndices()).containsExactly(b.rowIndices());
        batches++;
      }
      assertThat(b.hasNext()).isFalse();
      assertThat(batches).isEqualTo(5);
      a.newEpoch(r1);
      b.newEpoch(r2);
    }
  }

  @Test
  void trainingBatchesAreTheSameAsFromTheDenseMatrixWithDynamicBinarization()
      throws IOException {
    Dataset compact = Transforms.scaleToUnit(pixels());
    DMatrixRMaj dense = compact.toDense().features();
    for (boolean binarize : new boolean[] {false, true}) {
      MinibatchData a = MinibatchData.of(compact, 10);
      MinibatchData b = MinibatchData.of(dense, 10);
      if (binarize) {
        a = a.dynamicallyBinarized();
        b = b.dynamicallyBinarized();
      }
      assertThat(a.size()).isEqualTo(37);
      Iterator<Batch> ea = a.epoch(Rngs.create(9));
      Iterator<Batch> eb = b.epoch(Rngs.create(9));
      while (ea.hasNext()) {
        assertThat(bits(ea.next().data().value())).containsExactly(bits(eb.next().data().value()));
      }
      assertThat(eb.hasNext()).isFalse();
    }
  }

  @Test
  void subsetsAndRangesStayCompactWithTheSameValues() throws IOException {
    Dataset compact = Transforms.scaleToUnit(pixels());
    Dataset dense = dense(compact);
    int[] picked = {36, 0, 5, 5};
    assertThat(compact.subset(picked).isCompact()).isTrue();
    assertThat(bits(compact.subset(picked).features()))
        .containsExactly(bits(dense.subset(picked).features()));
    assertThat(compact.rows(3, 9).isCompact()).isTrue();
    assertThat(bits(compact.rows(3, 9).features()))
        .containsExactly(bits(dense.rows(3, 9).features()));
    assertThat(compact.rows(4, 4).valueRange())
        .containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
  }
}
