package org.latentj.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import org.latentj.inference.scaleout.ScaleOut;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latentj evaluate RUN_DIR}: the figures of a trained model on its test set. */
@Command(name = "evaluate", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Scores the model of a run on its test set: the ELBO (analytic KL), the "
        + "importance-sampled log p(x) of Burda et al. (2015) with k samples per example "
        + "(drawn in chunks, so memory does not grow with k), and the active latent units. "
        + "Prints them and writes them to RUN_DIR/evaluation.json, and refreshes the run page "
        + "RUN_DIR/index.html (not with --json)."})
final class EvaluateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  RunDirArgument runDir;

  @Option(names = {"-k", "--samples"}, paramLabel = "K", defaultValue = "100",
      description = {"Importance samples per example for log p(x) (smaller is faster and "
          + "biased low; 0 skips it). Default: ${DEFAULT-VALUE}, seconds to a minute on the "
          + "2,000 embedded test digits.",
          "-k 5000 gives the IWAE paper's figure: time grows with k times the examples, about "
          + "50 microseconds per example and sample for the default model on two idle cores, "
          + "so some 8 minutes on the embedded test digits. A time estimate is printed once "
          + "the first examples are done, and progress as it goes."})
  int k;

  @Option(names = "--elbo-samples", paramLabel = "S", defaultValue = "1",
      description = "Samples of z per example for the ELBO's reconstruction term. "
          + "Default: ${DEFAULT-VALUE}.")
  int elboSamples;

  @Mixin
  FirstExamples examples;

  @Mixin
  DataOverride data;

  @Mixin
  SeedOverride seed;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Where to write the figures. Default: RUN_DIR/evaluation.json.")
  Path json;

  @Mixin
  SparkOptions spark;

  @Override
  public Integer call() throws IOException {
    Commands.atLeast("--samples", k, 0);
    Commands.atLeast("--elbo-samples", elboSamples, 1);
    examples.check();
    Run run = runDir.open();
    Vae vae = run.vae();
    RunData runData = data.load(run);
    DMatrixRMaj test = examples.of(runData.test().features());
    long s = seed.of(run);
    Estimates e;
    try (Progress.Ticker ticker = EtaTicker.of(spec.commandLine().getErr(),
        "log p(x), k=" + k, test.numRows)) {
      if (spark.given()) {
        try (ScaleOut cluster = spark.connect()) {
          e = Estimates.onCluster(vae, test, k, elboSamples, s, cluster);
        }
      } else {
        e = Estimates.of(vae, test, k, elboSamples, s, ticker);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s, epoch %d%n", vae.describe(),
        run.checkpoint().position().epoch());
    out.print(e.describe("test"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", run.dir().toAbsolutePath().toString());
    m.put("epoch", run.checkpoint().position().epoch());
    m.put("data", runData.test().provenance().description());
    m.put("seed", s);
    m.put("test", e.toMap());
    Path file = json != null ? json : run.file(Run.EVALUATION);
    Commands.writeJson(file, m);
    out.printf("wrote %s%n", file);
    if (json == null) {
      // The page shows evaluation.json: refresh it so it does not show the figures before.
      out.printf("wrote %s%n", RunPage.write(run));
    }
    return 0;
  }
}
