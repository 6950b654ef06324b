package org.latentj.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.inference.data.Dataset;

class FashionMnistTest {

  private static final Function<String, String> NO_ENV = name -> null;
  private static final String[] NAMES = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
      "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

  @TempDir
  Path dir;

  /** A folder holding the embedded digits under Fashion-MNIST's file names. */
  private static Path fakeFolder(Path folder, boolean gzip) throws IOException {
    Files.createDirectories(folder);
    String[] embedded = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};
    for (int i = 0; i < 4; i++) {
      try (InputStream in = FashionMnist.class.getResourceAsStream(EmbeddedDigits.FOLDER
          + embedded[i]); InputStream data = gzip ? in : new GZIPInputStream(in)) {
        Files.copy(data, folder.resolve(NAMES[i] + (gzip ? ".gz" : "")));
      }
    }
    return folder;
  }

  @Test
  void readsTheRealDataSetFromTheSharedFolder() throws IOException {
    // The project's shared data sits at ../shared/data from the repository root, whose child
    // the working directory of this module's tests is.
    Path repoRoot = Path.of("").toAbsolutePath().getParent();
    Path shared = repoRoot.resolve(FashionMnist.SHARED_RELATIVE).normalize();
    assumeTrue(Files.isDirectory(shared), "Fashion-MNIST is not at " + shared);

    Path found = FashionMnist.locate(null, NO_ENV, Path.of("").toAbsolutePath(),
        dir.resolve("none"));
    assertThat(found).isEqualTo(shared);

    Dataset train = FashionMnist.train(found);
    assertThat(train.size()).isEqualTo(60_000);
    assertThat(train.featureCount()).isEqualTo(784);
    assertThat(classCounts(train)).containsOnly(6000);
    assertThat(train.classNames()).hasSize(10).startsWith("T-shirt/top");
    assertThat(train.isCompact()).isTrue(); // 47 MB of bytes, not 376 MB of doubles
    assertThat(train.valueRange()).containsExactly(0, 255);
    train = null;

    Dataset test = FashionMnist.test(found);
    assertThat(test.size()).isEqualTo(10_000);
    assertThat(classCounts(test)).containsOnly(1000);
    assertThat(test.provenance().files()).hasSize(2);
  }

  private static int[] classCounts(Dataset ds) {
    int[] counts = new int[10];
    for (int label : ds.labels().orElseThrow()) {
      counts[label]++;
    }
    return counts;
  }

  @Test
  void searchesTheWorkingDirectoryThenItsParentThenTheDebianFolder() throws IOException {
    Path module = Files.createDirectories(dir.resolve("repo/module"));
    Path debian = fakeFolder(dir.resolve("debian"), true);
    assertThat(FashionMnist.locate(null, NO_ENV, module, debian)).isEqualTo(debian);

    Path fromParent = fakeFolder(dir.resolve("shared/data/fashion-mnist"), false);
    assertThat(FashionMnist.locate(null, NO_ENV, module, debian)).isEqualTo(fromParent);

    Path fromWorkingDir = fakeFolder(dir.resolve("repo/shared/data/fashion-mnist"), true);
    assertThat(FashionMnist.locate(null, NO_ENV, module, debian)).isEqualTo(fromWorkingDir);
  }

  @Test
  void anExplicitFolderOrTheEnvironmentVariableWinsAndMustHoldTheData() throws IOException {
    Path module = Files.createDirectories(dir.resolve("repo/module"));
    Path debian = fakeFolder(dir.resolve("debian"), true);
    Path mine = fakeFolder(dir.resolve("mine"), true);
    Function<String, String> env = Map.of(FashionMnist.ENV, mine.toString())::get;
    assertThat(FashionMnist.locate(null, env, module, debian)).isEqualTo(mine);
    assertThat(FashionMnist.locate(debian, env, module, debian)).isEqualTo(debian);

    Files.delete(mine.resolve("t10k-labels-idx1-ubyte.gz"));
    assertThatThrownBy(() -> FashionMnist.locate(null, env, module, debian))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("the folder named by $LATENTJ_FASHION_MNIST " + mine
            + ": missing t10k-labels-idx1-ubyte[.gz]");
    assertThatThrownBy(() -> FashionMnist.locate(dir.resolve("nope"), NO_ENV, module, debian))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("the explicit folder " + dir.resolve("nope") + ": no such folder");
  }

  @Test
  void whenNothingIsFoundTheErrorListsEveryPlaceAndHowToInstall() throws IOException {
    Path module = Files.createDirectories(dir.resolve("repo/module"));
    assertThatThrownBy(() -> FashionMnist.locate(null, NO_ENV, module, dir.resolve("debian")))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("explicit folder: none given")
        .hasMessageContaining("$LATENTJ_FASHION_MNIST: not set")
        .hasMessageContaining(dir.resolve("repo/shared/data/fashion-mnist") + " (")
        .hasMessageContaining(dir.resolve("shared/data/fashion-mnist") + " (")
        .hasMessageContaining(dir.resolve("debian") + " (Debian package dataset-fashion-mnist)")
        .hasMessageContaining("sudo apt-get install dataset-fashion-mnist");
  }

  @Test
  void readsGzipOrPlainFilesWithFashionClassNames() throws IOException {
    Dataset gz = FashionMnist.test(fakeFolder(dir.resolve("gz"), true));
    Dataset plain = FashionMnist.test(fakeFolder(dir.resolve("plain"), false));
    assertThat(gz.size()).isEqualTo(2000);
    assertThat(plain.features().data).isEqualTo(gz.features().data);
    assertThat(plain.labels().orElseThrow()).isEqualTo(gz.labels().orElseThrow());
    assertThat(plain.classNames()).containsExactlyElementsOf(FashionMnist.CLASS_NAMES);
    assertThat(plain.provenance().description()).startsWith("Fashion-MNIST test");
  }
}
