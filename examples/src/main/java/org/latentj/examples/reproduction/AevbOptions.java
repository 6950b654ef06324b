package org.latentj.examples.reproduction;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine;
import org.latentj.examples.options.SeedOption;
import org.latentj.examples.options.StepSizeOption;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The command-line options the AEVB figure drivers share (a picocli mixin): data set, training
 * budget, evaluation schedule, Adagrad step size, seed and output folder.
 */
public final class AevbOptions {

  @Option(names = "--dataset", defaultValue = "digits", converter = DatasetName.class,
      description = "digits, fashion, fashion-gaussian or fashion-gaussian-sigmoid (default:"
          + " ${DEFAULT-VALUE})")
  AevbDataset dataset;

  @Option(names = "--examples", defaultValue = "2000000",
      description = "training examples seen per latent size, the budget (default: "
          + "${DEFAULT-VALUE})")
  long examples;

  @Option(names = "--first-eval", defaultValue = "10000",
      description = "examples seen at the first evaluation (default: ${DEFAULT-VALUE})")
  long firstEval;

  @Option(names = "--points", defaultValue = "10",
      description = "evaluations, spaced evenly in log from --first-eval to --examples "
          + "(default: ${DEFAULT-VALUE})")
  int points;

  @Option(names = "--eval-examples", defaultValue = "2000",
      description = "the fixed first rows of the training and of the test set on which the bound"
          + " is evaluated (default: ${DEFAULT-VALUE})")
  int evalExamples;

  @Mixin
  StepSizeOption stepSize;

  @Mixin
  SeedOption seed = new SeedOption(1);

  @Option(names = "--output", description = "output folder (default: "
      + "runs/reproduction/<figure>-<dataset>)")
  Path output;

  @Option(names = "--fashion-folder",
      description = "folder holding Fashion-MNIST (default: FashionMnist's usual search)")
  Path fashionFolder;

  @Option(names = "--train-rows", defaultValue = "2147483647",
      description = "use only the first rows of the training set (for quick checks)")
  int trainRows;

  /** Reads {@code --dataset} by its command-line name. */
  static final class DatasetName implements ITypeConverter<AevbDataset> {
    @Override
    public AevbDataset convert(String value) {
      try {
        return AevbDataset.named(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  AevbDataset dataset() {
    return dataset;
  }

  /** The data, cut to {@code --train-rows} training rows. */
  ReproductionData load() throws IOException {
    ReproductionData data = dataset.load(fashionFolder);
    return trainRows < data.train().numRows ? data.head(trainRows, Integer.MAX_VALUE) : data;
  }

  /** The evaluation counts, or only the budget when it is below {@code --first-eval}. */
  long[] stops() {
    if (examples < AevbVae.MINIBATCH || points < 1) {
      throw new IllegalArgumentException("--examples must be at least " + AevbVae.MINIBATCH
          + " and --points at least 1, got " + examples + " and " + points);
    }
    long first = Math.min(firstEval, examples);
    return AevbTraining.logSpaced(first, examples, first == examples ? 1 : points);
  }

  /** {@code --output}, or {@code runs/reproduction/<figure>-<dataset>}. */
  Path output(String figure) {
    return output != null ? output : Path.of("runs", "reproduction", figure + "-" + dataset.cliName());
  }
}
