package org.latentj.examples.cli;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.latentj.inference.guice.Components;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.tensor.DType;

/**
 * What a training run will hold on the Java heap, worked out from its settings before anything
 * is allocated, so a run the heap cannot hold is refused with one message instead of an
 * {@link OutOfMemoryError} minutes later.
 *
 * <p>bytes = parameters x (value + gradient + optimizer state + checkpoint snapshot) x dtype
 * + activations of one batch (batch x particles x the values a step keeps per row, plus what it
 * keeps whatever the rows; {@link ModelFootprint}: MLP or convolutional networks with their
 * im2col patches, the posterior's flow, the prior) x dtype + data values x 8 +
 * {@value #BASELINE_MB} MB for the JVM, Guice and the libraries. The dtype's size is 8 bytes for
 * float64 and 4 for float32; the data stay float64 as read whatever the dtype (float32 batches
 * are rounded as served). It is an estimate: the parameters exact for the VAEs
 * {@code latentj train} builds, the activations within a factor of 2 of a measured step.
 */
record MemoryEstimate(long parameters, int copies, int bytesPerValue, long activationBytes,
    long dataBytes) {

  /** Bytes per data value: the data are held as float64 matrices in every dtype. */
  static final int DATA_BYTES_PER_VALUE = Double.BYTES;
  static final long BASELINE_MB = 64;
  private static final double GB = 1024.0 * 1024 * 1024;

  /**
   * The estimate for {@code settings} trained in {@code dtype} on {@code dataValues} values in
   * batches.
   */
  static MemoryEstimate of(VaeSettings settings, DType dtype, int batchSize, long dataValues) {
    Components components = ComponentNames.components();
    ModelFootprint model = ModelFootprint.of(settings, components);
    long rows = (long) batchSize * settings.objective().particles();
    long activations = (rows * model.valuesPerRow() + model.valuesPerStep()) * dtype.bytes();
    int state = components.optimizer(settings.optimizer().name()).stateBuffers();
    // value + gradient + optimizer state, and the checkpoint's copy of value and state.
    int copies = 2 + state + (1 + state);
    return new MemoryEstimate(model.parameters(), copies, dtype.bytes(), activations,
        dataValues * DATA_BYTES_PER_VALUE);
  }

  long parameterBytes() {
    return parameters * copies * bytesPerValue;
  }

  long bytes() {
    return parameterBytes() + activationBytes + dataBytes + BASELINE_MB * 1024 * 1024;
  }

  /** As {@link #requireFits(long, long, String)} with this JVM's heap and machine's memory. */
  void requireFits(String command) {
    long physical = ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : 0;
    requireFits(Runtime.getRuntime().maxMemory(), physical, command);
  }

  /**
   * Fails unless the run fits in {@code heapBytes} ({@link Runtime#maxMemory()}), with one message
   * giving the estimate, the heap and how to raise it, and saying so when the machine's
   * {@code physicalBytes} (0 if unknown) are too few for that heap.
   */
  void requireFits(long heapBytes, long physicalBytes, String command) {
    if (bytes() <= heapBytes) {
      return;
    }
    long suggestGb = (long) Math.ceil(bytes() * 1.25 / GB);
    String machine = physicalBytes > 0 && suggestGb * GB > physicalBytes
        ? String.format(Locale.ROOT, "; this machine has only %.1f GB of memory, so lower "
            + "--hidden, --batch-size or --particles", physicalBytes / GB)
        : ", or lower --hidden, --batch-size or --particles";
    throw new InsufficientMemoryException(String.format(Locale.ROOT,
        "the run needs about %.1f GB of heap, more than the %.1f GB this JVM may use "
            + "(parameters: %,d values x %d copies (value, gradient, optimizer state and the "
            + "checkpoint's snapshot) x %d bytes = %.1f GB; activations of one batch %.1f GB; "
            + "data %.1f GB). Raise the heap, e.g. JAVA_OPTS=-Xmx%dg ./latentj %s ...%s",
        bytes() / GB, heapBytes / GB, parameters, copies, bytesPerValue,
        parameterBytes() / GB, activationBytes / GB, dataBytes / GB, suggestGb, command,
        machine));
  }

  /** The heap is too small for what was asked: a failure (exit 1), not a usage error. */
  static final class InsufficientMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InsufficientMemoryException(String message) {
      super(message);
    }
  }
}
