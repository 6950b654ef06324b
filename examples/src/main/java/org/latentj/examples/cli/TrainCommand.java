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
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.inference.checkpoint.TrainingPosition;
import org.latentj.inference.data.ImageShape;
import org.latentj.inference.guice.LikelihoodFamily;
import org.latentj.inference.guice.ObjectiveKind;
import org.latentj.inference.guice.OptimizerKind;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.CheckpointListener;
import org.latentj.inference.training.Checkpoints;
import org.latentj.inference.training.MetricsListener;
import org.latentj.inference.training.MetricsRecord;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.RunProvenance;
import org.latentj.inference.training.Trainer;
import org.latentj.inference.training.TrainingState;
import org.latentj.nn.Activation;
import org.latentj.tensor.Rngs;
import picocli.CommandLine.Command;
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
            + "reconstructions.png, training-curve.png, manifold.png (latent size 2 only) and "
            + "summary.json (test ELBO and importance-sampled log p(x)).",
        "With no options: the 784-400-20-400-784 VAE of Kingma & Welling (2013) on the 8,000 "
            + "embedded MNIST training digits (1,000 held out for validation), tested on the "
            + "2,000 embedded test digits."})
final class TrainCommand implements Callable<Integer> {

  static final class Likelihoods extends EnumNames.Candidates<LikelihoodFamily> {
    Likelihoods() {
      super(LikelihoodFamily.class);
    }
  }

  static final class Objectives extends EnumNames.Candidates<ObjectiveKind> {
    Objectives() {
      super(ObjectiveKind.class);
    }
  }

  static final class Optimizers extends EnumNames.Candidates<OptimizerKind> {
    Optimizers() {
      super(OptimizerKind.class);
    }
  }

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

  static final class Priors extends EnumNames.Candidates<PriorKind> {
    Priors() {
      super(PriorKind.class);
    }
  }

  /** Options that change the shape of the model's parameters. */
  static final List<String> SHAPE_OPTIONS = List.of("--hidden", "--latent", "--likelihood");

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
      completionCandidates = Likelihoods.class,
      description = "p(x|z): one of ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  LikelihoodFamily likelihood;

  @Option(names = "--prior", paramLabel = "PRIOR", defaultValue = "standard-normal",
      completionCandidates = Priors.class,
      description = "p(z): one of ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  PriorKind prior;

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
      completionCandidates = Objectives.class,
      description = "Training objective: one of ${COMPLETION-CANDIDATES} (elbo: Monte Carlo "
          + "KL; analytic-kl: closed-form KL; iwae: importance-weighted bound; iwae-dreg: the "
          + "same with doubly-reparameterized gradients). Default: ${DEFAULT-VALUE}.")
  ObjectiveKind objective;

