package org.latentj.inference.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.checkpoint.SafeTensors;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.TrainingState;
import org.latentj.nn.Parameter;
import org.latentj.tensor.EjmlMatMulKernel;
import org.latentj.tensor.MatMul;
import org.latentj.testing.ChildJvm;

/**
 * One seed and one set of settings give bit-identical parameters: twice in one JVM, and in two
 * separate JVMs started with different JIT and garbage-collector settings. This holds because
 * every random choice comes from the one seeded generator, Java's floating point is strict
 * (JEP 306: no fused or extended-precision arithmetic the JIT could choose), and the matrix
 * products run on the single-threaded EJML kernel, which sums in a fixed order. A multithreaded
 * kernel keeps bit-identity if it splits the output rows among threads and leaves each dot
 * product's order of summation unchanged; one that splits a sum across threads does not.
 */
class DeterminismTest {

  static final int EPOCHS = 4;
  static final long SEED = 42;

  @TempDir static Path dir;

  private static org.latentj.tensor.MatMulKernel previous;

  /**
   * Bit-identity is promised under {@code -Dlatentj.matmul=ejml} (the README says so): the
   * default kernel may be a native multithreaded BLAS, whose summation order is not ours.
   */
  @BeforeAll
  static void installTheSingleThreadedKernel() {
    previous = MatMul.useKernel(new EjmlMatMulKernel());
    assertThat(MatMul.kernel()).isInstanceOf(EjmlMatMulKernel.class);
  }

  @org.junit.jupiter.api.AfterAll
  static void restoreTheKernel() {
    MatMul.useKernel(previous);
  }

  @Test
  void twoRunsInOneJvmGiveTheSameBits() throws Exception {
    VaeSettings settings = TinyVae.SETTINGS.toBuilder().seed(SEED).build();
    TrainingState a = TrainAndSave.train(settings, EPOCHS);
    TrainingState b = TrainAndSave.train(settings, EPOCHS);
    Map<String, Parameter> pa = a.svi().parameters();
    Map<String, Parameter> pb = b.svi().parameters();
    assertThat(pb.keySet()).containsExactlyElementsOf(pa.keySet());
    for (String name : pa.keySet()) {
      assertThat(bits(pb.get(name).value().data)).as(name)
          .containsExactly(bits(pa.get(name).value().data));
    }
    assertThat(a.steps()).isEqualTo(EPOCHS * 8L);

    Path fa = dir.resolve("a.safetensors");
    Path fb = dir.resolve("b.safetensors");
    CheckpointStore.save(fa, TinyVae.snapshot(a, settings));
    CheckpointStore.save(fb, TinyVae.snapshot(b, settings));
    assertThat(SafeTensors.read(fb).dataSha256()).isEqualTo(SafeTensors.read(fa).dataSha256());
    // With the creation time fixed, the whole files agree too.
    assertThat(Files.readAllBytes(fb)).isEqualTo(Files.readAllBytes(fa));

    // The check can fail: another seed gives other bits.
    TrainingState c = TrainAndSave.train(settings.toBuilder().seed(SEED + 1).build(), EPOCHS);
    String name = "guide.encoder.network.layer0.weight";
    assertThat(bits(c.svi().parameters().get(name).value().data))
        .isNotEqualTo(bits(pa.get(name).value().data));
  }

  private static List<String> concat(List<String> first, String... rest) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(rest));
    return all;
  }

  @Test
  void twoJvmsGiveTheSameBitsAsThisOne() throws Exception {
    VaeSettings settings = TinyVae.SETTINGS.toBuilder().seed(SEED).build();
    Path here = dir.resolve("here.safetensors");
    CheckpointStore.save(here, TinyVae.snapshot(TrainAndSave.train(settings, EPOCHS), settings));
    String expected = SafeTensors.read(here).dataSha256();

    // The children compute as this JVM does: with the Vector API's loops when it has them (the
    // Bernoulli rows agree with the scalar form within bounds, not to the bit).
    List<String> vector = org.latentj.tensor.MatMulKernels.vectorApiPresent()
        ? List.of("--add-modules", "jdk.incubator.vector") : List.of();
    List<List<String>> options = List.of(
        concat(vector, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Dlatentj.matmul=ejml"),
        concat(vector, "-Xmx256m", "-XX:+UseParallelGC", "-Dlatentj.matmul=ejml"));
    List<ChildJvm> children = new ArrayList<>();
    try {
      for (int i = 0; i < options.size(); i++) {
        children.add(ChildJvm.start(ChildJvm.command(options.get(i), TrainAndSave.class,
            dir.resolve("child" + i + ".safetensors").toString(), Long.toString(SEED),
            Integer.toString(EPOCHS))));
      }
      for (int i = 0; i < children.size(); i++) {
        ChildJvm child = children.get(i);
        assertThat(child.waitFor(120_000)).as("child %d exit; output %s", i, child.lines())
            .isZero();
        assertThat(child.lines()).as("child %d (%s)", i, options.get(i))
            .contains("kernel EjmlMatMulKernel", "sha256 " + expected);
        assertThat(SafeTensors.read(dir.resolve("child" + i + ".safetensors")).dataSha256())
            .isEqualTo(expected);
      }
    } finally {
      for (ChildJvm child : children) {
        child.close();
      }
    }
  }

  private static long[] bits(double[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Double.doubleToRawLongBits(values[i]);
    }
    return out;
  }
}
