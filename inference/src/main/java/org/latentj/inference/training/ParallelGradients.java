package org.latentj.inference.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.latentj.model.Batch;
import org.latentj.model.KeyedNoise;
import org.latentj.model.handlers.Handler;
import org.latentj.model.handlers.HandlerStack;
import org.latentj.nn.Parameter;
import org.latentj.tensor.ComputeContext;
import org.latentj.tensor.DType;
import org.latentj.tensor.LeafGradients;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.tensor.Workspace;

/**
 * Data-parallel gradients on the cores of one machine: the minibatch is cut into {@code workers}
 * contiguous parts, each part's forward and backward pass runs on its own thread (the caller's
 * for the first), and the parts' gradients are averaged with weights {@code n_i / n} into the
 * parameters, so the step's estimator is the minibatch mean one thread makes. The parameters are
 * only read during the passes; each helper thread accumulates its gradients in its own
 * {@link LeafGradients} and draws its tensors from its own {@link Workspace}, so nothing is
 * shared that a thread writes. Hooks and the optimizer step then run once, in {@link Svi}.
 *
 * <p>Use it with a one-thread matrix kernel per part ({@code OPENBLAS_NUM_THREADS=1
 * -Dlatentj.matmul.threads=1}); each part then has a core. Chosen with {@value #PROPERTY}
 * (default 1: no split), which {@link Svi} reads at its first step (a bad value is reported
 * there, when training starts). The helper threads ({@code latentj-gradients-<workers>-<i>}) are
 * shared by every instance with the same number of workers.
 *
 * <p><b>Noise.</b> With keyed noise ({@link Svi#keyedNoise(long)}) every example draws what it
 * draws on one thread, so the gradient is one thread's up to the order of the sums. With the
 * step's ordered generator, the step draws one {@code long} from it and part i draws from a
 * generator derived from that number and i: as deterministic for a seed, but other numbers than
 * one thread's.
 *
 * <p>Not split (one thread computes the step): a batch with fewer examples than workers or
 * repeated particles. Refused, with a message: a model with buffers (BatchNorm's running
 * statistics, which each part would update), an objective with running state
 * ({@link org.latentj.model.Objective#stateful()}: a baseline's average), a global site ({@link PerExampleSites}), and
 * handlers entered around {@link Svi#step} on the caller's thread (they would not reach the other
 * threads; add them with {@link Svi#addStepHandler}).
 */
public final class ParallelGradients implements Svi.GradientSource {

  /** The system property with the number of parts (threads) each minibatch is cut into. */
  public static final String PROPERTY = "latentj.training.workers";

  /**
   * The helper threads, one pool per number of workers shared by every instance (each
   * {@code Svi} makes one), so a JVM that builds many models keeps {@code workers - 1} daemon
   * threads, not a pool per model that nothing shuts down.
   */
  private static final Map<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();

  private final int workers;
  private final ExecutorService helpers;
  private final Workspace[] workspaces;
  private final LeafGradients[] gradients;
  private final String[] streams;

  /** Cuts each minibatch into {@code workers} parts (at least 2), on {@code workers - 1} helpers. */
  public ParallelGradients(int workers) {
    if (workers < 2) {
      throw new IllegalArgumentException("ParallelGradients: needs at least 2 workers, got "
          + workers);
    }
    this.workers = workers;
    this.helpers = POOLS.computeIfAbsent(workers, ParallelGradients::helpers);
    this.workspaces = new Workspace[workers];
    this.gradients = new LeafGradients[workers];
    this.streams = new String[workers];
    for (int i = 1; i < workers; i++) {
      workspaces[i] = new Workspace();
      gradients[i] = new LeafGradients();
    }
    for (int i = 0; i < workers; i++) {
      streams[i] = "gradients part " + i;
    }
  }

