package org.latentj.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.latentj.inference.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latentj encode RUN_DIR}: the posterior q(z|x) of each example, as numbers. */
@Command(name = "encode", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Writes the posterior q(z|x) of each example of a split as CSV (default "
        + "RUN_DIR/latents.csv): a header line, then per example its index in the split, the "
        + "posterior mean of each latent dimension (mean_1..mean_d) and its variance "
        + "(variance_1..variance_d).")
final class EncodeCommand implements Callable<Integer> {

  static final String LATENTS = "latents.csv";
  private static final int CHUNK = 1000;

  /** The part of the run's data to encode. */
  enum SplitName { TEST, TRAIN, VALIDATION }

  @Spec
  CommandSpec spec;

  @Mixin
  RunDirArgument runDir;

  @Option(names = "--split", paramLabel = "NAME", defaultValue = "test",
      description = "test, train or validation (as train split them). "
          + "Default: ${DEFAULT-VALUE}.")
  SplitName split;

  @Mixin
  FirstExamples examples;

  @Mixin
  DataOverride data;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "The CSV file to write. Default: RUN_DIR/" + LATENTS + ".")
  Path out;

  @Override
  public Integer call() throws IOException {
    examples.check();
    Run run = runDir.open();
    Vae vae = run.vae();
    RunData runData = data.load(run);
    Dataset d = split == SplitName.TRAIN ? runData.train()
        : split == SplitName.TEST ? runData.test() : runData.validation();
    if (d == null) {
      throw new UsageException("--split validation: the run in " + runDir.runDir
          + " has no validation set (it was trained with --validation 0)");
    }
    DMatrixRMaj x = examples.of(d.features());
    int n = x.numRows;
    int latent = vae.settings().latentSize();
    DMatrixRMaj means = new DMatrixRMaj(n, latent);
    DMatrixRMaj variances = new DMatrixRMaj(n, latent);
    for (int from = 0; from < n; from += CHUNK) {
      int to = Math.min(n, from + CHUNK);
      DMatrixRMaj chunk = CommonOps_DDRM.extract(x, from, to, 0, x.numCols);
      CommonOps_DDRM.insert(vae.encodeMeans(chunk), means, from, 0);
      CommonOps_DDRM.insert(vae.encodeVariances(chunk), variances, from, 0);
    }
    List<String> header = new ArrayList<>(List.of("example"));
    header.addAll(NumberCsv.columns("mean", latent));
    header.addAll(NumberCsv.columns("variance", latent));
    Path file = out != null ? out : run.file(LATENTS);
    NumberCsv.write(file, header, true, means, variances);
    spec.commandLine().getOut().printf("wrote %s: %d examples of the %s split, %d latent "
        + "dimensions%n", file, n, EnumNames.name(split), latent);
    return 0;
  }
}
