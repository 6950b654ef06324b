package org.latentj.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.guice.ComponentSpec;
import org.latentj.inference.guice.LikelihoodFactory;
import org.latentj.examples.data.EmbeddedDigits;
import org.latentj.examples.data.FashionMnist;
import org.latentj.inference.data.CsvReader;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.IdxReader;
import org.latentj.inference.data.ImageShape;
import org.latentj.inference.data.Split;
import org.latentj.inference.data.Transforms;
import org.latentj.tensor.Rngs;

/**
 * The data of a run, loaded as its {@link DataSettings} says: training, validation and test sets,
 * scaled to [0, 1] when they are 8-bit pixels, and binarized as asked.
 *
 * <p>Sources ({@code --data}): {@code embedded-digits} (the 8,000/2,000 MNIST digits in the jar),
 * {@code fashion-mnist} (found as {@link FashionMnist#locate()} says), a folder holding
 * {@code train-images-idx3-ubyte} and {@code t10k-images-idx3-ubyte} (each optionally
 * {@code .gz}), or a CSV file of one example per row with no label column, whose rows are split
 * 5:1 into training and test sets by a fixed seed ({@value #CSV_TEST_SEED}). Values in [0, 255]
 * with some above 1 are scaled by 1/255; other values are used as they are. A CSV file whose row
 * length is a square number is taken for square images.
 *
 * <p>The validation set is {@code min(validation, n / 5)} training examples split off by the
 * run's seed; the test set is never trained on.
 */
final class RunData {

  static final String EMBEDDED_DIGITS = "embedded-digits";
  static final String FASHION_MNIST = "fashion-mnist";
  static final long CSV_TEST_SEED = 20131220L;

  private final Dataset train;
  private final Dataset validation;
  private final Dataset test;
  private final ImageShape shape;
  private final List<String> notes;

  private RunData(Dataset train, Dataset validation, Dataset test, ImageShape shape,
      List<String> notes) {
    this.train = train;
    this.validation = validation;
    this.test = test;
    this.shape = shape;
    this.notes = List.copyOf(notes);
  }

