package org.latentj.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.latentj.inference.flows.Flow;
import org.latentj.inference.guice.ComponentSpec;
import org.latentj.inference.guice.Components;
import org.latentj.inference.guice.FlowsModule;
import org.latentj.inference.guice.NetworksModule;
import org.latentj.inference.guice.NetworkSettings;
import org.latentj.inference.guice.PriorInputs;
import org.latentj.inference.guice.PriorsModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.model.Head;
import org.latentj.nn.Module;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;

/**
 * How many parameters a VAE of {@code latentj train} has and how many values one training step
 * keeps per example, worked out from its settings without building its networks (a model too
 * big for the heap must be refused before it is allocated). It follows what the components
 * build: MLP or convolutional encoder and decoder ({@code ConvNetworkFactory}'s 4 x 4, stride 2,
 * padding 1 stages with im2col), the posterior's flow and the prior. Flows are latent-sized, so
 * they are built and counted (above {@value #LARGEST_BUILT_FLOW} latents, extrapolated from
 * smaller ones), as are a flow prior and the likelihood's head (a learned variance at most); the
 * rest is counted from the shapes.
 * {@code MemoryEstimateTest} checks the parameters against built models exactly and the values
 * against a measured step.
 *
 * <p>Values per example: every layer output is kept with its activation and the gradient of
 * each (4 per column); a convolution stage keeps its im2col patches ({@code H'W' x C k k}), the
 * product and its reordering, each with a gradient; a flow 4 per column of each of its
 * parameter matrices; a mixture or VampPrior its {@code K x d} per-component terms.
 *
 * @param parameters every trained value of model and guide
 * @param valuesPerRow values kept per row of a step (rows = examples x particles)
 * @param valuesPerStep values a step keeps whatever its rows (the VampPrior's pseudo-inputs
 *     through the encoder)
 */
record ModelFootprint(long parameters, long valuesPerRow, long valuesPerStep) {

  /** The convolutional networks' layout, from the module that builds them. */
  static final int KERNEL = NetworksModule.CONV_KERNEL;
  static final int STRIDE = NetworksModule.CONV_STRIDE;

  /** Values kept per column of a layer's output: output, activation, and both gradients. */
  private static final int PER_COLUMN = 4;

  static ModelFootprint of(VaeSettings settings, Components components) {
    int d = settings.latentSize();
    NetworkSettings net = settings.network();
    Part flow = flow(settings, components);
    int posteriorColumns = flow == null ? 2 * d : flow.headColumns;
    Head likelihood = components.likelihood(settings.likelihood().name())
        .head(settings.likelihood(), settings.inputSize()); // small: a learned variance at most
    int likelihoodColumns = likelihood.rawColumns(settings.inputSize());
    Part encoder = net.type().equals(NetworksModule.CONV) ? convEncoder(net, posteriorColumns)
        : mlp(net.encoderSizes(posteriorColumns));
    Part decoder = net.type().equals(NetworksModule.CONV) ? convDecoder(net, likelihoodColumns)
        : mlp(net.decoderSizes(likelihoodColumns));
    long parameters = encoder.parameters + decoder.parameters + count(likelihood);
    long perRow = encoder.valuesPerRow + decoder.valuesPerRow;
    long perStep = 0;
    if (flow != null) {
      parameters += flow.parameters;
      perRow += flow.valuesPerRow;
    }
    ComponentSpec prior = settings.prior();
    switch (prior.name()) {
      case PriorsModule.MIXTURE -> {
        long k = prior.positiveIntArgument();
        parameters += k * (2L * d + 1); // weights, means, log-variances
        perRow += PER_COLUMN * k * d;
      }
      case PriorsModule.VAMP -> {
        long k = prior.positiveIntArgument();
        parameters += k * settings.inputSize(); // the pseudo-inputs; the encoder is the guide's
        perRow += PER_COLUMN * k * d;
        perStep += k * encoder.valuesPerRow;
      }
      case PriorsModule.FLOW -> {
        Part flowPrior = latentSized(d, size -> components.prior(prior.name()).create(prior,
            new PriorInputs(size, DType.FLOAT64, null, settings.inputSize(), null)));
        parameters += flowPrior.parameters;
        perRow += flowPrior.valuesPerRow;
      }
      default -> { } // N(0, I) and priors of plugins: no parameters counted
    }
    return new ModelFootprint(parameters, perRow, perStep);
  }

  /** Parameters and values per row of one network or flow; a flow also its head's width. */
  private record Part(long parameters, long valuesPerRow, int headColumns) {}

  /**
   * Largest latent size at which the posterior's flow is built to be counted. Above it the flow
   * is built at this size and the next two and its counts extrapolated by the parabola through
   * them: the registered flows' layers are {@code d} or {@code 2d} wide there, so their counts are
   * quadratic in {@code d} and the extrapolation is exact (tested), while a flow over thousands of
   * latents is never allocated just to be counted.
   */
  static final int LARGEST_BUILT_FLOW = 64;

