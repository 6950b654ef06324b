package org.latentj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.inference.guice.OptimizersModule;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.training.Gradients;
import org.latentj.inference.training.Svi;
import org.latentj.model.Batch;
import org.latentj.model.Loss;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
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
  /** Convolutional networks, flows and learned priors, as {@code latentj train} builds them. */
  static final VaeSettings CONV = VaeSettings.builder().network("conv").inputSize(784)
      .image(1, 28, 28).channels(List.of(16, 32)).hiddenSizes(List.of(100)).latentSize(10)
      .build();

  static final List<VaeSettings> KINDS = List.of(DEFAULT, CONV,
      DEFAULT.toBuilder().flow("iaf:4").build(), DEFAULT.toBuilder().flow("planar:8").build(),
      DEFAULT.toBuilder().flow("realnvp:2").build(), DEFAULT.toBuilder().prior("mog:10").build(),
      DEFAULT.toBuilder().prior("vamp:50").build(), DEFAULT.toBuilder().prior("flow:2").build(),
      CONV.toBuilder().flow("iaf:2").likelihood("gaussian-learned-variance").build(),
      // above ModelFootprint.LARGEST_BUILT_FLOW latents the flows' counts are extrapolated
      DEFAULT.toBuilder().latentSize(70).flow("iaf:2").build(),
      DEFAULT.toBuilder().latentSize(70).flow("planar:3").build(),
      DEFAULT.toBuilder().latentSize(70).flow("radial:2").build(),
      DEFAULT.toBuilder().latentSize(70).flow("realnvp:2").build(),
      DEFAULT.toBuilder().latentSize(70).prior("flow:2").build());

  private static Svi built(VaeSettings settings) {
    return Guice.createInjector(new VaeModule(settings)).getInstance(Svi.class);
  }

  @Test
  void parametersAreThoseOfTheBuiltModelExactly() {
    for (VaeSettings s : KINDS) {
      long real = 0;
      for (Parameter p : built(s).parameters().values()) {
        real += p.tensor().size();
      }
      assertThat(MemoryEstimate.of(s, DType.FLOAT64, 1, 0).parameters())
          .as("%s, flow %s, prior %s", s.network().shape(), s.flow(), s.prior()).isEqualTo(real);
    }
  }

  /**
   * The activations against what one step allocates when no workspace recycles its matrices
   * (every op result and gradient is then a new array): within a factor of 2 for MLP, conv
   * (im2col patches) and flow posteriors.
   */
  @Test
  void activationsAreWithinAFactorOfTwoOfAMeasuredStep() {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    int rows = 16;
    for (VaeSettings s : List.of(DEFAULT, CONV, DEFAULT.toBuilder().flow("iaf:4").build())) {
      Svi svi = built(s);
      DMatrixRMaj x = new DMatrixRMaj(rows, 784);
      UniformRandomProvider rng = Rngs.create(1);
      for (int i = 0; i < x.data.length; i++) {
        x.data[i] = rng.nextDouble();
      }
      Batch batch = Batch.of(Tensor.constant(x));
      long measured = 0;
      for (int run = 0; run < 2; run++) { // the first run loads classes and fills caches
        long before = threads.getCurrentThreadAllocatedBytes();
        Loss loss = svi.objective().loss(svi.model(), svi.guide(), batch, rng);
        Gradients.backward(loss, svi.model(), svi.guide());
        measured = threads.getCurrentThreadAllocatedBytes() - before;
      }
      long estimate = MemoryEstimate.of(s, DType.FLOAT64, rows, 0).activationBytes();
      double ratio = (double) estimate / measured;
      System.out.printf("activations of %s, flow %s: estimate %,d bytes, measured %,d (ratio"
          + " %.2f)%n", s.network().shape(), s.flow(), estimate, measured, ratio);
      assertThat(ratio).as("%s, flow %s", s.network().shape(), s.flow()).isBetween(0.5, 2.0);
    }
  }

  /**
   * A heap that holds the MLP model refuses the same settings with wide convolution stages, and
   * one that holds the diagonal-Normal model refuses it with an IAF posterior (8 steps over 300
   * latents: 2.9 million flow parameters).
   */
  @Test
  void aConvOrFlowModelTooBigForTheHeapIsRefused() {
    VaeSettings mlp = CONV.toBuilder().network("mlp").build();
    long heap = MemoryEstimate.of(mlp, DType.FLOAT64, 100, 0).bytes();
    MemoryEstimate.of(mlp, DType.FLOAT64, 100, 0).requireFits(heap, 0, "train");
    MemoryEstimate wide = MemoryEstimate.of(CONV.toBuilder().channels(List.of(64, 128)).build(),
        DType.FLOAT64, 100, 0);
    assertThatThrownBy(() -> wide.requireFits(heap, 64L << 30, "train"))
        .isInstanceOf(MemoryEstimate.InsufficientMemoryException.class)
        .hasMessageStartingWith("the run needs about")
        .hasMessageContaining("GB this JVM may use");

    VaeSettings normal = DEFAULT.toBuilder().latentSize(300).build();
    long normalHeap = MemoryEstimate.of(normal, DType.FLOAT64, 100, 0).bytes();
    MemoryEstimate flow = MemoryEstimate.of(normal.toBuilder().flow("iaf:8").build(),
        DType.FLOAT64, 100, 0);
    assertThat(flow.parameters() - MemoryEstimate.of(normal, DType.FLOAT64, 100, 0).parameters())
        .isGreaterThan(8L * 300 * 600 * 2);
    assertThatThrownBy(() -> flow.requireFits(normalHeap, 64L << 30, "train"))
        .isInstanceOf(MemoryEstimate.InsufficientMemoryException.class)
        .hasMessageStartingWith("the run needs about");
  }
}
