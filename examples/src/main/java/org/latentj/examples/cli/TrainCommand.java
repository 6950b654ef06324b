package org.latentj.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.inference.checkpoint.TrainingPosition;
import org.latentj.inference.data.ImageShape;
import org.latentj.distributions.NormalHead;
import org.latentj.inference.guice.ComponentSpec;
import org.latentj.inference.guice.PriorInputs;
import org.latentj.inference.guice.TrainingSettings;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.scaleout.ScaleOut;
import org.latentj.inference.training.CheckpointListener;
import org.latentj.inference.training.Checkpoints;
import org.latentj.inference.training.MetricsListener;
import org.latentj.inference.training.MetricsRecord;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.ParallelGradients;
import org.latentj.inference.training.RunProvenance;
import org.latentj.inference.training.Trainer;
import org.latentj.inference.training.TrainingListener;
import org.latentj.inference.training.TrainingState;
import org.latentj.model.Posterior;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Linear;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code latentj train}: fits a VAE and writes a run folder. With no options it trains on the
 * embedded MNIST digits with defaults that finish in a few minutes on two cores.
 */
@Command(name = "train", sortOptions = false, mixinStandardHelpOptions = true,
    description = {
        "Fits a variational autoencoder and writes a run folder: checkpoint.safetensors "
            + "(saved after every epoch), metrics.jsonl (one line per epoch), samples.png, "
            + "reconstructions.png, training-curve.png, manifold.png (latent size 2 only), "
            + "summary.json (test ELBO and importance-sampled log p(x)) and index.html, a page "
            + "showing all of it (open it from disk; 'latentj report RUN_DIR' writes it again).",
        "With no options: the 784-400-20-400-784 VAE of Kingma & Welling (2013) on the 8,000 "
            + "embedded MNIST training digits (1,000 held out for validation), tested on the "
            + "2,000 embedded test digits.",
        "Safe stops: Ctrl-C (SIGINT) or SIGTERM saves the checkpoint at the step reached, "
            + "prints the command that continues it (--resume, bit-for-bit) and exits 130 / "
            + "143. checkpoint.prev.safetensors keeps the checkpoint before the newest; a "
            + "second train on the same folder fails at once (the folder's .lock).",
        "Memory: the run's heap is estimated from its settings before anything is allocated, "
            + "and a run that cannot fit is refused naming the estimate; give the JVM more "
            + "with JAVA_OPTS=-Xmx8g ./latentj train ..."})
final class TrainCommand implements Callable<Integer> {

  static final class Activations extends EnumNames.Candidates<Activation> {
    Activations() {
      super(Activation.class);
    }
  }

  static final class Binarizations extends EnumNames.Candidates<Binarization> {
    Binarizations() {
      super(Binarization.class);
    }
  }

  /** Options that change the shape of the model's parameters. */
  static final List<String> SHAPE_OPTIONS = Stream.concat(
      Stream.of("--hidden", "--latent", "--likelihood", "--prior"),
      ArchitectureOptions.SHAPE_OPTIONS.stream()).toList();

  @Spec
  CommandSpec spec;

  @Option(names = "--data", paramLabel = "SOURCE", defaultValue = RunData.EMBEDDED_DIGITS,
      description = {"Training data: embedded-digits (10,000 MNIST digits shipped in the jar), "
          + "fashion-mnist (found via $LATENTJ_FASHION_MNIST, ../shared/data/fashion-mnist or "
          + "/usr/share/datasets/fashion-mnist), a folder with train-images-idx3-ubyte[.gz] "
          + "and t10k-images-idx3-ubyte[.gz], or a CSV file (one example per row, no label "
          + "column; 1/6 of the rows held out for testing). 8-bit pixels are scaled to [0, 1].",
          "Default: ${DEFAULT-VALUE}."})
  String data;

  @Option(names = "--likelihood", paramLabel = "FAMILY", defaultValue = "bernoulli",
      converter = ComponentNames.Likelihoods.class,
      completionCandidates = ComponentNames.Likelihoods.class,
      description = "p(x|z): one of ${COMPLETION-CANDIDATES}, each described below. "
          + "Default: ${DEFAULT-VALUE}.")
  String likelihood;

