package org.latentj.inference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.data.Offset.offset;

import com.google.inject.Guice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentj.inference.guice.ObjectivesModule;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.objectives.TraceGraphElbo;
import org.latentj.inference.objectives.baselines.DecayingAverageBaseline;
import org.latentj.model.Batch;
import org.latentj.model.KeyedNoise;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.model.handlers.Handler;
import org.latentj.model.handlers.Handlers;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * The minibatch cut into parts on several threads gives one thread's estimator: with keyed
 * noise the same gradient and bound up to rounding (float64 to 1e-12, float32 to a few ulps of
 * the largest gradient), uneven parts weighted by their sizes, several surrogates (DReG) included;
 * training follows the one-thread run; with ordered noise it is deterministic for a seed.
 */
class ParallelGradientsTest {

  private static final long NOISE = 23;

  private static Svi svi(String objective, DType dtype) {
    VaeSettings s = CheckpointResumeTest.settings(objective);
    return Guice.createInjector(new VaeModule(s), VaeModule.dtype(dtype)).getInstance(Svi.class);
  }

  private static Batch batch(int[] rows, DType dtype) {
    DMatrixRMaj x = CheckpointResumeTest.data();
    DMatrixRMaj b = new DMatrixRMaj(rows.length, x.numCols);
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(x.data, rows[i] * x.numCols, b.data, i * x.numCols, x.numCols);
    }
    return Batch.of(Tensor.constant(b, dtype)).indexed(rows);
  }

  /** Step 0's gradient on {@code rows} by {@code source}, flattened to float64, bound last. */
  private static double[] gradient(Svi svi, Svi.GradientSource source, int[] rows, DType dtype) {
    svi.optimizer().zeroGrad();
    double bound = source.gradients(svi, 0, batch(rows, dtype), KeyedNoise.of(NOISE, 0, rows));
    List<Double> out = new ArrayList<>();
    for (Parameter p : svi.parameters().values()) {
      if (dtype == DType.FLOAT64) {
        Arrays.stream(p.grad().data).forEach(out::add);
      } else {
        for (float v : p.gradF().data) {
          out.add((double) v);
        }
      }
    }
    out.add(bound);
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @ParameterizedTest
  @CsvSource({"analytic-kl, 2, 1e-12", "iwae-dreg, 2, 1e-12", "analytic-kl, 3, 1e-12",
      "analytic-kl, 2, 2e-6", "iwae-dreg, 3, 2e-6"})
  void partsOnThreadsGiveOneThreadsGradient(String objective, int workers, double tolerance) {
    DType dtype = tolerance < 1e-9 ? DType.FLOAT64 : DType.FLOAT32;
    int[] rows = {5, 17, 2, 40, 33, 8, 91}; // 7 examples: parts of 3 and 4, or 2, 2 and 3
    Svi svi = svi(objective, dtype);
    double[] one = gradient(svi, Svi::localGradients, rows, dtype);
    double[] parts = gradient(svi, new ParallelGradients(workers), rows, dtype);
    double largest = Arrays.stream(one).map(Math::abs).max().orElseThrow();
    assertThat(largest).isGreaterThan(0.01);
    for (int i = 0; i < one.length; i++) {
      assertThat(parts[i]).as("entry %d of %d", i, one.length)
          .isCloseTo(one[i], offset(tolerance * Math.max(1, largest)));
    }
  }

  @Test
  void trainingOnTwoThreadsFollowsOneThread() {
    List<Double> one = train(1, true);
    List<Double> two = train(2, true);
    assertThat(one).hasSize(3);
    for (int e = 0; e < one.size(); e++) {
      assertThat(two.get(e)).as("epoch %d", e + 1).isCloseTo(one.get(e), offset(1e-9));
    }
    assertThat(one.get(2)).as("it trains").isGreaterThan(one.get(0));
  }

  @Test
  void orderedNoiseOnTwoThreadsIsDeterministicForASeed() {
    List<Double> a = train(2, false);
    List<Double> b = train(2, false);
    assertThat(a).containsExactlyElementsOf(b);
    List<Double> one = train(1, false);
    // Other draws than one thread's, the same estimator: the bounds agree to the noise's size.
    assertThat(a.get(2)).isCloseTo(one.get(2), offset(0.05 * Math.abs(one.get(2))));
  }

  /** Epoch bounds of 3 epochs (batch 32) with {@code workers} workers. */
  private static List<Double> train(int workers, boolean keyed) {
    Svi svi = svi(ObjectivesModule.ANALYTIC_KL, DType.FLOAT64);
    if (workers > 1) {
      svi.gradientSource(new ParallelGradients(workers));
    }
    if (keyed) {
      svi.keyedNoise(NOISE);
    }
    List<Double> bounds = new ArrayList<>();
    new Trainer(svi, MinibatchData.of(CheckpointResumeTest.data(), 32))
        .addListener(new TrainingListener() {
          @Override
          public void onEpochEnd(TrainingState state, EpochSummary summary) {
            bounds.add(summary.trainBound());
          }
        }).fit(3, Rngs.derive(5, "training"));
    return bounds;
  }

  @Test
  void aModelWithBuffersIsRefused() {
    Svi svi = NormalizedNetworkTrainingTest.vae().getInstance(Svi.class)
        .gradientSource(new ParallelGradients(2));
    assertThatThrownBy(() -> svi.step(batch(new int[] {1, 2, 3, 4}, DType.FLOAT64),
        Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("latentj.training.workers: the model keeps state that is not"
            + " trained (guide.encoder.network.layer1.runningMean,");
  }

  @Test
  void anObjectiveWithRunningStateIsRefused() {
    Svi vae = svi(ObjectivesModule.ANALYTIC_KL, DType.FLOAT64);
    Svi svi = new Svi(vae.model(), vae.guide(),
        new TraceGraphElbo(1, new DecayingAverageBaseline(0.9)), vae.optimizer())
        .gradientSource(new ParallelGradients(2));
    assertThatThrownBy(() -> svi.step(batch(new int[] {1, 2, 3, 4}, DType.FLOAT64),
        Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("latentj.training.workers: the objective TraceGraphElbo(particles=1,"
            + " baseline=DecayingAverageBaseline(beta=0.9)) keeps a running state (a baseline's"
            + " average) that every part of a minibatch would update at once; train it with one"
            + " worker");
    assertThat(new TraceGraphElbo().stateful()).as("no baseline, no state").isFalse();
  }

  /**
   * A part that fails, on the calling thread or a worker, with an exception or an Error: the
   * step throws the first failure (the caller's part before the workers'), the others suppressed
   * in it, and only once no worker runs (the slow worker has finished when it returns).
   */
  @ParameterizedTest
  @CsvSource({"caller, exception", "caller, error", "worker, exception", "worker, error",
      "both, error"})
  void aFailingPartIsThrownOnceEveryWorkerIsDone(String where, String kind) {
    Svi vae = svi(ObjectivesModule.ANALYTIC_KL, DType.FLOAT64);
    Thread caller = Thread.currentThread();
    AtomicInteger running = new AtomicInteger();
    Objective failing = new Objective() {
      @Override
      public Tensor bound(Program model, Program guide, Batch batch, UniformRandomProvider rng) {
        boolean onCaller = Thread.currentThread() == caller;
        running.incrementAndGet();
        try {
          Tensor bound = vae.objective().bound(model, guide, batch, rng);
          if (!onCaller) {
            Thread.sleep(200); // a slow worker: the caller's part fails long before it ends
          }
          if (where.equals("both") || where.equals("caller") == onCaller) {
            String what = (onCaller ? "caller" : "worker") + " part failed";
            if (kind.equals("error")) {
              throw new AssertionError(what);
            }
            throw new IllegalStateException(what);
          }
          return bound;
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        } finally {
          running.decrementAndGet();
        }
      }
    };
    Svi svi = new Svi(vae.model(), vae.guide(), failing, vae.optimizer())
        .gradientSource(new ParallelGradients(2));
    Throwable thrown = catchThrowable(() -> svi.step(batch(new int[] {1, 2, 3, 4},
        DType.FLOAT64), Rngs.create(1)));
    assertThat(running.get()).as("parts still running when step returned").isZero();
    assertThat(thrown).isInstanceOf(kind.equals("error") ? AssertionError.class
        : IllegalStateException.class)
        .hasMessage((where.equals("worker") ? "worker" : "caller") + " part failed");
    if (where.equals("both")) {
      assertThat(thrown.getSuppressed()).extracting(Throwable::getMessage)
          .containsExactly("worker part failed");
    }
  }

  @Test
  void handlersAroundTheStepAreRefused() {
    Svi svi = svi(ObjectivesModule.ANALYTIC_KL, DType.FLOAT64)
        .gradientSource(new ParallelGradients(2));
    try (Handler outside = Handlers.scale(0.5)) {
      assertThatThrownBy(() -> svi.step(batch(new int[] {1, 2, 3, 4}, DType.FLOAT64),
          Rngs.create(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("latentj.training.workers: 1 handler(s) are entered around Svi.step on the"
              + " calling thread and would not reach the other workers; add them with"
              + " Svi.addStepHandler, or train with one worker");
    }
  }

  @Test
  void aBatchSmallerThanTheWorkersRunsOnOneThread() {
    Svi svi = svi(ObjectivesModule.ANALYTIC_KL, DType.FLOAT64);
    int[] rows = {7};
    double[] one = gradient(svi, Svi::localGradients, rows, DType.FLOAT64);
    assertThat(gradient(svi, new ParallelGradients(2), rows, DType.FLOAT64)).containsExactly(one);
  }

  /** A bad setting lets a model be built and stops its first step with the property's message. */
  @Test
  void aBadSettingIsReportedWhenTrainingStarts() {
    String before = System.getProperty(ParallelGradients.PROPERTY);
    System.setProperty(ParallelGradients.PROPERTY, "two");
    try {
      Svi svi = svi(ObjectivesModule.ANALYTIC_KL, DType.FLOAT64);
      assertThatThrownBy(() -> svi.step(batch(new int[] {1, 2, 3, 4}, DType.FLOAT64),
          Rngs.create(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("latentj.training.workers: expected a positive number of workers, got 'two'");
    } finally {
      if (before == null) {
        System.clearProperty(ParallelGradients.PROPERTY);
      } else {
        System.setProperty(ParallelGradients.PROPERTY, before);
      }
    }
  }

  /** Every instance with the same number of workers runs its parts on one shared pool. */
  @Test
  void instancesShareTheirHelperThreads() {
    Svi svi = svi(ObjectivesModule.ANALYTIC_KL, DType.FLOAT64);
    int[] rows = {5, 17, 2, 40};
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < 3; i++) {
      gradient(svi, new ParallelGradients(3), rows, DType.FLOAT64);
    }
    Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .filter(n -> n.startsWith("latentj-gradients-3-")).forEach(names::add);
    assertThat(names).containsExactly("latentj-gradients-3-1", "latentj-gradients-3-2");
  }

  @Test
  void theSettingIsAPositiveNumber() {
    assertThat(ParallelGradients.parseWorkers(null)).isEqualTo(1);
    assertThat(ParallelGradients.parseWorkers(" 2")).isEqualTo(2);
    assertThatThrownBy(() -> ParallelGradients.parseWorkers("two"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("latentj.training.workers: expected a positive number of workers, got 'two'");
    assertThatThrownBy(() -> new ParallelGradients(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ParallelGradients: needs at least 2 workers, got 1");
  }
}
