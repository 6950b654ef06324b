package org.latentj.examples.reproduction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.latentj.examples.models.FullVbTraining;
import org.latentj.inference.data.Transforms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Kingma &amp; Welling (2013), Appendix F: full variational Bayes over the decoder's weights
 * against point-estimated weights, same VAE, same budget, on the embedded digits (binarized
 * once). Writes {@code full-vb.md} and {@code full-vb.csv}.
 *
 * <p>Run: {@code scripts/reproduce.sh full-vb-digits}, or
 * {@code scripts/run.sh org.latentj.examples.reproduction.FullVbTable [options]}.
 */
@Command(name = "FullVbTable", mixinStandardHelpOptions = true, sortOptions = false,
    description = "VAE with Bayesian decoder weights vs point estimates on the embedded digits.")
public final class FullVbTable implements Callable<Integer> {

  @Option(names = "--latent", defaultValue = "5", description = "Size of z; default:"
      + " ${DEFAULT-VALUE}.")
  int latent;

  @Option(names = "--hidden", defaultValue = "100", description = "Hidden units; default:"
      + " ${DEFAULT-VALUE}.")
  int hidden;

  @Option(names = "--epochs", defaultValue = "100", description = "Epochs; default:"
      + " ${DEFAULT-VALUE}.")
  int epochs;

  @Option(names = "--eval-every", defaultValue = "25", description = "Epochs between"
      + " evaluations; default: ${DEFAULT-VALUE}.")
  int evalEvery;

  @Option(names = "--batch", defaultValue = "100", description = "Minibatch size M; default:"
      + " ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--rate", defaultValue = "1e-3", description = "Adam's rate; default:"
      + " ${DEFAULT-VALUE}.")
  double rate;

  @Option(names = "--init-scale", defaultValue = "0.1", description = "Initial posterior sd"
      + " of the weights; default: ${DEFAULT-VALUE}.")
  double initScale;

  @Option(names = "--seed", defaultValue = "1", description = "Seed; default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = {"--output", "--out"}, defaultValue = "runs/reproduction/full-vb-digits",
      description = "Output folder; default: ${DEFAULT-VALUE}.")
  Path out;

  public static void main(String[] args) {
    System.exit(DriverCommandLine.of(new FullVbTable()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    ReproductionData.Images digits = ReproductionData.images("digits", null);
    DMatrixRMaj train = Transforms.binarizeOnce(Transforms.scaleToUnit(digits.train()), seed)
        .features();
    DMatrixRMaj test = Transforms.binarizeOnce(Transforms.scaleToUnit(digits.test()), seed + 1)
        .features();
    FullVbTraining t = new FullVbTraining(latent, hidden, epochs, evalEvery, batch, rate,
        initScale, seed);
    List<FullVbTraining.Curve> curves = List.of(
        t.run("Bayesian decoder (full VB)", t.bayesian(train.numRows), train, test, System.err),
        t.run("point-estimated decoder", t.pointEstimate(), train, test, System.err));
    StringBuilder md = new StringBuilder("| decoder weights | train bound | test bound | gap |"
        + " seconds |\n|---|---|---|---|---|\n");
    StringBuilder csv = new StringBuilder("model,epoch,train_bound,test_bound,seconds\n");
    for (FullVbTraining.Curve c : curves) {
      FullVbTraining.Point p = c.last();
      md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.0f |%n", c.name(),
          p.trainBound(), p.testBound(), p.trainBound() - p.testBound(), p.seconds()));
      for (FullVbTraining.Point q : c.points()) {
        csv.append(String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%.1f%n", c.name(), q.epoch(),
            q.trainBound(), q.testBound(), q.seconds()));
      }
    }
    md.append(String.format(Locale.ROOT, "%nNats per example after %d epochs; %d training and %d"
        + " test digits, binarized once. %s. Train bound: the one-sample ELBO per example with"
        + " the weights' log p - log q divided by N (the full-data bound / N); test bound:"
        + " E_q(theta)[ELBO(x; theta)], one weight draw per 500 digits.%n", epochs,
        train.numRows, test.numRows, t));
    TableFiles.write(out, "full-vb", md.toString(), csv.toString(), System.out);
    return 0;
  }
}
