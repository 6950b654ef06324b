package org.latentj.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.multibindings.OptionalBinder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.distributions.ContinuousBernoulliHead;
import org.latentj.distributions.Normal;
import org.latentj.inference.guice.LikelihoodHead;
import org.latentj.inference.guides.AutoNormal;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.training.KlWarmup;
import org.latentj.inference.training.Svi;
import org.latentj.model.Batch;
import org.latentj.model.Head;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.model.handlers.Plate;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/** The README's code, compiled and run, so the front page cannot drift from the library. */
class ReadmeExampleTest {

  static final Path README = Path.of("..", "README.md");
  static final String MARK = "<!-- ReadmeExampleTest compiles and runs the next block exactly "
      + "as printed. -->";

  /** The Java block right after {@link #MARK} in the README, as printed. */
  static String markedBlock() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int mark = readme.indexOf(MARK);
    assertThat(mark).as("the README marks its Java example for this test").isNotNegative();
    int start = readme.indexOf("```java\n", mark) + "```java\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  @Test
  void theReadmesCompleteProgramCompilesAndTrainsAsPrinted(@TempDir Path tmp) throws Exception {
    Path source = tmp.resolve("MyVae.java");
    Files.writeString(source, markedBlock(), StandardCharsets.UTF_8);
    // Surefire runs tests from a manifest-only jar; it names the real class path here.
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled = javac.getTask(diagnostics, null, null, List.of("-classpath", classpath,
        "-d", tmp.toString(), "--release", "17"), null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
            .getJavaFileObjects(source.toFile())).call();
    assertThat(compiled).as(diagnostics.toString()).isTrue();

    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()},
        getClass().getClassLoader())) {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      loader.loadClass("MyVae").getMethod("main", String[].class)
          .invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(stdout);
    }
    // 3 epochs of the embedded training digits in batches of 128.
    assertThat(printed.toString(StandardCharsets.UTF_8)).matches("trained \\d+ steps on "
        + "\\d+ digits\\R");
  }

  static class Regression extends Program {
    final int n;

    Regression(int n) {
      this.n = n;
    }

    @Override
    public void run(Sites t, Batch b) {
      int k = b.particles();
      Tensor w = t.sample("w", Normal.ofScale(Tensor.zeros(k, 3), Tensor.filled(k, 3, 1)));
      try (Plate data = t.plate("data", n, b.examples())) {
        Tensor mean = b.condition().mul(b.particleRows(w)).rowSums();
        t.observe("y", Normal.ofScale(mean, Tensor.filled(1, 1, 1)), b.data());
      }
    }
  }

  @Test
  void theRegressionWithAGlobalLatentTrainsOnMinibatches() {
    DMatrixRMaj x = Rngs.standardNormal(Rngs.create(7), 200, 3);
    DMatrixRMaj y = new DMatrixRMaj(200, 1);
    DMatrixRMaj noise = Rngs.standardNormal(Rngs.create(8), 200, 1);
    for (int i = 0; i < 200; i++) {
      y.set(i, 0, 2 * x.get(i, 0) - x.get(i, 1) + 0.5 * x.get(i, 2) + noise.get(i, 0));
    }
    Regression model = new Regression(x.numRows);
    AutoNormal guide = AutoNormal.builder().site("w", 3).build();
    Svi svi = new Svi(model, guide, new Elbo(8),
        Adam.builder().learningRate(0.05).build(Svi.parametersOf(model, guide)));
    svi.addStepHandler(new KlWarmup(100));
    var rng = Rngs.create(1);
    for (int step = 0; step < 300; step++) {
      int from = (step * 20) % 200;
      Tensor xRows = Tensor.constant(x).rows(from, from + 20);
      Tensor yRows = Tensor.constant(y).rows(from, from + 20);
      assertThat(svi.step(Batch.of(yRows, xRows), rng)).isFinite();
    }
    DMatrixRMaj loc = guide.loc("w");
    assertThat(loc.get(0, 0)).isCloseTo(2, within(0.3));
    assertThat(loc.get(0, 1)).isCloseTo(-1, within(0.3));
    assertThat(loc.get(0, 2)).isCloseTo(0.5, within(0.3));
  }

  @Test
  void oneBindingSwapsTheLikelihood() {
    Injector vae = Guice.createInjector(new VaeModule(VaeSettings.defaults()), binder ->
        OptionalBinder.newOptionalBinder(binder, Key.get(Head.class, LikelihoodHead.class))
            .setBinding().toInstance(new ContinuousBernoulliHead()));
    Svi svi = vae.getInstance(Svi.class);
    assertThat(svi.model().toString()).contains("ContinuousBernoulli");
  }
}
