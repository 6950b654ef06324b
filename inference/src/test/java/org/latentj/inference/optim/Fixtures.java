package org.latentj.inference.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Optimizer;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;

/** Small parameter sets, gradient setters and one configuration of every optimizer option. */
final class Fixtures {

  private Fixtures() {}

  /** A named optimizer configuration, printed by its name in test reports. */
  record Config(String name, Function<Map<String, Parameter>, Optimizer> factory) {
    Optimizer build(Map<String, Parameter> parameters) {
      return factory.apply(parameters);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Every optimizer, with each option that adds state or changes the update switched on. */
  static List<Config> everyConfiguration() {
    return List.of(
        new Config("sgd", Sgd.builder().learningRate(0.05)::build),
        new Config("sgd momentum wd", Sgd.builder().learningRate(0.05).momentum(0.9)
            .weightDecay(0.01)::build),
        new Config("sgd nesterov", Sgd.builder().learningRate(0.05).momentum(0.8)
            .nesterov(true)::build),
        new Config("adagrad", Adagrad.builder().learningRate(0.1).initialAccumulator(0.1)
            .weightDecay(0.01)::build),
        new Config("rmsprop", RmsProp.builder().learningRate(0.01)::build),
        new Config("rmsprop centered momentum wd", RmsProp.builder().learningRate(0.01)
            .alpha(0.9).momentum(0.5).centered(true).weightDecay(0.01)::build),
        new Config("adam", Adam.builder().learningRate(0.01)::build),
        new Config("adam wd", Adam.builder().learningRate(0.01).beta1(0.8).beta2(0.99)
            .weightDecay(0.05)::build),
        new Config("adamw", AdamW.builder().learningRate(0.01).weightDecay(0.1)::build));
  }

  /** Three parameters of shapes 1x2, 2x1 and 1x1 with fixed values. */
  static Map<String, Parameter> threeParameters() {
    Map<String, Parameter> m = new LinkedHashMap<>();
    m.put("enc.w", new Parameter("w", new DMatrixRMaj(1, 2, true, 0.5, -1.5)));
    m.put("enc.b", new Parameter("b", new DMatrixRMaj(2, 1, true, 2.0, 0.0)));
    m.put("dec.s", new Parameter("s", new DMatrixRMaj(1, 1, true, -0.25)));
    return m;
  }

  /** Parameters with the same names, shapes and (copied) values as {@code source}. */
  static Map<String, Parameter> copyOf(Map<String, Parameter> source) {
    Map<String, Parameter> m = new LinkedHashMap<>();
    source.forEach((name, p) -> m.put(name, new Parameter(p.name(), p.value().copy())));
    return m;
  }

  /** Overwrites the gradients with the flat {@code values}, parameter after parameter. */
  static void setGradients(Map<String, Parameter> parameters, double... values) {
    int j = 0;
    for (Parameter p : parameters.values()) {
      double[] g = p.grad().data;
      for (int i = 0; i < p.grad().getNumElements(); i++) {
        g[i] = values[j++];
      }
    }
    if (j != values.length) {
      throw new IllegalArgumentException("setGradients: " + values.length + " values for " + j
          + " elements");
    }
  }

  /** Overwrites the gradients with standard normal draws. */
  static void randomGradients(Map<String, Parameter> parameters, UniformRandomProvider rng) {
    for (Parameter p : parameters.values()) {
      Rngs.fillStandardNormal(rng, p.grad());
    }
  }

  /** All parameter values, flattened in order. */
  static double[] values(Map<String, Parameter> parameters) {
    int n = 0;
    for (Parameter p : parameters.values()) {
      n += p.value().getNumElements();
    }
    double[] out = new double[n];
    int j = 0;
    for (Parameter p : parameters.values()) {
      for (int i = 0; i < p.value().getNumElements(); i++) {
        out[j++] = p.value().data[i];
      }
    }
    return out;
  }
}
