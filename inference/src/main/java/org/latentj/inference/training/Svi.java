package org.latentj.inference.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.model.Batch;
import org.latentj.model.KeyedNoise;
import org.latentj.model.Loss;
import org.latentj.model.Objective;
import org.latentj.model.Optimizer;
import org.latentj.model.Program;
import org.latentj.model.handlers.Handler;
import org.latentj.nn.ModeScope;
import org.latentj.nn.Module;
import org.latentj.nn.Parameter;
import org.latentj.tensor.ComputeContext;
import org.latentj.tensor.DType;
import org.latentj.tensor.Workspace;

/**
 * Stochastic variational inference, one minibatch at a time (Pyro's {@code SVI}): zero the
 * gradients, let the objective build its {@link Loss} (under the step's handlers, e.g. a KL
 * warm-up's scale), run the loss's backward passes ({@link Gradients}, the one place gradients
 * are made), let the hooks look at them (NaN guards, clipping), then take one optimizer step.
 * It needs only interfaces, so any model, guide, objective and optimizer combine.
 *
 * <p><b>Noise.</b> By default every draw of a step comes from the generator passed to
 * {@link #step}. With {@link #keyedNoise(long)} it comes from a {@link KeyedNoise} keyed by
 * (seed, step, example, site), so each example's draws do not depend on which other examples
 * share its minibatch, or on the machine that computes it.
 *
 * <p><b>Where gradients come from.</b> A {@link GradientSource} makes each step's gradients;
 * the default runs the loss and its backward passes here ({@link #localGradients}). A
 * data-parallel source (the {@code spark} module) has each worker run {@code localGradients}
 * on its share of the minibatch and sums the shares; hooks and the update stay here, once.
 * {@link ParallelGradients} does the same on this machine's cores, chosen by
 * {@code -Dlatentj.training.workers=2}.
 *
 * <p>The step runs the model and guide in training mode ({@link Module#setTraining}: batch
 * statistics, dropout) and puts them back in the mode they had, evaluation mode unless a user
 * chose otherwise, so everything outside a step (bounds, log p(x), pictures) sees the
 * evaluation-mode networks.
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
  private final Map<String, Parameter> buffers;
  private final List<GradientHook> hooks = new ArrayList<>();
  private final List<StepHandler> stepHandlers = new ArrayList<>();
  /**
   * {@link #localGradients}, or the minibatch's parts on several threads if asked for; null
   * until the first step reads {@value ParallelGradients#PROPERTY}, so a bad value stops
   * training with its message rather than every {@code new Svi}.
   */
  private GradientSource gradients;
  private Long noiseSeed;

  /** Makes one step's gradients; see {@link Svi#gradientSource(GradientSource)}. */
  @FunctionalInterface
  public interface GradientSource {
    /**
     * Leaves in every parameter's gradient (zeroed before the call) the gradient of the step's
     * loss on {@code batch}, and returns the mean bound per example (nats).
     *
     * @param noise the step's generator: the one given to {@link Svi#step}, or the step's
     *     {@link KeyedNoise} under {@link Svi#keyedNoise(long)}
     */
    double gradients(Svi svi, long step, Batch batch, UniformRandomProvider noise);
  }
  /** Reused by every step: a steady-state step allocates no matrices. */
  private final Workspace workspace = new Workspace();
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
    this.buffers = buffersOf(model, guide);
  }

  /**
   * The buffers (untrained persistent state, e.g. batch norm's running statistics) of model then
   * guide, named {@code model.<path>} and {@code guide.<path>} as {@link #parametersOf}.
   */
  public static Map<String, Parameter> buffersOf(Module model, Module guide) {
    Map<String, Parameter> all = new LinkedHashMap<>();
    model.buffers().forEach((name, b) -> all.put("model." + name, b));
    guide.buffers().forEach((name, b) -> all.put("guide." + name, b));
    return Collections.unmodifiableMap(all);
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
   * Draws every step's noise from a {@link KeyedNoise} with this seed, keyed by the step (the
   * optimizer's count) and the batch's example indices ({@link Batch#indexed}), rather than from
   * the generator given to {@link #step} (which still shuffles, in the trainer).
   */
  public Svi keyedNoise(long seed) {
    this.noiseSeed = seed;
    return this;
  }

  /** Whether steps draw keyed noise ({@link #keyedNoise(long)}). */
  public boolean hasKeyedNoise() {
    return noiseSeed != null;
  }

  /** Has {@code source} make each step's gradients instead of {@link #localGradients}. */
  public Svi gradientSource(GradientSource source) {
    if (source == null) {
      throw new IllegalArgumentException("Svi.gradientSource: the source is null");
    }
    this.gradients = source;
    return this;
  }

  /** The source set, or the one {@value ParallelGradients#PROPERTY} asks for (read once). */
  private GradientSource gradientSource() {
    if (gradients == null) {
      gradients = ParallelGradients.fromSystemProperties();
    }
    return gradients;
  }

  /**
   * How many threads of this machine each step's minibatch is cut into: a
   * {@link ParallelGradients}' workers, else 1. Reads {@value ParallelGradients#PROPERTY} if no
   * step has yet.
   *
   * @throws IllegalArgumentException when that property is not a positive integer
   */
  public int workers() {
    return gradientSource() instanceof ParallelGradients p ? p.workers() : 1;
  }

  /**
   * Runs every step in {@code c} (its kernel, dtype and validation), whatever the thread's
   * context, so this model can compute unlike another in the same JVM; null runs in the
   * caller's. The dtypes are compared when a step enters {@code c}, so a float32 context may be
   * given before the model and guide are converted to float32.
   */
  public Svi inContext(ComputeContext c) {
    this.context = c;
    return this;
  }

  /**
   * The dtype of the model's and the guide's parameters (each read from its first: cheap enough
   * to ask at every step).
   *
   * @throws IllegalArgumentException when model and guide are in different dtypes
   */
  private DType parametersDtype() {
    DType m = firstDtype("model.");
    DType g = firstDtype("guide.");
    if (m != null && g != null && m != g) {
      throw new IllegalArgumentException("Svi: the model's parameters are " + m + " but the"
          + " guide's are " + g + "; convert both (convertTo)");
    }
    return m != null ? m : g != null ? g : DType.FLOAT64;
  }

  private DType firstDtype(String prefix) {
    for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        return e.getValue().dtype();
      }
    }
    return null;
  }

  /** The context steps run in, or null for the caller's. */
  public ComputeContext context() {
    return context;
  }

  /**
   * One update on {@code batch}; returns the mean bound per example (nats) before the update.
   * The tensors the step makes live in this Svi's {@link Workspace} and die when it returns.
   * The step runs in this Svi's {@link #context()} when it has one.
   */
  public double step(Batch batch, UniformRandomProvider rng) {
    // The step's graph dies when it returns, so its matrices serve the next step.
    try (ModeScope training = ModeScope.training(model, guide);
        Workspace w = workspace.enter();
        ComputeContext.Scope in = context == null ? null
            : context.enterFor(parametersDtype(), "Svi")) {
      return stepInWorkspace(batch, rng);
    }
  }

  private double stepInWorkspace(Batch batch, UniformRandomProvider rng) {
    optimizer.zeroGrad();
    long step = optimizer.steps();
    double bound;
    try {
      bound = gradientSource().gradients(this, step, batch, noise(step, batch, rng));
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
    for (GradientHook hook : hooks) {
      hook.inspect(step, bound, parameters);
    }
    optimizer.step();
    return bound;
  }

  private UniformRandomProvider noise(long step, Batch batch, UniformRandomProvider rng) {
    if (noiseSeed == null) {
      return rng;
    }
    if (!batch.isIndexed()) {
      throw new IllegalArgumentException("Svi: keyed noise needs the batch's example indices"
          + " (Batch.indexed); MinibatchData gives them");
    }
    return KeyedNoise.of(noiseSeed, step, batch.indices());
  }

  /**
   * The gradients of step {@code step}'s loss on {@code batch}, made here: the objective's loss
   * under the step handlers, then its backward passes ({@link Gradients}). Leaves them in the
   * parameters (whose gradients must be zero) and returns the mean bound per example.
   */
  public double localGradients(long step, Batch batch, UniformRandomProvider noise) {
    Loss loss = loss(step, batch, noise);
    Gradients.backward(loss, model, guide);
    return loss.meanBound();
  }

  /** The objective's loss on {@code batch} under the step handlers, closed afterwards. */
  private Loss loss(long step, Batch batch, UniformRandomProvider rng) {
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

  /** Every buffer of model and guide, as named in checkpoints (empty for most models). */
  public Map<String, Parameter> buffers() {
    return buffers;
  }
}
