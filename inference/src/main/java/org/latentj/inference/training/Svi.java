package org.latentj.inference.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.model.Batch;
import org.latentj.model.Loss;
import org.latentj.model.Objective;
import org.latentj.model.Optimizer;
import org.latentj.model.Program;
import org.latentj.model.handlers.Handler;
import org.latentj.nn.Module;
import org.latentj.nn.Parameter;
import org.latentj.tensor.ComputeContext;

/**
 * Stochastic variational inference, one minibatch at a time (Pyro's {@code SVI}): zero the
 * gradients, let the objective build its {@link Loss} (under the step's handlers, e.g. a KL
 * warm-up's scale), run the loss's backward passes ({@link Gradients}, the one place gradients
 * are made), let the hooks look at them (NaN guards, clipping), then take one optimizer step.
 * It needs only interfaces, so any model, guide, objective and optimizer combine.
 */
public final class Svi {

  /** Sees the gradients after backward and before the update; may rescale or reject them. */
  @FunctionalInterface
  public interface GradientHook {
    void inspect(long step, double bound, Map<String, Parameter> parameters);
  }

  private final Program model;
  private final Program guide;
  private final Objective objective;
  private final Optimizer optimizer;
  private final Map<String, Parameter> parameters;
  private final List<GradientHook> hooks = new ArrayList<>();
  private final List<StepHandler> stepHandlers = new ArrayList<>();
  private ComputeContext context;

  /**
   * Gives a handler to enter around the objective at each step, e.g. a scale that changes with
   * the step ({@link KlWarmup}).
   */
  @FunctionalInterface
  public interface StepHandler {
    /** The handler for optimizer step {@code step} (counting from 0), entered. */
    Handler enter(long step);
  }

  public Svi(Program model, Program guide, Objective objective, Optimizer optimizer) {
    this.model = model;
    this.guide = guide;
    this.objective = objective;
    this.optimizer = optimizer;
    this.parameters = parametersOf(model, guide);
  }

  /** The parameters of model then guide, named {@code model.<path>} and {@code guide.<path>}. */
  public static Map<String, Parameter> parametersOf(Module model, Module guide) {
    Map<String, Parameter> all = new LinkedHashMap<>();
    model.parameters().forEach((name, p) -> all.put("model." + name, p));
    guide.parameters().forEach((name, p) -> all.put("guide." + name, p));
    return Collections.unmodifiableMap(all);
  }

  /** Adds a hook run on every step between backward and update, in the order added. */
  public Svi addGradientHook(GradientHook hook) {
    hooks.add(hook);
    return this;
  }

  /**
   * Adds a handler entered around the objective on every step; the first added is the
   * outermost.
   */
  public Svi addStepHandler(StepHandler handler) {
    stepHandlers.add(handler);
    return this;
  }

  /**
   * Runs every step in {@code c} (its kernel, dtype and validation), whatever the thread's
   * context, so this model can compute unlike another in the same JVM; null runs in the
   * caller's.
   */
  public Svi inContext(ComputeContext c) {
    this.context = c;
    return this;
  }

  /** The context steps run in, or null for the caller's. */
  public ComputeContext context() {
    return context;
  }

  /** One update on {@code batch}; returns the mean bound per example (nats) before the update. */
  public double step(Batch batch, UniformRandomProvider rng) {
    if (context == null) {
      return update(batch, rng);
    }
    try (ComputeContext.Scope in = context.enter()) {
      return update(batch, rng);
    }
  }

  private double update(Batch batch, UniformRandomProvider rng) {
    optimizer.zeroGrad();
    double bound;
    try {
      Loss loss = loss(batch, rng);
      Gradients.backward(loss, model, guide);
      bound = loss.meanBound();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // A parameter that became NaN or infinite in an earlier update surfaces here as a
      // distribution's argument error; say that the run diverged, at which step and where.
      String where = DivergenceGuard.firstNonFinite(parameters);
      if (where == null) {
        throw e;
      }
      throw new TrainingDivergedException(optimizer.steps(), where + " (" + e.getMessage()
          + ")", e);
    }
    long step = optimizer.steps();
    for (GradientHook hook : hooks) {
      hook.inspect(step, bound, parameters);
    }
    optimizer.step();
    return bound;
  }

  /** The objective's loss on {@code batch} under the step handlers, closed afterwards. */
  private Loss loss(Batch batch, UniformRandomProvider rng) {
    long step = optimizer.steps();
    List<Handler> entered = new ArrayList<>();
    try {
      for (StepHandler h : stepHandlers) {
        entered.add(h.enter(step));
      }
      return objective.loss(model, guide, batch, rng);
    } finally {
      for (int i = entered.size() - 1; i >= 0; i--) {
        entered.get(i).close();
      }
    }
  }

  public Program model() {
    return model;
  }

  public Program guide() {
    return guide;
  }

  public Objective objective() {
    return objective;
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  /** Every trained parameter, as named in checkpoints. */
  public Map<String, Parameter> parameters() {
    return parameters;
  }
}