  /**
   * Training and test sets from {@code spec}, before any split or binarization; what was done
   * to the data without being asked (a header row skipped, values scaled) goes to
   * {@code notes}. With {@code unitInterval} a CSV value that no scaling brings into [0, 1]
   * fails naming its file, line and column.
   */
  static Dataset[] source(String spec, boolean unitInterval, List<String> notes)
      throws IOException {
    if (spec.equals(EMBEDDED_DIGITS)) {
      return new Dataset[] {EmbeddedDigits.train(), EmbeddedDigits.test()};
    }
    if (spec.equals(FASHION_MNIST)) {
      Path folder = FashionMnist.locate();
      return new Dataset[] {FashionMnist.train(folder), FashionMnist.test(folder)};
    }
    Path path = Path.of(spec);
    if (Files.isDirectory(path)) {
      return new Dataset[] {IdxReader.readImages(idx(path, "train-images-idx3-ubyte")),
          IdxReader.readImages(idx(path, "t10k-images-idx3-ubyte"))};
    }
    if (Files.isRegularFile(path)) {
      if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
        throw new UsageException("--data " + spec + ": a file must be a .csv file (or give "
            + EMBEDDED_DIGITS + ", " + FASHION_MNIST + " or a folder of IDX files)");
      }
      Dataset all = csv(path, unitInterval, notes);
      if (all.size() < 12) {
        throw new UsageException("--data " + spec + ": " + all.size()
            + " rows are too few to split into training and test sets");
      }
      Split split = Split.of(all, all.size() / 6, CSV_TEST_SEED);
      Dataset train = split.train();
      Dataset test = split.validation();
      int side = (int) Math.round(Math.sqrt(all.featureCount()));
      if (side * side == all.featureCount()) {
        ImageShape square = new ImageShape(side, side);
        train = train.withImageShape(square);
        test = test.withImageShape(square);
      }
      return new Dataset[] {train, test};
    }
    throw new UsageException("--data " + spec + ": no such file or folder (expected "
        + EMBEDDED_DIGITS + ", " + FASHION_MNIST
        + ", a folder of IDX files or a CSV file)");
  }

  private static Dataset csv(Path path, boolean unitInterval, List<String> notes)
      throws IOException {
    CsvReader.Builder reader = CsvReader.builder().nonFiniteAdvice("latentj cannot train on "
        + "NaN or infinities: fill in or drop that row");
    if (unitInterval) {
      reader.range(0, 255, "; a Bernoulli-type --likelihood needs values in [0, 1] (8-bit "
          + "values in [0, 255] are scaled by 1/255): choose --likelihood gaussian or laplace "
          + "for other data");
    }
    Dataset all = reader.build().read(path);
    if (all.provenance().description().contains(CsvReader.HEADER_SKIPPED)) {
      notes.add(path + ": the first row holds a cell that is not a number, so it was taken "
          + "for a header row and skipped");
    }
    Dataset scaled = scaled(all);
    if (scaled != all) {
      notes.add(path + ": values lie in [0, 255] with some above 1, so all were scaled by "
          + "1/255 to [0, 1]");
    }
    return scaled;
  }

  private static Path idx(Path folder, String base) {
    for (String name : List.of(base + ".gz", base)) {
      if (Files.isRegularFile(folder.resolve(name))) {
        return folder.resolve(name);
      }
    }
    throw new UsageException("--data " + folder + ": the folder holds no " + base + "[.gz]"
        + " (an IDX folder needs train-images-idx3-ubyte and t10k-images-idx3-ubyte)");
  }

  /**
   * Loads the data of {@code config}, splitting and binarizing with {@code seed};
   * {@code unitInterval} when the likelihood needs values in [0, 1].
   */
  static RunData load(DataSettings config, long seed, boolean unitInterval) throws IOException {
    List<String> notes = new ArrayList<>();
    Dataset[] both = source(config.data(), unitInterval, notes);
    Dataset train = prepare(both[0], config.limit());
    Dataset test = prepare(both[1], config.limit());
    if (train.featureCount() != test.featureCount()) {
      throw new IllegalArgumentException("--data " + config.data() + ": training rows have "
          + train.featureCount() + " values but test rows " + test.featureCount());
    }
    Dataset validation = null;
    if (config.validation() > 0) {
      int size = Math.min(config.validation(), train.size() / 5);
      if (size < 1) {
        throw new UsageException("--validation " + config.validation() + ": the "
            + train.size() + " training examples are too few to split off a validation set"
            + " (use --validation 0)");
      }
      Split split = Split.of(train, size, seed);
      train = split.train();
      validation = split.validation();
    }
    switch (config.binarize()) {
      case FIXED:
        train = Transforms.binarize(train);
        validation = validation == null ? null : Transforms.binarize(validation);
        test = Transforms.binarize(test);
        break;
      case DYNAMIC:
        // Training draws afresh each epoch (MinibatchData); held-out sets get one fixed draw.
        validation = validation == null ? null
            : Transforms.binarizeOnce(validation, Rngs.derive(seed, "binarize validation"));
        test = Transforms.binarizeOnce(test, Rngs.derive(seed, "binarize test"));
        break;
      default:
        break;
    }
    // The training set stays compact (bytes, read per minibatch); the held-out sets, a sixth of
    // it, are read whole more than once (figures, evaluation), so they are held as doubles.
    return new RunData(train, validation == null ? null : validation.toDense(), test.toDense(),
        both[0].imageShape().orElse(null), notes);
  }

  private static Dataset prepare(Dataset data, int limit) {
    Dataset d = limit > 0 && limit < data.size() ? data.rows(0, limit) : data;
    Transforms.requireFinite(d);
    return scaled(d);
  }

  /** {@code d} scaled by 1/255 when its values lie in [0, 255] with some above 1. */
  private static Dataset scaled(Dataset d) {
    double[] range = d.valueRange();
    return range[0] >= 0 && range[1] > 1 && range[1] <= 255 ? Transforms.scaleToUnit(d) : d;
  }

  /** Whether {@code likelihood} scores only values in [0, 1]. */
  static boolean needsUnitInterval(String likelihood) {
    return family(likelihood).needsUnitInterval();
  }

  /** The registered family of a likelihood's spec ({@code student-t:5} is student-t's). */
  private static LikelihoodFactory family(String likelihood) {
    return ComponentNames.components().likelihood(ComponentSpec.parse(likelihood).name());
  }

  /** What was done to the data without being asked, one sentence each. */
  List<String> notes() {
    return notes;
  }

  Dataset train() {
    return train;
  }

  /** The validation set, or null when the run has none. */
  Dataset validation() {
    return validation;
  }

  Dataset test() {
    return test;
  }

  /** The image shape, or null when the data are not images. */
  ImageShape shape() {
    return shape;
  }

  int featureCount() {
    return train.featureCount();
  }

  /** Values held in memory by the training, validation and test sets together. */
  long values() {
    long rows = train.size() + (validation == null ? 0 : validation.size()) + test.size();
    return rows * featureCount();
  }

  /**
   * Fails (exit 1, like every problem found in the data) when the values cannot be scored by a
   * Bernoulli-type likelihood (which needs [0, 1]); names the set, row and column. CSV files
   * are checked as they are read, by line and column; this catches the other sources.
   */
  private void requireUnitInterval(String likelihood) {
    for (Dataset d : new Dataset[] {train, validation, test}) {
      if (d == null) {
        continue;
      }
      double[] range = d.valueRange();
      if (range[0] >= 0 && range[1] <= 1) {
        continue;
      }
      DMatrixRMaj m = d.features();
      for (int i = 0; i < m.getNumElements(); i++) {
        double v = m.data[i];
        if (!(v >= 0 && v <= 1)) {
          throw new IllegalArgumentException("--likelihood " + likelihood
              + " needs values in [0, 1], but "
              + d.provenance().description() + " holds " + v + " at row " + (i / m.numCols)
              + ", column " + (i % m.numCols) + " (choose a gaussian or laplace likelihood)");
        }
      }
    }
  }

  /**
   * Fails (exit 1) when a value lies outside what {@code likelihood} scores: [0, 1] for the
   * Bernoulli kind, whole numbers 0, 1, 2, ... for Poisson; names the set, row and column. With
   * {@code binarize} dynamic the training set holds probabilities whose draws are 0 or 1, so only
   * the held-out sets (binarized once) are checked for counts.
   */
  void requireSupport(String likelihood, Binarization binarize) {
    switch (family(likelihood).support()) {
      case UNIT_INTERVAL -> requireUnitInterval(likelihood);
      case COUNTS -> requireCounts(likelihood, binarize == Binarization.DYNAMIC);
      default -> { }
    }
  }

  private void requireCounts(String likelihood, boolean skipTrain) {
    for (Dataset d : new Dataset[] {skipTrain ? null : train, validation, test}) {
      if (d == null) {
        continue;
      }
      DMatrixRMaj m = d.features();
      for (int i = 0; i < m.getNumElements(); i++) {
        double v = m.data[i];
        if (!(v >= 0 && v == Math.rint(v))) {
          throw new IllegalArgumentException("--likelihood " + likelihood + " needs counts (0,"
              + " 1, 2, ...), but " + d.provenance().description() + " holds " + v + " at row "
              + (i / m.numCols) + ", column " + (i % m.numCols) + " (grey levels: add --binarize"
              + " fixed or dynamic; real values: choose a gaussian, laplace or student-t"
              + " likelihood)");
        }
      }
    }
  }

  /** Fails unless the data's rows have {@code inputSize} values, naming both. */
  void requireWidth(int inputSize, String model) {
    if (featureCount() != inputSize) {
      throw new IllegalArgumentException("the data (" + train.provenance().description()
          + ") have " + featureCount() + " values per example"
          + (shape == null ? "" : " (" + shape + " images)") + ", but " + model + " takes "
          + inputSize);
    }
  }
}
