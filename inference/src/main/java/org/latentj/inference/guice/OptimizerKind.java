package org.latentj.inference.guice;

import java.util.Map;
import org.latentj.inference.optim.Adagrad;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.optim.AdamW;
import org.latentj.inference.optim.RmsProp;
import org.latentj.inference.optim.Sgd;
import org.latentj.model.Optimizer;
import org.latentj.nn.Parameter;

/** The optimizers a {@link VaeSettings} can name, with their usual defaults besides the rate. */
public enum OptimizerKind {
  ADAM {
    @Override
    public Optimizer create(double rate, Map<String, Parameter> parameters) {
      return Adam.builder().learningRate(rate).build(parameters);
    }
  },
  ADAMW {
    @Override
    public Optimizer create(double rate, Map<String, Parameter> parameters) {
      return AdamW.builder().learningRate(rate).build(parameters);
    }
  },
  ADAGRAD {
    @Override
    public Optimizer create(double rate, Map<String, Parameter> parameters) {
      return Adagrad.builder().learningRate(rate).build(parameters);
    }
  },
  RMSPROP {
    @Override
    public Optimizer create(double rate, Map<String, Parameter> parameters) {
      return RmsProp.builder().learningRate(rate).build(parameters);
    }
  },
  SGD {
    @Override
    public Optimizer create(double rate, Map<String, Parameter> parameters) {
      return Sgd.builder().learningRate(rate).momentum(0.9).build(parameters);
    }
  };

  /** A fresh optimizer over {@code parameters}. */
  public abstract Optimizer create(double rate, Map<String, Parameter> parameters);
}