  /** The settings' posterior flow, counted at the latent size, or null for the diagonal Normal. */
  private static Part flow(VaeSettings settings, Components components) {
    ComponentSpec spec = settings.flow();
    if (spec.name().equals(FlowsModule.NONE)) {
      return null;
    }
    int d = settings.latentSize();
    Part flow = latentSized(d, size -> components.flow(spec.name()).create(spec, size, size,
        Rngs.create(0)));
    // FlowHead: the encoder outputs the base's mean and log-variance and d context columns.
    return new Part(flow.parameters, flow.valuesPerRow, 3 * d);
  }

  /** Parameters and values per row of {@code build(d)}, built or extrapolated (see above). */
  private static Part latentSized(int d, IntFunction<Module> build) {
    if (d <= LARGEST_BUILT_FLOW) {
      Module m = build.apply(d);
      return new Part(count(m), matrixColumns(m), 0);
    }
    long[] parameters = new long[3];
    long[] values = new long[3];
    for (int i = 0; i < 3; i++) {
      Module m = build.apply(LARGEST_BUILT_FLOW + i);
      parameters[i] = count(m);
      values[i] = matrixColumns(m);
    }
    return new Part(parabola(parameters, d - LARGEST_BUILT_FLOW),
        parabola(values, d - LARGEST_BUILT_FLOW), 0);
  }

  /** The value at {@code x} of the parabola through {@code (0, y0), (1, y1), (2, y2)}. */
  static long parabola(long[] y, long x) {
    long first = y[1] - y[0];
    long second = y[2] - 2 * y[1] + y[0];
    return y[0] + first * x + second * x * (x - 1) / 2;
  }

  private static long count(Module m) {
    long n = 0;
    for (Parameter p : m.parameters().values()) {
      n += p.tensor().size();
    }
    return n;
  }

  /** 4 values per column of every parameter matrix: a flow's layer outputs, roughly. */
  private static long matrixColumns(Module m) {
    long n = 0;
    for (Parameter p : m.parameters().values()) {
      n += PER_COLUMN * p.tensor().cols();
    }
    return n;
  }

  /** An MLP over {@code sizes}: weights and biases; 4 values per column of every layer. */
  private static Part mlp(int[] sizes) {
    long parameters = 0;
    long values = PER_COLUMN * (long) sizes[0];
    for (int i = 1; i < sizes.length; i++) {
      parameters += (long) sizes[i - 1] * sizes[i] + sizes[i];
      values += PER_COLUMN * (long) sizes[i];
    }
    return new Part(parameters, values, 0);
  }

  /** Convolution stages halving the image, then an MLP to the head (ConvNetworkFactory). */
  private static Part convEncoder(NetworkSettings net, int out) {
    int channels = net.image().get(0);
    int height = net.image().get(1);
    int width = net.image().get(2);
    long parameters = 0;
    long values = PER_COLUMN * (long) net.inputSize();
    for (int c : net.channels()) {
      height /= STRIDE;
      width /= STRIDE;
      long positions = (long) height * width;
      parameters += (long) channels * KERNEL * KERNEL * c + c;
      // patches, product, channels-first, activation: each with its gradient
      values += 2 * positions * (channels * KERNEL * KERNEL + 3L * c);
      channels = c;
    }
    Part mlp = mlp(sizes(channels * height * width, net.hiddenSizes(), false, out));
    return new Part(parameters + mlp.parameters, values + mlp.valuesPerRow, 0);
  }

  /** An MLP to the last stage's image, then transposed convolutions doubling it back. */
  private static Part convDecoder(NetworkSettings net, int out) {
    List<Integer> stages = net.channels();
    int height = net.image().get(1) >> stages.size();
    int width = net.image().get(2) >> stages.size();
    int channels = stages.get(stages.size() - 1);
    Part mlp = mlp(sizes(net.latentSize(), net.hiddenSizes(), true, channels * height * width));
    long parameters = mlp.parameters;
    long values = mlp.valuesPerRow;
    int pixels = net.image().get(1) * net.image().get(2);
    for (int i = stages.size() - 1; i >= 0; i--) {
      int next = i > 0 ? stages.get(i - 1) : out / pixels;
      long in = (long) height * width;
      height *= STRIDE;
      width *= STRIDE;
      parameters += (long) channels * next * KERNEL * KERNEL + next;
      // activation, channels-last, product (patches), col2im, bias: each with its gradient
      values += 2 * (2 * in * channels + in * next * KERNEL * KERNEL
          + 2L * height * width * next);
      channels = next;
    }
    return new Part(parameters, values, 0);
  }

  /** {@code first, hidden (reversed if asked)..., last}. */
  private static int[] sizes(int first, List<Integer> hidden, boolean reversed, int last) {
    List<Integer> w = new ArrayList<>(List.of(first));
    for (int i = 0; i < hidden.size(); i++) {
      w.add(hidden.get(reversed ? hidden.size() - 1 - i : i));
    }
    w.add(last);
    return w.stream().mapToInt(Integer::intValue).toArray();
  }
}
