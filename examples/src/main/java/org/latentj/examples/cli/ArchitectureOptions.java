package org.latentj.examples.cli;

import java.util.List;
import java.util.function.Predicate;
import org.latentj.inference.data.ImageShape;
import org.latentj.inference.guice.ComponentSpec;
import org.latentj.inference.guice.FlowsModule;
import org.latentj.inference.guice.NetworksModule;
import org.latentj.inference.guice.PriorsModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.tensor.Rngs;
import picocli.CommandLine.Option;

/**
 * {@code train}'s choices of network family and posterior (a picocli mixin): {@code --network},
 * {@code --channels} and {@code --image} for a convolutional encoder and decoder, and
 * {@code --flow} for an amortized flow on the diagonal Normal posterior. All of it goes into
 * {@link VaeSettings}, so provenance records it and a resumed run or any other command rebuilds
 * the same model from the run folder.
 */
final class ArchitectureOptions {

  /** The options of this mixin that change the shape of the model's parameters. */
  static final List<String> SHAPE_OPTIONS = List.of("--network", "--channels", "--image",
      "--flow");

  @Option(names = "--network", paramLabel = "NAME", defaultValue = NetworksModule.MLP,
      converter = ComponentNames.Networks.class,
      completionCandidates = ComponentNames.Networks.class,
      description = "Encoder and decoder: one of ${COMPLETION-CANDIDATES}. mlp: the --hidden "
          + "layers, fully connected; conv: 4x4 stride-2 convolutions with --channels (each "
          + "halves height and width), then the --hidden layers, the decoder mirroring them "
          + "with transposed convolutions (images only). Default: ${DEFAULT-VALUE}.")
  String network;

  @Option(names = "--channels", paramLabel = "N[,N...]", split = ",", defaultValue = "32,64",
      description = "With --network conv: output channels of each convolution stage, input "
          + "side first. Default: ${DEFAULT-VALUE}.")
  List<Integer> channels;

  @Option(names = "--image", paramLabel = "[Cx]HxW",
      description = "With --network conv: the image shape of a row, for data that carry none "
          + "(CSV); C (channels) is the row width / (H x W) unless given. Default: the data's "
          + "own shape (1x28x28 for the digits).")
  String image;

  @Option(names = "--flow", paramLabel = "FLOW", defaultValue = FlowsModule.NONE,
      converter = ComponentNames.Flows.class, completionCandidates = ComponentNames.Flows.class,
      description = "q(z|x): none (the encoder's diagonal Normal) or an amortized flow on it, "
          + "one of ${COMPLETION-CANDIDATES} with a layer count after a colon (e.g. iaf:4); "
          + "see the list below. Default: ${DEFAULT-VALUE}.")
  String flow;

  /** Checks what can be checked before the data are read: channels, flow, flow with prior. */
  void check(int latent, String prior) {
    for (int c : channels) {
      Commands.atLeast("--channels", c, 1);
    }
    ComponentSpec f = ComponentSpec.parse(flow);
    if (f.name().equals(FlowsModule.NONE)) {
      if (f.argument() != null) {
        throw new UsageException("--flow " + flow + ": none takes no layer count");
      }
      return;
    }
    try {
      // A trial build checks the spec; above a few dozen latents at a size that cannot exhaust
      // the heap, which the memory estimate checks next.
      int size = Math.min(latent, ModelFootprint.LARGEST_BUILT_FLOW);
      ComponentNames.components().flow(f.name()).create(f, size, size, Rngs.create(0));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--flow " + flow + ": " + e.getMessage());
    }
    if (ComponentSpec.parse(prior).name().equals(PriorsModule.VAMP)) {
      throw new UsageException("--prior " + prior + " cannot be combined with --flow " + flow
          + ": a VampPrior mixes the encoder's diagonal Normal posteriors at its pseudo-inputs;"
          + " leave out --flow or choose another prior");
    }
  }

  /** Sets network family, image shape, channels and flow of a new run on rows of {@code data}. */
  VaeSettings.Builder applyTo(VaeSettings.Builder settings, RunData data) {
    return applyTo(settings, null, data, option -> true);
  }

  /**
   * Sets on {@code settings} (which holds {@code previous}, or null for a new run) the options
   * {@code given} says the command line holds; the rest stay as in {@code previous}.
   */
  VaeSettings.Builder applyTo(VaeSettings.Builder settings, VaeSettings previous, RunData data,
      Predicate<String> given) {
    if (given.test("--flow")) {
      settings.flow(flow);
    }
    String type = given.test("--network") || previous == null ? network
        : previous.network().type();
    settings.network(type);
    if (!ComponentSpec.canonicalName(type).equals(NetworksModule.CONV)) {
      return settings.channels(List.of());
    }
    boolean keepImage = previous != null && !given.test("--image")
        && !previous.network().image().isEmpty();
    List<Integer> shape = keepImage ? previous.network().image() : imageShape(data);
    boolean keepChannels = previous != null && !given.test("--channels")
        && !previous.network().channels().isEmpty();
    return settings.image(shape.get(0), shape.get(1), shape.get(2))
        .channels(keepChannels ? previous.network().channels() : channels);
  }

  /** {@code [channels, height, width]} from {@code --image} or the data's own shape. */
  private List<Integer> imageShape(RunData data) {
    int width = data.featureCount();
    if (image == null) {
      ImageShape own = data.shape();
      if (own == null) {
        throw new UsageException("--network conv needs images, but the data are not: give"
            + " their shape with --image HxW (or CxHxW)");
      }
      return List.of(width / own.pixels(), own.height(), own.width());
    }
    String[] parts = image.toLowerCase(java.util.Locale.ROOT).split("x", -1);
    int[] n = new int[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        n[i] = Integer.parseInt(parts[i].trim());
      }
    } catch (NumberFormatException e) {
      n = new int[0];
    }
    if ((n.length != 2 && n.length != 3) || java.util.Arrays.stream(n).anyMatch(v -> v < 1)) {
      throw new UsageException("--image " + image + ": expected HxW or CxHxW with positive"
          + " whole numbers, e.g. 28x28 or 3x32x32");
    }
    int pixels = n[n.length - 2] * n[n.length - 1];
    int c = n.length == 3 ? n[0] : width / pixels;
    if (c < 1 || c * pixels != width) {
      throw new UsageException("--image " + image + ": " + (n.length == 3 ? c + " x " : "")
          + n[n.length - 2] + " x " + n[n.length - 1] + " images do not divide the row width "
          + width + (n.length == 3 ? " (" + c * pixels + " values)" : " (" + pixels
          + " pixels per channel)"));
    }
    return List.of(c, n[n.length - 2], n[n.length - 1]);
  }
}