  @Option(names = "--prior", paramLabel = "PRIOR", defaultValue = "standard-normal",
      converter = ComponentNames.Priors.class,
      completionCandidates = ComponentNames.Priors.class,
      description = "p(z): one of ${COMPLETION-CANDIDATES}, some with a count after a colon"
          + " (e.g. mog:10, vamp:50), each described below. Default: ${DEFAULT-VALUE}.")
  String prior;

  @Mixin
  ArchitectureOptions architecture;

  @Option(names = "--latent", paramLabel = "N", defaultValue = "20",
      description = "Latent dimensions (2 also draws manifold.png). Default: ${DEFAULT-VALUE}.")
  int latent;

  @Option(names = "--hidden", paramLabel = "N[,N...]", split = ",", defaultValue = "400",
      description = "Hidden layer sizes of the encoder; the decoder mirrors them. "
          + "Default: ${DEFAULT-VALUE}.")
  List<Integer> hidden;

  @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
      completionCandidates = Activations.class,
      description = "Hidden activation: one of ${COMPLETION-CANDIDATES}. "
          + "Default: ${DEFAULT-VALUE}.")
  Activation activation;

  @Option(names = "--objective", paramLabel = "NAME", defaultValue = "analytic-kl",
      converter = ComponentNames.Objectives.class,
      completionCandidates = ComponentNames.Objectives.class,
      description = "Training objective: one of ${COMPLETION-CANDIDATES} (elbo: Monte Carlo "
          + "KL; analytic-kl: closed-form KL; iwae: importance-weighted bound; iwae-dreg: the "
          + "same with doubly-reparameterized gradients). Default: ${DEFAULT-VALUE}.")
  String objective;

  @Option(names = {"-k", "--particles"}, paramLabel = "K", defaultValue = "1",
      description = "Samples of z per example (the k of iwae). Default: ${DEFAULT-VALUE}.")
  int particles;

  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
      converter = ComponentNames.Optimizers.class,
      completionCandidates = ComponentNames.Optimizers.class,
      description = "One of ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  String optimizer;

  @Option(names = "--lr", paramLabel = "RATE", defaultValue = "1e-3",
      description = "Learning rate. Default: ${DEFAULT-VALUE}.")
  double learningRate;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "20",
      description = "Epochs to train (with --resume: the total, counting those done). "
          + "Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "100",
      description = "Examples per minibatch. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(names = "--dtype", paramLabel = "TYPE", defaultValue = "float32",
      description = "Number type of parameters, optimizer state, data and products: float32 "
          + "(half the memory, faster; checkpoints stored as F32) or float64 (the reference). "
          + "A resumed run keeps its own unless this is given. Default: ${DEFAULT-VALUE}.")
  String dtype;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Fixes weights, validation split, shuffling and sampling. "
          + "Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--binarize", paramLabel = "HOW", defaultValue = "none",
      completionCandidates = Binarizations.class,
      description = "none (grey levels), fixed (x > 0.5) or dynamic (a fresh Bernoulli draw of "
          + "each pixel every epoch). Default: ${DEFAULT-VALUE}.")
  Binarization binarize;

  @Option(names = "--validation", paramLabel = "N", defaultValue = "1000",
      description = "Training examples held out for validation (at most a fifth; 0 for none). "
          + "Default: ${DEFAULT-VALUE}.")
  int validation;

  @Option(names = "--eval-k", paramLabel = "K", defaultValue = "50",
      description = "Importance samples per test example for log p(x) in summary.json "
          + "(0 skips it; a small k keeps the first run short; 'latentj evaluate -k 5000' "
          + "gives the IWAE paper's figure). Default: ${DEFAULT-VALUE}.")
  int evalK;

  @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "1",
      description = "Save the checkpoint every N epochs (and after the last). "
          + "Default: ${DEFAULT-VALUE}.")
  int checkpointEvery;

  @Option(names = "--log-every-steps", paramLabel = "N", defaultValue = "0",
      description = "Also write the minibatch bound every N optimizer steps to "
          + "RUN_DIR/steps.jsonl (one JSON line each: epoch, step, examples_seen, bound) and draw"
          + " those points in training-curve.png; 0 logs per epoch only (metrics.jsonl). "
          + "Default: ${DEFAULT-VALUE}.")
  int logEverySteps;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Run folder to write. Default: runs/<yyyyMMdd-HHmmss>.")
  Path out;

  @Option(names = "--resume", paramLabel = "RUN_DIR",
      description = "Continue the run in RUN_DIR from its checkpoint, bit-for-bit, with its "
          + "settings; options given explicitly override them (--epochs is the new total).")
  Path resume;

  @Mixin
  SparkOptions spark;

  @Option(names = "--limit", hidden = true, paramLabel = "N", defaultValue = "0",
      description = "Use only the first N training and N test examples (for quick tests).")
  int limit;

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private void checkOptions() {
    Commands.atLeast("--latent", latent, 1);
    for (int h : hidden) {
      Commands.atLeast("--hidden", h, 1);
    }
    Commands.atLeast("--particles", particles, 1);
    Commands.positive("--lr", learningRate);
    Commands.atLeast("--epochs", epochs, 1);
    Commands.atLeast("--batch-size", batchSize, 1);
    Commands.atLeast("--validation", validation, 0);
    Commands.atLeast("--eval-k", evalK, 0);
    Commands.atLeast("--checkpoint-every", checkpointEvery, 1);
    Commands.atLeast("--log-every-steps", logEverySteps, 0);
    Commands.atLeast("--limit", limit, 0);
    checkLikelihood();
    checkPrior();
    architecture.check(latent, prior);
    if (resume != null && out != null) {
      throw new UsageException("--out cannot be combined with --resume: a resumed run "
          + "continues in its own folder");
    }
    if (out != null) {
      requireNoRun(out);
    }
  }

  /** A likelihood's argument ({@code student-t:5}) is its factory's to parse, at once. */
  private void checkLikelihood() {
    ComponentSpec spec = ComponentSpec.parse(likelihood);
    try {
      ComponentNames.components().likelihood(spec.name()).head(spec, 1);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--likelihood " + likelihood + ": " + e.getMessage());
    }
  }

  /**
   * A prior's argument is the prior's to parse: it says at once if it cannot. It is built over
   * a one-column stand-in encoder, as the data are not read yet.
   */
  private void checkPrior() {
    ComponentSpec spec = ComponentSpec.parse(prior);
    try {
      Posterior encoder = new Posterior(new Linear(1, 2 * latent, Initializer.lecunUniform(),
          Rngs.create(0)), NormalHead.meanAndLogVariance());
      ComponentNames.components().prior(spec.name()).create(spec,
          new PriorInputs(latent, DType.FLOAT64, encoder, 1, null));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--prior " + prior + ": " + e.getMessage());
    }
  }

  /** What a run is made of before anything is trained: settings, data, folder, predecessor. */
  private record Plan(RunSettings run, RunData data, Run previous, Path dir) {
    VaeSettings settings() {
      return run.model();
    }
  }

  @Override
  public Integer call() throws IOException {
    checkOptions();
    long started = System.nanoTime();
    Plan plan = resume == null ? fresh() : resumed();
    plan.data().notes().forEach(n -> spec.commandLine().getErr().println("note: " + n));
    MemoryEstimate.of(plan.settings(), numbers(plan), plan.run().training().batchSize(),
        plan.data().values()).requireFits("train");
    Vae vae = model(plan);
    try (RunFolder folder = RunFolder.claim(plan.dir(), resume == null ? "--out" : "--resume")) {
      if (resume == null) {
        requireNoRun(plan.dir());
      }
      return train(plan, vae, started);
    }
  }

  /**
   * The model, built before the run folder is claimed so that settings no model can have
   * (a conv network on images it cannot halve) fail with one line and leave nothing behind. A
   * prior that starts at training rows gets them on a fresh run; a resumed one restores its own.
   */
  private Vae model(Plan plan) {
    VaeSettings settings = plan.settings();
    boolean rows = plan.previous() == null && ComponentNames.components()
        .prior(settings.prior().name()).needsTrainingRows();
    try {
      return Vae.build(settings, numbers(plan), rows ? plan.data().train().features() : null);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private Plan fresh() throws IOException {
    DataSettings dataSettings = DataSettings.builder().data(Commands.dataSpec(data))
        .binarize(binarize).limit(limit).validation(validation).build();
    boolean unitInterval = RunData.needsUnitInterval(likelihood);
    RunData runData = RunData.load(dataSettings, seed, unitInterval);
    VaeSettings settings = architecture.applyTo(VaeSettings.builder(), runData)
        .inputSize(runData.featureCount())
        .hiddenSizes(hidden).activation(activation).latentSize(latent).likelihood(likelihood)
        .prior(prior).objective(objective, particles).optimizer(optimizer, learningRate)
        .seed(seed).build();
    return checked(new RunSettings(settings, dataSettings,
        new TrainingSettings(epochs, batchSize)), runData, null,
        out != null ? out : Commands.newRunFolder(Path.of("runs")));
  }

  private Plan resumed() throws IOException {
    Run previous = Run.open(resume);
    RunSettings settings = override(previous.settings());
    long done = previous.checkpoint().position().epoch();
    if (settings.training().epochs() <= done) {
      throw new UsageException("--epochs " + settings.training().epochs() + ": the run in "
          + resume + " has already finished " + done + " epochs; ask for more to continue it");
    }
    VaeSettings model = settings.model();
    RunData runData = RunData.load(settings.data(), model.seed(),
        RunData.needsUnitInterval(model.likelihood().name()));
    runData.requireWidth(model.inputSize(), "the model in " + resume);
    if (ArchitectureOptions.SHAPE_OPTIONS.stream().anyMatch(this::given)) {
      settings = new RunSettings(architecture.applyTo(model.toBuilder(), model, runData,
          this::given).build(), settings.data(), settings.training());
    }
    return checked(settings, runData, previous, resume);
  }

  private static Plan checked(RunSettings settings, RunData runData, Run previous, Path dir) {
    runData.requireSupport(settings.model().likelihood().toString(), settings.data().binarize());
    ImageShape shape = runData.shape();
    DataSettings d = shape == null ? settings.data()
        : settings.data().toBuilder().image(shape.height(), shape.width()).build();
    return new Plan(new RunSettings(settings.model(), d, settings.training()), runData,
        previous, dir);
  }

  private static void requireNoRun(Path dir) {
    if (Files.exists(dir.resolve(Run.CHECKPOINT))) {
      throw new UsageException("--out " + dir + " already holds a run (" + Run.CHECKPOINT
          + "); continue it with --resume " + dir + ", or choose another folder");
    }
  }

  /** Builds the model, continues or starts it, trains, then writes pictures and summary. */
  private int train(Plan plan, Vae vae, long started) throws IOException {
    MetricsListener metrics = metrics(plan);
    StepLog steps = logEverySteps > 0 ? new StepLog(plan.dir(), logEverySteps) : null;
    spark.requireCompatible(plan.run().data().binarize());
    // A signal stops training cleanly; after training it ends the JVM with a line saying so.
    try (StopSignals signals = StopSignals.install(); ScaleOut cluster = spark.connect()) {
      DType numbers = numbers(plan);
      SparkOptions.plugInto(vae, cluster, plan.settings(), numbers, plan.data().train());
      RestorableUniformRandomProvider rng = Rngs.derive(plan.settings().seed(), "training");
      Provenance.Builder provenance = provenance(plan, vae, numbers);
      TrainingPosition at = continueFrom(plan, vae, rng, provenance);
      long perEpoch = printStart(plan, vae, at);
      List<TrainingListener> after = new ArrayList<>(List.of(signals));
      if (steps != null) {
        after.add(steps);
      }
      TrainingState state = fit(plan, new Trainer(vae.svi(), batches(plan, numbers))
          .addListener(metrics)
          .addListener(CheckpointListener.every(checkpointEvery, plan.dir(), provenance.build())
              .keepingPrevious()), metrics, after, at, perEpoch, rng);
      if (signals.received() != null) {
        return interrupted(signals, state, at, perEpoch, plan.dir());
      }
      signals.trainingDone("stopped after training, while writing pictures and test figures; "
          + "the checkpoint of epoch " + state.epoch() + " is saved in " + plan.dir()
          + " ('latentj evaluate " + plan.dir() + "' and 'latentj sample " + plan.dir()
          + "' make what is missing)");
      writeOutputs(plan, vae, metrics, steps, state, (System.nanoTime() - started) / 1e9);
    }
    return 0;
  }

  /** What the checkpoint records: seed, data, engine, the run's settings and its dtype. */
  private Provenance.Builder provenance(Plan plan, Vae vae, DType numbers) {
    Provenance.Builder provenance = plan.run().addTo(
        RunProvenance.of(plan.settings().seed(), plan.data().train(), vae.svi()));
    provenance.put(Run.DTYPE, numbers.toString());
    if (spark.given()) {
      provenance.put("noise", "keyed (--spark-master " + spark.master + ")");
    }
    return provenance;
  }

  /**
   * Runs {@code trainer} from {@code at} to the run's last epoch, the progress bar listening
   * after the trainer's own listeners and before {@code after} (the stop signals, the step log).
   */
  private TrainingState fit(Plan plan, Trainer trainer, MetricsListener metrics,
      List<TrainingListener> after, TrainingPosition at, long perEpoch,
      RestorableUniformRandomProvider rng) {
    try (Progress progress = new Progress(spec.commandLine().getErr(),
        Progress.interactive(), plan.run().training().epochs(), perEpoch, metrics)) {
      trainer.addListener(progress);
      after.forEach(trainer::addListener);
      return trainer.resume(at,
          plan.previous() == null ? null : plan.previous().checkpoint().epochStartRngState(),
          plan.run().training().epochs(), rng);
    }
  }

  /** The pictures, test figures, summary.json and run page of a finished run. */
  private void writeOutputs(Plan plan, Vae vae, MetricsListener metrics, StepLog steps,
      TrainingState state, double trainingSeconds) throws IOException {
    new RunOutputs(vae, plan.data(), plan.dir(), spec.commandLine()).write(metrics,
        steps == null ? List.of() : steps.points(), evalK,
        summary(plan.dir(), vae, plan.run(), state, metrics.last(), trainingSeconds),
        trainingSeconds, state);
  }

  /** Restores the previous run into {@code vae} and {@code rng}; the start for a new one. */
  private TrainingPosition continueFrom(Plan plan, Vae vae, RestorableUniformRandomProvider rng,
      Provenance.Builder provenance) {
    if (plan.previous() == null) {
      return TrainingPosition.START;
    }
    TrainingPosition at = restore(plan.previous(), vae, rng);
    provenance.put("resumedFrom", Map.of("epoch", at.epoch(), "batchesIntoEpoch",
        at.batchesIntoEpoch(), "createdAt",
        plan.previous().checkpoint().provenance().asMap().get("createdAt")));
    if (given("--lr")) {
      vae.svi().optimizer().setLearningRate(learningRate);
    }
    Object before = plan.previous().checkpoint().provenance().asMap()
        .get(RunProvenance.TRAINING_WORKERS);
    int now = vae.svi().workers();
    if (before instanceof Number n && n.intValue() != now) {
      // Other parts sum the gradients in another order: the resumed run is not bit-for-bit.
      spec.commandLine().getErr().printf("warning: %s was trained with %d workers, this run"
          + " uses %d (-D%s): the numbers will differ from an uninterrupted run's%n", resume,
          n.intValue(), now, ParallelGradients.PROPERTY);
    }
    return at;
  }

  private static MinibatchData batches(Plan plan, DType numbers) {
    MinibatchData batches = MinibatchData.of(plan.data().train(),
        plan.run().training().batchSize()).inDtype(numbers);
    if (plan.run().data().binarize() == Binarization.DYNAMIC) {
      batches = batches.dynamicallyBinarized();
    }
    return batches;
  }

  private static MetricsListener metrics(Plan plan) {
    MetricsListener metrics = MetricsListener.in(plan.dir());
    if (plan.data().validation() != null) {
      metrics = metrics.withValidation(plan.data().validation().features(), 500,
          plan.settings().seed());
    }
    return metrics;
  }

  /** Prints the model, the data and the folder; returns the minibatches per epoch. */
  private long printStart(Plan plan, Vae vae, TrainingPosition at) {
    RunData runData = plan.data();
    TrainingSettings training = plan.run().training();
    long perEpoch = (runData.train().size() + training.batchSize() - 1) / training.batchSize();
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "%s%n%s: %d training, %d validation, %d test examples; epochs"
        + " %d..%d of %d batches of %d%nwriting %s%n", vae.describe(),
        runData.train().provenance().description().split(" \\|")[0], runData.train().size(),
        runData.validation() == null ? 0 : runData.validation().size(), runData.test().size(),
        at.epoch() + 1, training.epochs(), perEpoch, training.batchSize(), plan.dir());
    stdout.flush();
    return perEpoch;
  }

  /** Says what a stop by signal saved and how to continue; the exit code is 128 + signal. */
  private int interrupted(StopSignals stops, TrainingState state, TrainingPosition start,
      long perEpoch, Path dir) {
    PrintWriter err = spec.commandLine().getErr();
    if (state.steps() == start.step()) {
      err.printf("%s: stopped before the first step; nothing new to save%s%n", stops.received(),
          resume == null ? "" : " (" + dir.resolve(Run.CHECKPOINT) + " is as it was)");
    } else {
      String where = state.batchesIntoEpoch() > 0
          ? String.format(Locale.ROOT, "inside epoch %d, after batch %d of %d", state.epoch(),
              state.batchesIntoEpoch(), perEpoch)
          : "at the end of epoch " + state.epoch();
      err.printf(Locale.ROOT, "%s: stopped %s (step %d, %d examples seen); saved %s%n",
          stops.received(), where, state.steps(), state.examplesSeen(),
          dir.resolve(Run.CHECKPOINT));
    }
    if (resume != null || state.steps() != start.step()) {
      err.printf("continue with: ./latentj train --resume %s%n", dir);
    }
    err.flush();
    return stops.exitCode();
  }

  /** The run's dtype: a resumed run keeps its own unless {@code --dtype} is given. */
  private DType numbers(Plan plan) {
    return plan.previous() != null && !given("--dtype") ? plan.previous().dtype() : dtype();
  }

  /** The {@code --dtype} option, parsed. */
  private DType dtype() {
    try {
      return DType.parse(dtype);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--dtype " + dtype + ": expected float64 or float32");
    }
  }

  private TrainingPosition restore(Run previous, Vae vae, RestorableUniformRandomProvider rng) {
    try {
      return Checkpoints.restore(previous.checkpoint(), vae.svi(), rng);
    } catch (IllegalArgumentException e) {
      List<String> changed = SHAPE_OPTIONS.stream().filter(this::given).toList();
      Path older = previous.file(CheckpointListener.PREVIOUS_FILE_NAME);
      String fallback = previous.checkpoint().optimizerDamage() != null && Files.exists(older)
          ? "; " + older + " holds the checkpoint saved before it: copy it over "
              + Run.CHECKPOINT + " to resume from there" : "";
      throw new IllegalArgumentException("cannot resume " + resume + ": " + e.getMessage()
          + (changed.isEmpty() ? "" : " (" + String.join(", ", changed)
              + " changed the model; leave out options that change its shape)") + fallback, e);
    }
  }

  private static Map<String, Object> summary(Path dir, Vae vae, RunSettings settings,
      TrainingState state, MetricsRecord last, double seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", dir.toAbsolutePath().toString());
    m.put("model", vae.describe());
    m.put("settings", vae.settings());
    m.put("dtype", vae.dtype().toString());
    m.put("data", settings.data());
    m.put("training", settings.training());
    m.put("epochs", state.epoch());
    m.put("steps", state.steps());
    m.put("examples_seen", state.examplesSeen());
    m.put("seconds", seconds);
    m.put("matmul_kernel", RunProvenance.matmulKernel());
    if (last != null) {
      m.put("final_train_bound", last.trainBound());
      if (last.hasValidation()) {
        m.put("final_validation_bound", last.validationBound());
      }
    }
    return m;
  }

  /** The previous run's settings with every option given on this command line. */
  private RunSettings override(RunSettings previous) {
    VaeSettings.Builder m = previous.model().toBuilder();
    ifGiven("--hidden", () -> m.hiddenSizes(hidden));
    ifGiven("--latent", () -> m.latentSize(latent));
    ifGiven("--activation", () -> m.activation(activation));
    ifGiven("--likelihood", () -> m.likelihood(likelihood));
    ifGiven("--prior", () -> m.prior(prior));
    ifGiven("--objective", () -> m.objective(objective));
    ifGiven("--particles", () -> m.particles(particles));
    ifGiven("--optimizer", () -> m.optimizer(optimizer));
    ifGiven("--lr", () -> m.learningRate(learningRate));
    ifGiven("--seed", () -> m.seed(seed));
    DataSettings.Builder d = previous.data().toBuilder();
    ifGiven("--data", () -> d.data(Commands.dataSpec(data)));
    ifGiven("--binarize", () -> d.binarize(binarize));
    ifGiven("--limit", () -> d.limit(limit));
    ifGiven("--validation", () -> d.validation(validation));
    TrainingSettings t = previous.training();
    return new RunSettings(m.build(), d.build(), new TrainingSettings(
        given("--epochs") ? epochs : t.epochs(),
        given("--batch-size") ? batchSize : t.batchSize()));
  }

  private void ifGiven(String option, Runnable apply) {
    if (given(option)) {
      apply.run();
    }
  }
}
