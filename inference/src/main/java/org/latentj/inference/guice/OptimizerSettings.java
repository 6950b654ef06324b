package org.latentj.inference.guice;

/**
 * Which optimizer trains the model, by its registered name, and its learning rate.
 *
 * @param name a name bound in {@link OptimizersModule}'s registry, e.g. {@code adam}
 * @param learningRate the step size, a positive finite number
 */
public record OptimizerSettings(String name, double learningRate)
    implements java.io.Serializable {

  public OptimizerSettings {
    SettingsChecks.given("optimizer", name);
    name = ComponentSpec.canonicalName(name);
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("VaeSettings: learningRate must be a positive number,"
          + " got " + learningRate);
    }
  }
}