  private static ExecutorService helpers(int workers) {
    AtomicInteger index = new AtomicInteger();
    return Executors.newFixedThreadPool(workers - 1, r -> {
      Thread t = new Thread(r, "latentj-gradients-" + workers + "-" + index.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * The gradient source {@value #PROPERTY} asks for: {@link Svi#localGradients} for 1 (or unset),
   * else a {@code ParallelGradients} with that many workers.
   *
   * @throws IllegalArgumentException when the property is not a positive integer
   */
  public static Svi.GradientSource fromSystemProperties() {
    String value = System.getProperty(PROPERTY);
    int n = parseWorkers(value);
    return n == 1 ? Svi::localGradients : new ParallelGradients(n);
  }

  static int parseWorkers(String value) {
    if (value == null) {
      return 1;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(PROPERTY + ": expected a positive number of workers, got '"
        + value + "'");
  }

  /** The number of parts a minibatch is cut into. */
  public int workers() {
    return workers;
  }

  @Override
  public double gradients(Svi svi, long step, Batch batch, UniformRandomProvider noise) {
    int n = batch.examples();
    if (n < workers || batch.particles() != 1) {
      return svi.localGradients(step, batch, noise);
    }
    requireSplittable(svi);
    int[] from = new int[workers + 1];
    for (int i = 0; i <= workers; i++) {
      from[i] = (int) ((long) n * i / workers);
    }
    UniformRandomProvider[] noises = partNoises(noise, step, from);
    ComputeContext context = ComputeContext.current();
    List<Future<Double>> others = new ArrayList<>(workers - 1);
    for (int i = 1; i < workers; i++) {
      int part = i;
      others.add(helpers.submit(() -> {
        try (Workspace w = workspaces[part].enter();
            ComputeContext.Scope c = context.enter();
            LeafGradients.Scope g = gradients[part].enter()) {
          gradients[part].zero();
          return partGradients(svi, step, batch, from[part], from[part + 1], noises[part]);
        }
      }));
    }
    double[] bounds = new double[workers];
    Throwable failure = null;
    try {
      bounds[0] = partGradients(svi, step, batch, from[0], from[1], noises[0]);
    } catch (Throwable e) {
      failure = e;
    }
    // Every helper must be done before the step's workspace and parameters move on, whatever
    // failed or interrupted this thread: a helper still running would write into them.
    boolean interrupted = false;
    for (int i = 1; i < workers; i++) {
      while (true) {
        try {
          bounds[i] = others.get(i - 1).get();
          break;
        } catch (ExecutionException e) {
          failure = firstOf(failure, e.getCause());
          break;
        } catch (InterruptedException e) {
          if (!interrupted) {
            failure = firstOf(failure, new IllegalStateException(
                "ParallelGradients: interrupted while waiting for the workers", e));
          }
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw unchecked(failure);
    }
    double bound = 0;
    for (int i = 0; i < workers; i++) {
      bound += bounds[i] * (from[i + 1] - from[i]) / n;
    }
    average(svi, from, n);
    return bound;
  }

  /** Part {@code [start, end)} of the batch on this thread: its mean loss's gradients. */
  private static double partGradients(Svi svi, long step, Batch batch, int start, int end,
      UniformRandomProvider noise) {
    Batch part = batch.hasData() ? (batch.hasCondition()
        ? Batch.of(batch.data().rows(start, end), batch.condition().rows(start, end))
        : Batch.of(batch.data().rows(start, end)))
        : Batch.generate(end - start, batch.hasCondition()
            ? batch.condition().rows(start, end) : null);
    if (batch.isIndexed()) {
      part = part.indexed(Arrays.copyOfRange(batch.indices(), start, end));
    }
    try (Handler perExample = new PerExampleSites(end - start).enter()) {
      return svi.localGradients(step, part, noise);
    }
  }

  private UniformRandomProvider[] partNoises(UniformRandomProvider noise, long step, int[] from) {
    UniformRandomProvider[] out = new UniformRandomProvider[workers];
    if (noise instanceof KeyedNoise keyed) {
      int[] examples = keyed.examples();
      for (int i = 0; i < workers; i++) {
        out[i] = KeyedNoise.of(keyed.seed(), keyed.step(),
            Arrays.copyOfRange(examples, from[i], from[i + 1]));
      }
    } else {
      long base = noise.nextLong();
      for (int i = 0; i < workers; i++) {
        out[i] = Rngs.derive(base, streams[i]);
      }
    }
    return out;
  }

  /** Parameter gradients: part 0's (in the parameters) and the helpers', weighted n_i / n. */
  private void average(Svi svi, int[] from, int n) {
    for (Parameter p : svi.parameters().values()) {
      Tensor leaf = p.tensor();
      double w0 = (double) (from[1] - from[0]) / n;
      if (p.dtype() == DType.FLOAT64) {
        double[] sum = p.grad().data;
        for (int j = 0; j < sum.length; j++) {
          sum[j] *= w0;
        }
        for (int i = 1; i < workers; i++) {
          DMatrixRMaj g = gradients[i].gradient(leaf);
          if (g != null) {
            double w = (double) (from[i + 1] - from[i]) / n;
            for (int j = 0; j < sum.length; j++) {
              sum[j] += w * g.data[j];
            }
          }
        }
      } else {
        float[] sum = p.gradF().data;
        float f0 = (float) w0;
        for (int j = 0; j < sum.length; j++) {
          sum[j] *= f0;
        }
        for (int i = 1; i < workers; i++) {
          FMatrixRMaj g = gradients[i].gradientF(leaf);
          if (g != null) {
            float w = (float) ((double) (from[i + 1] - from[i]) / n);
            for (int j = 0; j < sum.length; j++) {
              sum[j] += w * g.data[j];
            }
          }
        }
      }
    }
  }

  private static void requireSplittable(Svi svi) {
    if (!svi.buffers().isEmpty()) {
      // Each part would update the running statistics with its own half: not one thread's model.
      throw new IllegalArgumentException(PROPERTY + ": the model keeps state that is not trained ("
          + String.join(", ", svi.buffers().keySet()) + ": BatchNorm or Dropout); the parts of a"
          + " minibatch would each update it, so train it with one worker");
    }
    if (svi.objective().stateful()) {
      // Each part would update the running state, from several threads at once.
      throw new IllegalArgumentException(PROPERTY + ": the objective " + svi.objective()
          + " keeps a running state (a baseline's average) that every part of a minibatch"
          + " would update at once; train it with one worker");
    }
    if (HandlerStack.isActive()) {
      throw new IllegalArgumentException(PROPERTY + ": " + HandlerStack.depth() + " handler(s)"
          + " are entered around Svi.step on the calling thread and would not reach the other"
          + " workers; add them with Svi.addStepHandler, or train with one worker");
    }
  }

  /** The first failure, with {@code next} added to it as suppressed. */
  private static Throwable firstOf(Throwable first, Throwable next) {
    if (first == null) {
      return next;
    }
    if (next != first) {
      first.addSuppressed(next);
    }
    return first;
  }

  private static RuntimeException unchecked(Throwable failure) {
    if (failure instanceof RuntimeException r) {
      return r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return new IllegalStateException("ParallelGradients: a worker failed", failure);
  }
}
