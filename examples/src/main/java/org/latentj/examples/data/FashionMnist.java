package org.latentj.examples.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.latentj.inference.data.DataProvenance;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.IdxReader;

/**
 * Finds and reads Fashion-MNIST (Xiao, Rasul &amp; Vollgraf, "Fashion-MNIST: a Novel Image
 * Dataset for Benchmarking Machine Learning Algorithms", 2017; MIT licence, Zalando SE): 60,000
 * training and 10,000 test images of clothing, 28x28 grey pixels in {@code [0, 255]}, 10
 * classes. It is too large to embed, so it is looked for, in this order:
 *
 * <ol>
 *   <li>an explicit folder, when one is given;
 *   <li>the folder named by the environment variable {@value #ENV}, when it is set;
 *   <li>{@code ../shared/data/fashion-mnist} relative to the working directory, then relative to
 *       its parent (the project's shared data folder, from the repository root or a module);
 *   <li>{@code /usr/share/datasets/fashion-mnist}, where the Debian package
 *       {@code dataset-fashion-mnist} installs it.
 * </ol>
 *
 * <p>A folder qualifies when it holds the four files {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte},
 * each gzip-compressed ({@code .gz}) or plain. An explicit folder or {@value #ENV} that does not
 * qualify is an error rather than a reason to look elsewhere: data asked for by name should never
 * be silently replaced. When nothing is found, the {@link FileNotFoundException} lists every place
 * looked and how to install the data.
 */
public final class FashionMnist {

  /** The environment variable naming the folder. */
  public static final String ENV = "LATENTJ_FASHION_MNIST";

  /** Where the Debian package {@code dataset-fashion-mnist} installs the files. */
  public static final Path DEBIAN_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

  /** The shared data folder, relative to the repository root. */
  static final Path SHARED_RELATIVE = Path.of("..", "shared", "data", "fashion-mnist");

  /** The class names, in label order (as in the upstream README). */
  public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover",
      "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  private static final List<String> FILES = List.of("train-images-idx3-ubyte",
      "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

  private static final String HOW_TO_INSTALL = "To install it: on Debian or Ubuntu, "
      + "`sudo apt-get install dataset-fashion-mnist` (installs into " + DEBIAN_FOLDER
      + "); anywhere, download train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
      + "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz from "
      + "https://github.com/zalandoresearch/fashion-mnist (data/fashion) into one folder and set "
      + ENV + " to it, or pass the folder explicitly.";

  private FashionMnist() {}

  /** The folder, found by the search order above with no explicit folder. */
  public static Path locate() throws FileNotFoundException {
    return locate(null);
  }

  /** The folder, {@code explicit} if not null, else found by the search order above. */
  public static Path locate(Path explicit) throws FileNotFoundException {
    return locate(explicit, System::getenv, Path.of("").toAbsolutePath(), DEBIAN_FOLDER);
  }

  /** The search with its inputs given, for tests. */
  static Path locate(Path explicit, Function<String, String> env, Path workingDirectory,
      Path systemFolder) throws FileNotFoundException {
    if (explicit != null) {
      return strict(explicit, "the explicit folder");
    }
    String fromEnv = env.apply(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return strict(Path.of(fromEnv), "the folder named by $" + ENV);
    }
    List<String> looked = new ArrayList<>();
    looked.add("explicit folder: none given");
    looked.add("$" + ENV + ": not set");
    List<Path> candidates = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Path wd = workingDirectory.toAbsolutePath();
    candidates.add(wd.resolve(SHARED_RELATIVE).normalize());
    labels.add(SHARED_RELATIVE + " from the working directory " + wd);
    if (wd.getParent() != null) {
      candidates.add(wd.getParent().resolve(SHARED_RELATIVE).normalize());
      labels.add(SHARED_RELATIVE + " from its parent " + wd.getParent());
    }
    candidates.add(systemFolder);
    labels.add("Debian package dataset-fashion-mnist");
    for (int i = 0; i < candidates.size(); i++) {
      Path c = candidates.get(i);
      String problem = problem(c);
      if (problem == null) {
        return c;
      }
      looked.add(c + " (" + labels.get(i) + "): " + problem);
    }
    throw new FileNotFoundException("Fashion-MNIST not found. Looked in, in order:\n  - "
        + String.join("\n  - ", looked) + "\n" + HOW_TO_INSTALL);
  }

  private static Path strict(Path folder, String what) throws FileNotFoundException {
    String problem = problem(folder);
    if (problem != null) {
      throw new FileNotFoundException("Fashion-MNIST not found in " + what + " " + folder + ": "
          + problem + "\n" + HOW_TO_INSTALL);
    }
    return folder;
  }

  /** Why {@code folder} does not hold the data set, or null if it does. */
  private static String problem(Path folder) {
    if (!Files.isDirectory(folder)) {
      return Files.exists(folder) ? "not a folder" : "no such folder";
    }
    List<String> missing = new ArrayList<>();
    for (String f : FILES) {
      if (file(folder, f) == null) {
        missing.add(f + "[.gz]");
      }
    }
    return missing.isEmpty() ? null : "missing " + String.join(", ", missing);
  }

  /** {@code base.gz} or {@code base} in {@code folder}, whichever exists (gzip first). */
  private static Path file(Path folder, String base) {
    Path gz = folder.resolve(base + ".gz");
    if (Files.isRegularFile(gz)) {
      return gz;
    }
    Path plain = folder.resolve(base);
    return Files.isRegularFile(plain) ? plain : null;
  }

  /** The 60,000 training images, found by {@link #locate()}. */
  public static Dataset train() throws IOException {
    return train(locate());
  }

  /** The 10,000 test images, found by {@link #locate()}. */
  public static Dataset test() throws IOException {
    return test(locate());
  }

  /** The training images in {@code folder}. */
  public static Dataset train(Path folder) throws IOException {
    return read(strict(folder, "the folder"), "train", FILES.get(0), FILES.get(1));
  }

  /** The test images in {@code folder}. */
  public static Dataset test(Path folder) throws IOException {
    return read(strict(folder, "the folder"), "test", FILES.get(2), FILES.get(3));
  }

  private static Dataset read(Path folder, String part, String images, String labels)
      throws IOException {
    Dataset ds = IdxReader.read(file(folder, images), file(folder, labels));
    DataProvenance provenance = new DataProvenance("Fashion-MNIST " + part + " (" + folder + ")",
        ds.provenance().files());
    return ds.withLabels(ds.labels().orElseThrow(), CLASS_NAMES).withProvenance(provenance);
  }
}
