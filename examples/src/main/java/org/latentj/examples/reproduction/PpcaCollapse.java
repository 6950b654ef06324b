package org.latentj.examples.reproduction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine;
import org.latentj.examples.options.BatchSizeOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The linear-Gaussian truth as an experiment (Lucas, Tucker, Grosse &amp; Norouzi 2019, "Don't
 * blame the ELBO! A linear VAE perspective on posterior collapse"): on Gaussian data with a known
 * spectrum, a linear VAE with the observation noise fixed at {@code s^2} is trained with the
 * analytic-KL ELBO for a sweep of {@code s^2}; at each, its ELBO should reach the closed-form
 * pPCA maximum at that noise, and exactly the latents whose sample eigenvalue is at most
 * {@code s^2} should collapse. Writes {@code ppca-collapse.md} and {@code ppca-collapse.csv}.
 *
 * <p>Run: {@code scripts/run.sh org.latentj.examples.reproduction.PpcaCollapse [options]}.
 */
@Command(name = "PpcaCollapse", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Linear VAE at fixed noise levels vs closed-form pPCA: bound and collapse.")
public final class PpcaCollapse implements Callable<Integer> {

  @Option(names = "--eigenvalues", split = ",", description = "Population covariance"
      + " eigenvalues (d of them); default: ${DEFAULT-VALUE}.",
      defaultValue = "5,3,2,1.2,0.8,0.5,0.3,0.2,0.1,0.05")
  double[] eigenvalues;

  @Option(names = "--noise", split = ",", description = "Fixed noise variances s^2 to sweep;"
      + " default: ${DEFAULT-VALUE}.", defaultValue = "0.1,0.4,0.7,1.0,1.5,2.5,4,6")
  double[] noise;

  @Option(names = "--n", description = "Examples; default: ${DEFAULT-VALUE}.",
      defaultValue = "5000")
  int n;

  @Option(names = "--latent", description = "Latent size k; default: ${DEFAULT-VALUE}.",
      defaultValue = "5")
  int latent;

  @Option(names = "--epochs", description = "Epochs per noise level; default: ${DEFAULT-VALUE}.",
      defaultValue = "500")
  int epochs;

  @Mixin
  BatchSizeOption batch = new BatchSizeOption(100);

  @Option(names = "--rate", description = "Adam's initial rate (cosine-annealed to rate/200);"
      + " default: ${DEFAULT-VALUE}.", defaultValue = "0.02")
  double rate;

  @Option(names = "--is-k", description = "Importance samples for log p(x); default:"
      + " ${DEFAULT-VALUE}.", defaultValue = "100")
  int importanceSamples;

  @Option(names = "--seed", description = "Seed of the data and the runs; default:"
      + " ${DEFAULT-VALUE}.", defaultValue = "2019")
  long seed;

  @Option(names = {"--output", "--out"}, description = "Output folder; default: ${DEFAULT-VALUE}.",
      defaultValue = "runs/reproduction/ppca-collapse")
  Path out;

  public static void main(String[] args) {
    System.exit(DriverCommandLine.of(new PpcaCollapse()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    DMatrixRMaj x = PpcaData.sample(eigenvalues, n, seed);
    double[] sample = PpcaData.sampleEigenvalues(x);
    PpcaExperiment experiment = new PpcaExperiment(latent, epochs, batch.value(), rate,
        importanceSamples, seed);
    System.err.println(experiment);
    List<PpcaResult> results = new ArrayList<>();
    for (double s2 : noise) {
      PpcaResult r = experiment.run(x, s2);
      results.add(r);
      System.err.printf(Locale.ROOT, "s^2 = %.2f: gap %.4f nats, collapsed %d (predicted %d),"
          + " %.1f s%n", s2, r.gap(), r.collapsedByKl(), r.predictedCollapsed(), r.seconds());
    }
    List<String> notes = List.of(
        String.format(Locale.ROOT, "Data: n = %d, d = %d, seed %d; population eigenvalues %s;"
            + " sample eigenvalues %s. Latent size k = %d.", n, eigenvalues.length, seed,
            PpcaReport.join(eigenvalues, "%.3g", ", "), PpcaReport.join(sample, "%.3f", ", "),
            latent),
        "Training: " + experiment + ", analytic-KL ELBO, observation noise fixed at s^2.",
        "closed-form log p(x): the pPCA maximum with s^2 fixed (W = U_k (L_k - s^2 I)^(1/2),"
            + " columns with lambda_i <= s^2 zero); learned log p(x): the exact likelihood of"
            + " the trained decoder; ELBO: the trained VAE's bound in closed form; gap ="
            + " closed form - ELBO (>= 0). Collapsed (KL): latents with mean KL(q || prior) < "
            + PpcaExperiment.COLLAPSE_NATS + " nats; collapsed (decoder): |W e_j|^2 / s^2 < "
            + PpcaExperiment.COLLAPSE_SNR + "; predicted: #{i <= k : lambda_i <= s^2} with the"
            + " sample eigenvalues.",
        String.format(Locale.ROOT, "Wall time %.1f s.", (System.nanoTime() - start) / 1e9));
    String md = PpcaReport.markdown("pPCA collapse (Lucas et al. 2019)", notes, results);
    TableFiles.write(out, "ppca-collapse", md, PpcaReport.csv(results), System.out);
    long matched = results.stream().filter(PpcaResult::collapseAsPredicted).count();
    System.err.printf(Locale.ROOT, "collapse as predicted at %d of %d noise levels%n", matched,
        results.size());
    return 0;
  }
}
