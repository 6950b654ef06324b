package org.latentj.inference.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.objectives.LogWeights;
import org.latentj.inference.objectives.ParticleObjective;
import org.latentj.inference.objectives.Traces;
import org.latentj.model.Batch;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.model.Trace;
import org.latentj.nn.ModeScope;
import org.latentj.tensor.ComputeContext;
import org.latentj.tensor.DType;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Tensor;
import org.latentj.tensor.Workspace;

/**
 * Honest figures for a trained model, in nats per example, computed with no gradient graph:
 * a bound's mean over a data set, the importance-sampled log-likelihood, and active units.
 * Every figure is computed in evaluation mode ({@link org.latentj.nn.Module#setTraining}: running
 * statistics, no dropout), and model and guide are put back in their mode afterwards. Data come
 * as {@link EvaluationData} (examples, and a condition for a conditional model), or as a bare
 * matrix of examples; either is served in minibatches of consecutive rows in the model's dtype.
 *
 * <p>Like a training step ({@code Svi.inContext}), every figure runs in the model's
 * {@link ComputeContext} when it is given one ({@link #inContext}, e.g. with
 * {@code svi.context()}): its kernel does the products and its validation switch holds, whatever
 * the calling thread entered.
 */
public final class Evaluator {

  private final Program model;
  private final Program guide;
  private ComputeContext context;

  public Evaluator(Program model, Program guide) {
    this.model = model;
    this.guide = guide;
  }

  /**
   * Computes every figure in {@code c} (its kernel and validation); null computes in the
   * caller's context. Its dtype is compared with the model's and guide's when a figure enters
   * it, so the context may be given before they are converted.
   */
  public Evaluator inContext(ComputeContext c) {
    this.context = c;
    return this;
  }

  /** The context figures are computed in, or null for the caller's. */
  public ComputeContext context() {
    return context;
  }

  /** The mean of {@code objective}'s per-example bound over {@code data}, in minibatches. */
  public double meanBound(Objective objective, DMatrixRMaj data, int batchSize,
      UniformRandomProvider rng) {
    return meanBound(objective, EvaluationData.of(data), batchSize, rng);
  }

  /**
   * The mean of {@code objective}'s per-example bound over {@code data}, {@code batchSize}
   * examples at a time; with {@code ImportanceWeightedElbo.of(k)} and a conditioned data set it
   * is the importance-sampled estimate of {@code log p(x | y)} with k samples.
   */
  public double meanBound(Objective objective, EvaluationData data, int batchSize,
      UniformRandomProvider rng) {
    requirePositive("meanBound: batchSize", batchSize);
    return evaluating(() -> {
      double total = 0;
      for (int from = 0; from < data.size(); from += batchSize) {
        int to = Math.min(data.size(), from + batchSize);
        total += objective.bound(model, guide, batch(data, from, to), rng).sum().item();
      }
      return total / data.size();
    });
  }

  /**
   * {@code objective}'s bound for each row of {@code data}, in minibatches of
   * {@code batchSize}, drawing from {@code noise}.
   */
  public double[] bounds(Objective objective, DMatrixRMaj data, int batchSize,
      EvaluationNoise noise) {
    return bounds(objective, EvaluationData.of(data), batchSize, noise);
  }

  /** As {@link #bounds(Objective, DMatrixRMaj, int, EvaluationNoise)}, for any data set. */
  public double[] bounds(Objective objective, EvaluationData data, int batchSize,
      EvaluationNoise noise) {
    requirePositive("bounds: batchSize", batchSize);
    return evaluating(() -> {
      double[] out = new double[data.size()];
      for (int from = 0; from < data.size(); from += batchSize) {
        int to = Math.min(data.size(), from + batchSize);
        Tensor bound = objective.bound(model, guide, batch(data, from, to),
            noise.forRows(from, to, 0));
        for (int i = from; i < to; i++) {
          out[i] = bound.get(i - from);
        }
      }
      return out;
    });
  }

  /**
   * The importance-sampled estimate of log p(x) for each row of {@code data} (Burda et al. 2015,
   * section 5):
   *
   * <pre>log p(x) ~= log (1/k) sum_{i=1..k} p(x, z_i) / q(z_i | x),  z_i ~ q(z | x)</pre>
   *
   * The k samples of each example are drawn {@code chunk} at a time and merged by a running
   * log-sum-exp, so memory is bounded by {@code examplesPerBatch * chunk} rows whatever k is.
   */
  public double[] logLikelihood(DMatrixRMaj data, int k, int chunk, int examplesPerBatch,
      UniformRandomProvider rng) {
    return logLikelihood(data, k, chunk, examplesPerBatch, EvaluationNoise.ordered(rng));
  }

  /**
   * As {@link #logLikelihood(DMatrixRMaj, int, int, int, UniformRandomProvider)}, drawing from
   * {@code noise}; with {@link EvaluationNoise#keyed} an example's estimate depends on neither
   * {@code chunk}, {@code examplesPerBatch} nor the other rows of {@code data}.
   */
  public double[] logLikelihood(DMatrixRMaj data, int k, int chunk, int examplesPerBatch,
      EvaluationNoise noise) {
    return logLikelihood(EvaluationData.of(data), k, chunk, examplesPerBatch, noise);
  }

