package org.latentj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentj.inference.guice.OptimizersModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.tensor.DType;

/** The heap estimate against the numbers worked out by hand for the default VAE. */
class MemoryEstimateTest {

  static final VaeSettings DEFAULT = VaeSettings.builder().inputSize(784)
      .hiddenSizes(List.of(400)).latentSize(20).build();

  @Test
  void countsTheDefaultVaesParametersAndAdamsCopies() {
    MemoryEstimate m = MemoryEstimate.of(
        DEFAULT.toBuilder().optimizer(OptimizersModule.ADAM, 1e-3).build(), DType.FLOAT64, 100,
        10_000L * 784);
    // 784x400 + 400, 400x40 + 40 (encoder); 20x400 + 400, 400x784 + 784 (decoder).
    assertThat(m.parameters()).isEqualTo(313_600 + 400 + 16_000 + 40 + 8_000 + 400 + 313_600
        + 784);
    // value, gradient, two moments; the checkpoint's copy of value and moments.
    assertThat(m.copies()).isEqualTo(7);
    assertThat(m.dataBytes()).isEqualTo(10_000L * 784 * 8);
    // 100 rows x (784 + 400 + 40 + 20 + 400 + 784) widths x 4 values x 8 bytes.
    assertThat(m.activationBytes()).isEqualTo(100L * 2428 * 4 * 8);
    assertThat(m.bytes()).isLessThan(256L << 20);
    m.requireFits(256L << 20, 0, "train");
  }

  @Test
  void sgdKeepsOneBufferAndAHugeLayerIsRefusedWithTheFigures() {
    MemoryEstimate sgd = MemoryEstimate.of(
        DEFAULT.toBuilder().optimizer(OptimizersModule.SGD, 0.1).build(), DType.FLOAT64, 1, 0);
    assertThat(sgd.copies()).isEqualTo(5);
    MemoryEstimate huge = MemoryEstimate.of(
        DEFAULT.toBuilder().hiddenSizes(List.of(100_000)).build(), DType.FLOAT64, 100, 0);
    assertThatThrownBy(() -> huge.requireFits(4L << 30, 64L << 30, "train"))
        .hasMessageStartingWith("the run needs about 9.2 GB of heap, more than the 4.0 GB")
        .hasMessageContaining("163,000,824 values x 7 copies")
        .hasMessageContaining("JAVA_OPTS=-Xmx12g ./latentj train ..., or lower --hidden");
    assertThatThrownBy(() -> huge.requireFits(4L << 30, 8L << 30, "train"))
        .hasMessageEndingWith("JAVA_OPTS=-Xmx12g ./latentj train ...; this machine has only "
            + "8.0 GB of memory, so lower --hidden, --batch-size or --particles");
  }

  @Test
  void float32HalvesParametersAndActivationsButNotTheFloat64Data() {
    VaeSettings adam = DEFAULT.toBuilder().optimizer(OptimizersModule.ADAM, 1e-3).build();
    MemoryEstimate f64 = MemoryEstimate.of(adam, DType.FLOAT64, 100, 10_000L * 784);
    MemoryEstimate f32 = MemoryEstimate.of(adam, DType.FLOAT32, 100, 10_000L * 784);
    assertThat(f32.bytesPerValue()).isEqualTo(4);
    assertThat(f32.parameterBytes()).isEqualTo(f64.parameterBytes() / 2);
    assertThat(f32.activationBytes()).isEqualTo(100L * 2428 * 4 * 4);
    assertThat(f32.dataBytes()).isEqualTo(f64.dataBytes());
    MemoryEstimate huge = MemoryEstimate.of(
        DEFAULT.toBuilder().hiddenSizes(List.of(100_000)).build(), DType.FLOAT32, 100, 0);
    assertThatThrownBy(() -> huge.requireFits(4L << 30, 64L << 30, "train"))
        .hasMessageContaining("163,000,824 values x 7 copies")
        .hasMessageContaining("x 4 bytes = 4.3 GB");
  }
}
