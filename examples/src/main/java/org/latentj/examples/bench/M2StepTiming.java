package org.latentj.examples.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.examples.data.EmbeddedDigits;
import org.latentj.examples.models.M2;
import org.latentj.examples.models.M2Objective;
import org.latentj.inference.data.Transforms;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.training.Svi;
import org.latentj.model.Batch;
import org.latentj.model.Loss;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * CPU milliseconds of one unlabelled M2 training step (the label summed out by
 * {@link org.latentj.inference.objectives.TraceEnumElbo}, Adam), A/B in one JVM so that the load
 * of a shared machine falls on both alike: A gives every step a fresh objective, which must find
 * the enumerated site again (a discovery pass of the guide up to it, as every step did before the
 * objective remembered its plan); B reuses one objective, as training does. Blocks of steps
 * alternate A, B, A, B, ...; each block's CPU time is the process's (every thread: the kernels'
 * too) per step, and the medians over blocks are printed.
 *
 * <p>{@code scripts/run.sh org.latentj.examples.bench.M2StepTiming [blocks] [steps] [dtype]}
 * (defaults 10, 10, float64), at the M2 driver's defaults: 500 hidden units, 50 latents, batches
 * of 100 binarized embedded digits.
 */
public final class M2StepTiming {

  private static final int HIDDEN = 500;
  private static final int LATENT = 50;
  private static final int BATCH = 100;

  private M2StepTiming() {}

  public static void main(String[] args) {
    int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    DType dtype = args.length > 2 ? DType.parse(args[2]) : DType.FLOAT64;
    M2 m2 = M2.create(HIDDEN, LATENT, 1);
    m2.model().convertTo(dtype);
    m2.guide().convertTo(dtype);
    Batch batch = Batch.of(Tensor.constant(Transforms.binarizeOnce(Transforms.scaleToUnit(
        EmbeddedDigits.train().rows(0, BATCH)), 3).features(), dtype));
    Objective fresh = new Objective() {
      @Override
      public Tensor bound(Program model, Program guide, Batch b, UniformRandomProvider rng) {
        return objective().bound(model, guide, b, rng);
      }

      @Override
      public Loss loss(Program model, Program guide, Batch b, UniformRandomProvider rng) {
        return objective().loss(model, guide, b, rng);
      }
    };
    Svi a = svi(m2, fresh);
    Svi b = svi(m2, objective());
    UniformRandomProvider rng = Rngs.create(7);
    for (int w = 0; w < 3; w++) { // warm-up: the JIT and both workspaces
      block(a, batch, steps, rng);
      block(b, batch, steps, rng);
    }
    double[] msA = new double[blocks];
    double[] msB = new double[blocks];
    for (int i = 0; i < blocks; i++) {
      msA[i] = block(a, batch, steps, rng);
      msB[i] = block(b, batch, steps, rng);
    }
    System.out.printf(Locale.ROOT, "M2 unlabelled step, %d hidden, %d latents, batch %d, %s:"
        + " %d blocks of %d steps%n", HIDDEN, LATENT, BATCH, dtype, blocks, steps);
    System.out.printf(Locale.ROOT, "A (discovery pass every step): median %.1f CPU ms per step"
        + " (blocks %s)%n", median(msA), Arrays.toString(round(msA)));
    System.out.printf(Locale.ROOT, "B (plan remembered):           median %.1f CPU ms per step"
        + " (blocks %s)%n", median(msB), Arrays.toString(round(msB)));
    System.out.printf(Locale.ROOT, "B / A = %.3f%n", median(msB) / median(msA));
  }

  private static M2Objective objective() {
    return new M2Objective(100, 7900, 0.1);
  }

  private static Svi svi(M2 m2, Objective objective) {
    return new Svi(m2.model(), m2.guide(), objective, Adam.builder().learningRate(1e-4)
        .build(Svi.parametersOf(m2.model(), m2.guide())));
  }

  /** Process CPU milliseconds per step over {@code steps} steps. */
  private static double block(Svi svi, Batch batch, int steps, UniformRandomProvider rng) {
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    long start = os.getProcessCpuTime();
    for (int s = 0; s < steps; s++) {
      svi.step(batch, rng);
    }
    return (os.getProcessCpuTime() - start) / 1e6 / steps;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double[] round(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.round(values[i] * 10) / 10.0;
    }
    return out;
  }
}