  /**
   * As {@link #logLikelihood(DMatrixRMaj, int, int, int, EvaluationNoise)}, for any data set:
   * for a conditioned one, the estimate of log p(x | y).
   */
  public double[] logLikelihood(EvaluationData data, int k, int chunk, int examplesPerBatch,
      EvaluationNoise noise) {
    if (k < 1 || chunk < 1 || examplesPerBatch < 1) {
      throw new IllegalArgumentException("logLikelihood: k, chunk and examplesPerBatch must be"
          + " positive, got " + k + ", " + chunk + ", " + examplesPerBatch);
    }
    return evaluating(() -> {
      double[] out = new double[data.size()];
      // Every chunk's graph dies once its log-sum-exp is read, so the chunks share one workspace.
      Workspace workspace = new Workspace();
      for (int from = 0; from < data.size(); from += examplesPerBatch) {
        int to = Math.min(data.size(), from + examplesPerBatch);
        Batch batch = batch(data, from, to);
        double[] running = new double[to - from];
        java.util.Arrays.fill(running, Double.NEGATIVE_INFINITY);
        for (int done = 0; done < k; done += chunk) {
          int c = Math.min(chunk, k - done);
          try (Workspace w = workspace.enter()) {
            Traces t = ParticleObjective.run(model, guide, batch, c, noise.forRows(from, to, done));
            if (t.hasGlobalSites()) {
              throw new IllegalArgumentException("logLikelihood: the model has global sites, so"
                  + " log p(x) does not factor into one figure per example; use meanBound");
            }
            Tensor part = LogWeights.logWeight(t.model(), t.guide()).groupLogSumExp(c);
            for (int i = 0; i < running.length; i++) {
              running[i] = logAddExp(running[i], part.get(i));
            }
          }
        }
        for (int i = 0; i < running.length; i++) {
          out[from + i] = running[i] - Math.log(k);
        }
      }
      return out;
    });
  }

  /**
   * Active latent units per latent site (Burda et al. 2015, section 5.2): unit u is active when
   * {@code Cov_x( E_{q(u|x)}[u] ) > threshold} (0.01 in the paper), the variance over the data of
   * the posterior mean. Returns, for each latent site of the guide, the number of active units.
   */
  public Map<String, Integer> activeUnits(DMatrixRMaj data, int batchSize, double threshold,
      UniformRandomProvider rng) {
    Map<String, Integer> active = new LinkedHashMap<>();
    posteriorMoments(data, batchSize, EvaluationNoise.ordered(rng))
        .forEach((site, m) -> active.put(site, m.activeUnits(threshold)));
    return active;
  }

  /**
   * For each latent site of the guide, the sums over {@code data} of its posterior means per
   * unit ({@link UnitMoments}), from which active units follow; parts of a data set add up.
   */
  public Map<String, UnitMoments> posteriorMoments(DMatrixRMaj data, int batchSize,
      EvaluationNoise noise) {
    return posteriorMoments(EvaluationData.of(data), batchSize, noise);
  }

  /** As {@link #posteriorMoments(DMatrixRMaj, int, EvaluationNoise)}, for any data set. */
  public Map<String, UnitMoments> posteriorMoments(EvaluationData data, int batchSize,
      EvaluationNoise noise) {
    requirePositive("posteriorMoments: batchSize", batchSize);
    return evaluating(() -> {
      Map<String, UnitMoments> moments = new LinkedHashMap<>();
      for (int from = 0; from < data.size(); from += batchSize) {
        int to = Math.min(data.size(), from + batchSize);
        Trace g = Trace.guide(guide, batch(data, from, to), noise.forRows(from, to, 0));
        for (Trace.Site s : g.sites()) {
          DMatrixRMaj mean = s.distribution().mean().to(DType.FLOAT64).value();
          moments.computeIfAbsent(s.name(), n -> new UnitMoments(mean.numCols)).addRows(mean);
        }
      }
      return moments;
    });
  }

  /** The guide's dtype, which the model's must be (either may have no parameters). */
  private DType parametersDtype() {
    DType g = guide.parameters().isEmpty() ? null : guide.dtype();
    DType m = model.parameters().isEmpty() ? null : model.dtype();
    if (m != null && g != null && m != g) {
      throw new IllegalArgumentException("Evaluator: the model's parameters are " + m
          + " but the guide's are " + g + "; convert both (convertTo)");
    }
    return g != null ? g : m != null ? m : DType.FLOAT64;
  }

  /**
   * Runs {@code figure} as every figure is computed: in this evaluator's context (if any), in
   * evaluation mode, with no gradient graph.
   */
  private <T> T evaluating(Supplier<T> figure) {
    try (ComputeContext.Scope in = context == null ? null
            : context.enterFor(parametersDtype(), "Evaluator");
        ModeScope eval = ModeScope.evaluation(model, guide);
        GradMode.Scope off = GradMode.disable()) {
      return figure.get();
    }
  }

  /** Rows {@code [from, to)} of {@code data} in the model's dtype. */
  private Batch batch(EvaluationData data, int from, int to) {
    return data.batch(from, to, guide.dtype());
  }

  private static void requirePositive(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("Evaluator." + what + " must be positive, got "
          + value);
    }
  }

  private static double logAddExp(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double max = Math.max(a, b);
    return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
  }
}