  @Option(names = {"-k", "--particles"}, paramLabel = "K", defaultValue = "1",
      description = "Samples of z per example (the k of iwae). Default: ${DEFAULT-VALUE}.")
  int particles;

  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
      completionCandidates = Optimizers.class,
      description = "One of ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  OptimizerKind optimizer;

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
          + "(0 skips it; a small k keeps the first run short, 'latentj evaluate' reports "
          + "k = 5000). Default: ${DEFAULT-VALUE}.")
  int evalK;

  @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "1",
      description = "Save the checkpoint every N epochs (and after the last). "
          + "Default: ${DEFAULT-VALUE}.")
  int checkpointEvery;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Run folder to write. Default: runs/<yyyyMMdd-HHmmss>.")
  Path out;

  @Option(names = "--resume", paramLabel = "RUN_DIR",
      description = "Continue the run in RUN_DIR from its checkpoint, bit-for-bit, with its "
          + "settings; options given explicitly override them (--epochs is the new total).")
  Path resume;

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
    Commands.atLeast("--limit", limit, 0);
    if (resume != null && out != null) {
      throw new UsageException("--out cannot be combined with --resume: a resumed run "
          + "continues in its own folder");
    }
    if (out != null && Files.exists(out.resolve(Run.CHECKPOINT))) {
      throw new UsageException("--out " + out + " already holds a run (" + Run.CHECKPOINT
          + "); continue it with --resume " + out + ", or choose another folder");
    }
  }

  @Override
  public Integer call() throws IOException {
    checkOptions();
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    long started = System.nanoTime();

    Run previous = resume == null ? null : Run.open(resume);
    VaeSettings settings;
    RunConfig config;
    RunData runData;
    Path dir;
    if (previous == null) {
      config = new RunConfig(Commands.dataSpec(data), binarize, prior, limit, validation,
          batchSize, epochs, 0, 0);
      runData = RunData.load(config, seed);
      settings = new VaeSettings(runData.featureCount(), hidden, activation, latent, likelihood,
          objective, particles, optimizer, learningRate, seed);
      dir = out != null ? Files.createDirectories(out) : Commands.newRunFolder(Path.of("runs"));
    } else {
      settings = overrideSettings(previous.settings());
      config = overrideConfig(previous.config());
      runData = RunData.load(config, settings.seed());
      runData.requireWidth(settings.inputSize(), "the model in " + resume);
      dir = resume;
    }
    if (settings.likelihood() == LikelihoodFamily.BERNOULLI
        || settings.likelihood() == LikelihoodFamily.CONTINUOUS_BERNOULLI) {
      runData.requireUnitInterval(EnumNames.name(settings.likelihood()));
    }
    ImageShape shape = runData.shape();
    if (shape != null) {
      config = config.withImage(shape.height(), shape.width());
    }

    Vae vae = Vae.build(settings);
    RestorableUniformRandomProvider rng = Rngs.derive(settings.seed(), "training");
    Provenance.Builder provenance = RunProvenance.of(settings.seed(), runData.train(), vae.svi())
        .component(RunConfig.SETTINGS, settings).component(RunConfig.COMPONENT, config);
    int done = 0;
    long seen = 0;
    if (previous != null) {
      TrainingPosition at = restore(previous, vae, rng);
      done = (int) at.epoch();
      seen = at.examplesSeen();
      provenance.put("resumedFrom", Map.of("epoch", done, "createdAt",
          previous.checkpoint().provenance().asMap().get("createdAt")));
      if (given("--lr")) {
        vae.svi().optimizer().setLearningRate(learningRate);
      }
      if (config.epochs() <= done) {
        throw new UsageException("--epochs " + config.epochs() + ": the run in " + resume
            + " has already finished " + done + " epochs; ask for more to continue it");
      }
    }

    MinibatchData batches = MinibatchData.of(runData.train(), config.batchSize());
    if (config.binarize() == Binarization.DYNAMIC) {
      batches = batches.dynamicallyBinarized();
    }
    MetricsListener metrics = MetricsListener.in(dir);
    if (runData.validation() != null) {
      metrics = metrics.withValidation(runData.validation().features(), 500, settings.seed());
    }
    long perEpoch = (runData.train().size() + config.batchSize() - 1) / config.batchSize();
    stdout.printf(Locale.ROOT, "%s%n%s: %d training, %d validation, %d test examples; epochs"
        + " %d..%d of %d batches of %d%nwriting %s%n", vae.describe(),
        runData.train().provenance().description().split(" \\|")[0], runData.train().size(),
        runData.validation() == null ? 0 : runData.validation().size(), runData.test().size(),
        done + 1, config.epochs(), perEpoch, config.batchSize(), dir);
    stdout.flush();

    TrainingState state;
    try (Progress progress = new Progress(stderr, Progress.interactive(), config.epochs(),
        perEpoch, metrics)) {
      state = new Trainer(vae.svi(), batches).addListener(metrics)
          .addListener(CheckpointListener.every(checkpointEvery, dir, provenance.build()))
          .addListener(progress)
          .resume(done, seen, config.epochs(), rng);
    }
    double trainingSeconds = (System.nanoTime() - started) / 1e9;

    List<String> written = new ArrayList<>(List.of(Run.CHECKPOINT, Run.METRICS));
    if (shape != null) {
      Figures.samples(vae, shape, 64, 8, 2, settings.seed(), dir.resolve(Run.SAMPLES));
      Figures.reconstructions(vae, shape, Figures.firstRows(runData.test().features(), 24), 8,
          2, dir.resolve(Run.RECONSTRUCTIONS));
      written.addAll(List.of(Run.SAMPLES, Run.RECONSTRUCTIONS));
      if (settings.latentSize() == 2) {
        Figures.manifold(vae, shape, 20, 1, dir.resolve(Run.MANIFOLD));
        written.add(Run.MANIFOLD);
      }
    } else {
      stderr.println("the data are not images: no pictures of samples or reconstructions");
    }
    Figures.trainingCurve(metrics.records(), "VAE " + vae.shape() + ", "
        + EnumNames.name(settings.objective()), dir.resolve(Run.TRAINING_CURVE));
    written.add(Run.TRAINING_CURVE);

    Estimates test;
    try (Progress.Ticker ticker = Progress.ticker(Progress.interactive(),
        "test log p(x), k=" + evalK, runData.test().size())) {
      test = Estimates.of(vae, runData.test().features(), evalK, 1, settings.seed(), ticker);
    }
    Map<String, Object> summary = summary(dir, vae, config, state, metrics.last(), test,
        trainingSeconds);
    Commands.writeJson(dir.resolve(Run.SUMMARY), summary);
    written.add(Run.SUMMARY);

    stdout.printf(Locale.ROOT, "trained %d epochs (%d examples seen) in %.1f s%n",
        state.epoch(), state.examplesSeen(), trainingSeconds);
    stdout.print(test.describe("test"));
    stdout.printf("wrote %s: %s%n", dir, String.join(", ", written));
    return 0;
  }

  private TrainingPosition restore(Run previous, Vae vae, RestorableUniformRandomProvider rng) {
    try {
      return Checkpoints.restore(previous.checkpoint(), vae.svi(), rng);
    } catch (IllegalArgumentException e) {
      List<String> changed = SHAPE_OPTIONS.stream().filter(this::given).toList();
      throw new IllegalArgumentException("cannot resume " + resume + ": " + e.getMessage()
          + (changed.isEmpty() ? "" : " (" + String.join(", ", changed)
              + " changed the model; leave out options that change its shape)"), e);
    }
  }

  private static Map<String, Object> summary(Path dir, Vae vae, RunConfig config,
      TrainingState state, MetricsRecord last, Estimates test, double seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", dir.toAbsolutePath().toString());
    m.put("model", vae.describe());
    m.put("settings", vae.settings());
    m.put("config", config);
    m.put("epochs", state.epoch());
    m.put("steps", state.steps());
    m.put("examples_seen", state.examplesSeen());
    m.put("seconds", seconds);
    m.put("matmul_kernel", RunProvenance.matmulKernel());
    m.put("dtype", RunProvenance.DTYPE);
    if (last != null) {
      m.put("final_train_bound", last.trainBound());
      if (last.hasValidation()) {
        m.put("final_validation_bound", last.validationBound());
      }
    }
    m.put("test", test.toMap());
    return m;
  }

  private VaeSettings overrideSettings(VaeSettings s) {
    VaeSettings r = s;
    if (given("--hidden")) {
      r = r.withHiddenSizes(hidden);
    }
    if (given("--latent")) {
      r = r.withLatentSize(latent);
    }
    if (given("--activation")) {
      r = r.withActivation(activation);
    }
    if (given("--likelihood")) {
      r = r.withLikelihood(likelihood);
    }
    if (given("--objective") || given("--particles")) {
      r = r.withObjective(given("--objective") ? objective : r.objective(),
          given("--particles") ? particles : r.particles());
    }
    if (given("--optimizer") || given("--lr")) {
      r = r.withOptimizer(given("--optimizer") ? optimizer : r.optimizer(),
          given("--lr") ? learningRate : r.learningRate());
    }
    if (given("--seed")) {
      r = r.withSeed(seed);
    }
    return r;
  }

  private RunConfig overrideConfig(RunConfig c) {
    return new RunConfig(given("--data") ? Commands.dataSpec(data) : c.data(),
        given("--binarize") ? binarize : c.binarize(),
        given("--prior") ? prior : c.prior(),
        given("--limit") ? limit : c.limit(),
        given("--validation") ? validation : c.validation(),
        given("--batch-size") ? batchSize : c.batchSize(),
        given("--epochs") ? epochs : c.epochs(), c.imageHeight(), c.imageWidth());
  }
}
