package org.latentj.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.examples.models.ConvNetworks;
import org.latentj.nn.ImageShape;
import org.latentj.nn.Initializer;
import org.latentj.nn.Sequential;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * The CPU time of one step of the conv VAE's networks (ConvVaeExample's encoder 16-32 and
 * decoder 16-8 on 1 x 28 x 28 images, a minibatch of 100 random binary images: encoder, decoder,
 * Bernoulli log-likelihood, backward), as the median and quartiles over the steps after 10 of
 * warm-up. CPU time of this thread, not wall time, so that runs on a loaded machine can still
 * be compared (alternate two builds A, B, A, B; run with {@code OPENBLAS_NUM_THREADS=1}, or
 * native BLAS threads spin on the caller's CPU while they wait for a core). It also prints the
 * loss to 17 digits: two builds that change no arithmetic print the same one.
 *
 * <p>Usage: {@code OPENBLAS_NUM_THREADS=1 scripts/run.sh
 * org.latentj.examples.bench.ConvStepCpuTime [steps]} (40 by default).
 */
public final class ConvStepCpuTime {

  private static final int WARMUP = 10;

  private ConvStepCpuTime() {}

  public static void main(String[] args) {
    int steps = args.length > 0 ? steps(args[0]) : 40;
    ImageShape image = ImageShape.of(1, 28, 28);
    UniformRandomProvider rng = Rngs.create(1);
    Sequential encoder = ConvNetworks.encoder(image, new int[] {16, 32}, 20,
        Initializer.glorotNormal(), rng);
    Sequential decoder = ConvNetworks.decoder(20, new int[] {16, 8}, image,
        Initializer.glorotNormal(), rng);
    DMatrixRMaj pixels = new DMatrixRMaj(100, image.size());
    for (int i = 0; i < pixels.data.length; i++) {
      pixels.data[i] = rng.nextDouble() < 0.2 ? 1 : 0;
    }
    Tensor x = Tensor.constant(pixels);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] millis = new double[steps];
    double loss = 0;
    for (int s = -WARMUP; s < steps; s++) {
      long start = threads.getCurrentThreadCpuTime();
      Tensor step = decoder.forward(encoder.forward(x)).bernoulliLogLikelihoodRows(x).sum().neg();
      step.backward();
      loss = step.item();
      // The encoder's output feeds the decoder directly, so both trees hold gradients.
      encoder.parameters().values().forEach(p -> p.tensor().zeroGrad());
      decoder.parameters().values().forEach(p -> p.tensor().zeroGrad());
      if (s >= 0) {
        millis[s] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
      }
    }
    Arrays.sort(millis);
    System.out.printf(Locale.ROOT, "conv VAE network step, batch 100: median %.2f ms CPU"
        + " (quartiles %.2f, %.2f; %d steps), loss %.17g%n", millis[steps / 2],
        millis[steps / 4], millis[3 * steps / 4], steps, loss);
  }

  static int steps(String arg) {
    try {
      int steps = Integer.parseInt(arg);
      if (steps >= 4) {
        return steps;
      }
    } catch (NumberFormatException e) {
      // the message below says what is wanted
    }
    throw new IllegalArgumentException("ConvStepCpuTime: steps must be a whole number of at"
        + " least 4, got '" + arg + "'");
  }
}
