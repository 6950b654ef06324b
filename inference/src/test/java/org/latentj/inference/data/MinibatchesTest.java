package org.latentj.inference.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.Rngs;

class MinibatchesTest {

  /** {@code n x 3} with row i = (i, i + 0.25, i + 0.5). */
  private static DMatrixRMaj data(int n) {
    DMatrixRMaj m = new DMatrixRMaj(n, 3);
    for (int i = 0; i < n; i++) {
      m.set(i, 0, i);
      m.set(i, 1, i + 0.25);
      m.set(i, 2, i + 0.5);
    }
    return m;
  }

  /** The row indices of every batch of one epoch, checking each batch's content. */
  private static List<int[]> epoch(Minibatches mb, DMatrixRMaj data) {
    List<int[]> batches = new ArrayList<>();
    DMatrixRMaj reused = null;
    while (mb.hasNext()) {
      DMatrixRMaj b = mb.next();
      if (reused != null) {
        assertThat(b).isSameAs(reused);
      }
      reused = b;
      assertThat(b.numRows).isEqualTo(mb.currentBatchSize());
      for (int i = 0; i < b.numRows; i++) {
        int row = mb.rowIndex(i);
        for (int c = 0; c < 3; c++) {
          assertThat(b.get(i, c)).isEqualTo(data.get(row, c));
        }
      }
      batches.add(mb.rowIndices());
    }
    return batches;
  }

  @Test
  void everyExampleExactlyOncePerEpochWithTheLastBatchKept() {
    DMatrixRMaj data = data(103);
    Minibatches mb = Minibatches.shuffled(data, 10, false, Rngs.create(1));
    assertThat(mb.batchCount()).isEqualTo(11);
    List<int[]> batches = epoch(mb, data);
    assertThat(batches).hasSize(11);
    assertThat(batches.get(10)).hasSize(3);
    int[] seen = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
    assertThat(seen).isEqualTo(IntStream.range(0, 103).toArray());
    int[] order = batches.stream().flatMapToInt(Arrays::stream).toArray();
    assertThat(order).isNotEqualTo(seen);
    assertThatThrownBy(mb::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void dropLastKeepsOnlyFullBatches() {
    DMatrixRMaj data = data(103);
    Minibatches mb = Minibatches.shuffled(data, 10, true, Rngs.create(1));
    assertThat(mb.batchCount()).isEqualTo(10);
    List<int[]> batches = epoch(mb, data);
    assertThat(batches).hasSize(10).allSatisfy(b -> assertThat(b).hasSize(10));
    assertThat(batches.stream().flatMapToInt(Arrays::stream).distinct().count()).isEqualTo(100);
  }

  @Test
  void deterministicGivenTheGeneratorStateAndFreshEachEpoch() {
    DMatrixRMaj data = data(50);
    UniformRandomProvider a = Rngs.create(9);
    UniformRandomProvider b = Rngs.create(9);
    Minibatches ma = Minibatches.shuffled(data, 8, false, a);
    Minibatches mb = Minibatches.shuffled(data, 8, false, b);
    List<int[]> first = epoch(ma, data);
    assertThat(epoch(mb, data)).containsExactlyElementsOf(first);
    ma.newEpoch(a);
    mb.newEpoch(b);
    List<int[]> second = epoch(ma, data);
    assertThat(epoch(mb, data)).containsExactlyElementsOf(second);
    assertThat(second.get(0)).isNotEqualTo(first.get(0));
  }

  @Test
  void skippingResumesAnEpochWhereACheckpointLeftIt() {
    DMatrixRMaj data = data(23);
    Minibatches full = Minibatches.shuffled(data, 5, false, Rngs.create(4));
    List<int[]> all = epoch(full, data);
    Minibatches resumed = Minibatches.shuffled(data, 5, false, Rngs.create(4));
    resumed.next();
    resumed.skip(2);
    assertThat(resumed.batchesDone()).isEqualTo(3);
    assertThat(epoch(resumed, data)).containsExactlyElementsOf(all.subList(3, 5));
    assertThat(resumed.batchesDone()).isEqualTo(5);
    assertThatThrownBy(() -> resumed.skip(1)).hasMessageContaining("0 of 5 are left");
  }

  @Test
  void inOrderWalksTheStoredRows() {
    DMatrixRMaj data = data(7);
    List<int[]> batches = epoch(Minibatches.inOrder(data, 3), data);
    assertThat(batches).containsExactly(new int[] {0, 1, 2}, new int[] {3, 4, 5}, new int[] {6});
  }

  @Test
  void theShuffleIsUniform() {
    // Where row 0 lands in a shuffle of 8 rows, over 8000 epochs: uniform by a chi-square test.
    DMatrixRMaj data = data(8);
    UniformRandomProvider rng = Rngs.create(31);
    Minibatches mb = Minibatches.shuffled(data, 8, false, rng);
    long[] position = new long[8];
    for (int e = 0; e < 8000; e++) {
      mb.newEpoch(rng);
      mb.next();
      int[] rows = mb.rowIndices();
      for (int i = 0; i < 8; i++) {
        if (rows[i] == 0) {
          position[i]++;
        }
      }
    }
    double[] expected = new double[8];
    Arrays.fill(expected, 1000);
    assertThat(new ChiSquareTest().chiSquareTest(expected, position)).isGreaterThan(0.001);
  }

  @Test
  void anEpochAllocatesNothingPerExample() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    int n = 20_000;
    DMatrixRMaj data = data(n);
    UniformRandomProvider rng = Rngs.create(3);
    Minibatches mb = Minibatches.shuffled(data, 64, false, rng);
    double sink = 0;
    for (int warm = 0; warm < 3; warm++) {
      mb.newEpoch(rng);
      while (mb.hasNext()) {
        sink += mb.next().data[0] + mb.rowIndex(0);
      }
    }
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    mb.newEpoch(rng);
    while (mb.hasNext()) {
      sink += mb.next().data[0] + mb.rowIndex(0);
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    assertThat(sink).isPositive();
    // 20,000 examples: even one 16-byte object per example would be 320 kB.
    assertThat(allocated).isLessThan(n);
  }

  @Test
  void rejectsABadBatchSizeAndBadBatchRows() {
    assertThatThrownBy(() -> Minibatches.inOrder(data(3), 0))
        .hasMessageContaining("batchSize must be >= 1, got 0");
    Minibatches mb = Minibatches.inOrder(data(3), 2);
    mb.next();
    assertThatThrownBy(() -> mb.rowIndex(2)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
