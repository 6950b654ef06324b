package org.latentj.inference.guice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.latentj.nn.Activation;

/**
 * Everything that defines a VAE, one small value per concern: the networks' shape, the
 * likelihood p(x|z), the prior p(z) and the posterior's flow (each a registered name with an
 * optional argument; the flow {@value FlowsModule#NONE} keeps q(z|x) a diagonal Normal), the
 * objective, the optimizer, and the seed. Components are named, not enumerated: a name picks a
 * binding in the registries of {@link ObjectivesModule}, {@link OptimizersModule},
 * {@link PriorsModule}, {@link LikelihoodsModule}, {@link NetworksModule} and
 * {@link FlowsModule}, so a user's own objective is one binding away.
 *
 * <p>Build one with {@link #builder()} (defaults: the VAE-400-20 of latentj's benchmarks,
 * 784-400-20-400-784 ReLU, Bernoulli, standard-normal prior, analytic KL, Adam 1e-3, seed 42),
 * change one with {@link #toBuilder()}. Written to provenance as JSON data by Jackson and read
 * back from it, including the flat form runs wrote before these settings were split
 * ({@link LegacySettings}).
 */
public record VaeSettings(NetworkSettings network, ComponentSpec likelihood, ComponentSpec prior,
    ComponentSpec flow, ObjectiveSettings objective, OptimizerSettings optimizer, long seed)
    implements java.io.Serializable {

  public VaeSettings {
    SettingsChecks.given("network", network);
    SettingsChecks.given("likelihood", likelihood);
    SettingsChecks.given("prior", prior);
    SettingsChecks.given("flow", flow);
    SettingsChecks.given("objective", objective);
    SettingsChecks.given("optimizer", optimizer);
  }

  /** The defaults. */
  public static VaeSettings defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.networkType = network.type();
    b.inputSize = network.inputSize();
    b.hiddenSizes = network.hiddenSizes();
    b.image = network.image();
    b.channels = network.channels();
    b.activation = network.activation();
    b.latentSize = network.latentSize();
    b.likelihood = likelihood;
    b.prior = prior;
    b.flow = flow;
    b.objective = objective.name();
    b.particles = objective.particles();
    b.optimizer = optimizer.name();
    b.learningRate = optimizer.learningRate();
    b.seed = seed;
    return b;
  }

  /**
   * Reads the JSON of either form: this record's, or the flat ten-field one of older runs.
   *
   * @throws IllegalArgumentException naming what is missing or wrong
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static VaeSettings fromJson(JsonNode json) {
    return LegacySettings.read(json);
  }

  /** Features per example. */
  public int inputSize() {
    return network.inputSize();
  }

  /** Dimensions of z. */
  public int latentSize() {
    return network.latentSize();
  }

  /** Builds {@link VaeSettings}; every setter returns the builder, checks happen in build. */
  public static final class Builder {
    private String networkType = NetworksModule.MLP;
    private int inputSize = 784;
    private List<Integer> hiddenSizes = List.of(400);
    private List<Integer> image = List.of();
    private List<Integer> channels = List.of();
    private Activation activation = Activation.RELU;
    private int latentSize = 20;
    private ComponentSpec likelihood = ComponentSpec.of(LikelihoodsModule.BERNOULLI);
    private ComponentSpec prior = ComponentSpec.of(PriorsModule.STANDARD_NORMAL);
    private ComponentSpec flow = ComponentSpec.of(FlowsModule.NONE);
    private String objective = ObjectivesModule.ANALYTIC_KL;
    private int particles = 1;
    private String optimizer = OptimizersModule.ADAM;
    private double learningRate = 1e-3;
    private long seed = 42;

    private Builder() {}

    public Builder network(String type) {
      this.networkType = type;
      return this;
    }

    public Builder inputSize(int n) {
      this.inputSize = n;
      return this;
    }

    /**
     * The image shape of a row, for a convolutional network ({@code channels x height x width}
     * must be the input size).
     */
    public Builder image(int channels, int height, int width) {
      this.image = List.of(channels, height, width);
      return this;
    }

    /** The output channels of each convolution stage, input side first. */
    public Builder channels(List<Integer> channels) {
      this.channels = channels;
      return this;
    }

    public Builder hiddenSizes(List<Integer> sizes) {
      this.hiddenSizes = sizes;
      return this;
    }

    public Builder activation(Activation a) {
      this.activation = a;
      return this;
    }

    public Builder latentSize(int n) {
      this.latentSize = n;
      return this;
    }

    /** The likelihood by name, e.g. {@code "gaussian"}. */
    public Builder likelihood(String spec) {
      this.likelihood = spec == null ? null : ComponentSpec.parse(spec);
      return this;
    }

    /** The prior by name and argument, e.g. {@code "standard-normal"} or {@code "mog:10"}. */
    public Builder prior(String spec) {
      this.prior = spec == null ? null : ComponentSpec.parse(spec);
      return this;
    }

    /** The posterior's flow by name and layers, e.g. {@code "iaf:4"}, or {@code "none"}. */
    public Builder flow(String spec) {
      this.flow = spec == null ? null : ComponentSpec.parse(spec);
      return this;
    }

    /** The objective by name, e.g. {@code "iwae"}. */
    public Builder objective(String name) {
      this.objective = name;
      return this;
    }

    /** The objective and its particles per example. */
    public Builder objective(String name, int k) {
      this.objective = name;
      this.particles = k;
      return this;
    }

    public Builder particles(int k) {
      this.particles = k;
      return this;
    }

    /** The optimizer by name, e.g. {@code "adagrad"}. */
    public Builder optimizer(String name) {
      this.optimizer = name;
      return this;
    }

    /** The optimizer and its learning rate. */
    public Builder optimizer(String name, double rate) {
      this.optimizer = name;
      this.learningRate = rate;
      return this;
    }

    public Builder learningRate(double rate) {
      this.learningRate = rate;
      return this;
    }

    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException naming the first value that no VAE can use
     */
    public VaeSettings build() {
      return new VaeSettings(
          new NetworkSettings(networkType, inputSize, hiddenSizes, activation, latentSize,
              image, channels),
          likelihood, prior, flow, new ObjectiveSettings(objective, particles),
          new OptimizerSettings(optimizer, learningRate), seed);
    }
  }
}
