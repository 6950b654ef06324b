package org.latentj.inference.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.Rngs;
import org.latentj.testing.Matrices;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A PyTorch user can read the parameters: a standard-library Python reader that follows
 * {@code safetensors.torch.load_file} (which cannot be installed here) sees the same names,
 * shapes and values in row-major order. Skipped where {@code python3} is not on the PATH.
 */
class PythonReaderTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DType.class)
  void pythonReadsTheParametersAsWritten(DType dtype) throws Exception {
    assumeTrue(python3Available(), "python3 is not on the PATH");
    RestorableUniformRandomProvider rng = Rngs.create(21);
    Checkpoint checkpoint = Checkpoint.builder()
        .parameter("encoder.layer0.weight", Matrices.normal(rng, 4, 3))
        .parameter("encoder.layer0.bias", Matrices.normal(rng, 1, 3))
        .optimizerTensor("adam.m.encoder.layer0.weight", Matrices.normal(rng, 4, 3))
        .rng(rng).position(1, 10, 640)
        .provenance(Provenance.builder(21).build())
        .build();
    Path file = dir.resolve("model.safetensors");
    CheckpointStore.save(file, checkpoint, dtype);

    JsonNode read = Json.MAPPER.readTree(runPython(file));

    assertThat(read.get("metadata").get("latentj.step").textValue()).isEqualTo("10");
    List<String> names = new ArrayList<>();
    read.get("tensors").properties().forEach(e -> names.add(e.getKey()));
    assertThat(names).containsExactly("param/encoder.layer0.weight", "param/encoder.layer0.bias",
        "optim/adam.m.encoder.layer0.weight");
    for (Map.Entry<String, DMatrixRMaj> e : checkpoint.parameters().entrySet()) {
      JsonNode tensor = read.get("tensors").get("param/" + e.getKey());
      DMatrixRMaj m = e.getValue();
      assertThat(tensor.get("dtype").textValue()).isEqualTo(dtype.name());
      assertThat(tensor.get("shape").toString()).isEqualTo("[" + m.numRows + "," + m.numCols
          + "]");
      for (int i = 0; i < m.numRows; i++) {
        for (int j = 0; j < m.numCols; j++) {
          double expected = dtype == DType.F64 ? m.get(i, j) : (float) m.get(i, j);
          assertThat(tensor.get("values").get(i).get(j).doubleValue())
              .as("%s[%d][%d]", e.getKey(), i, j).isEqualTo(expected);
        }
      }
    }
  }

  private static boolean python3Available() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String runPython(Path file) throws IOException, InterruptedException {
    Path script = dir.resolve("read_safetensors.py");
    try (InputStream in = getClass().getResourceAsStream("read_safetensors.py")) {
      assertThat(in).as("test resource read_safetensors.py").isNotNull();
      Files.copy(in, script);
    }
    Path stderr = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder("python3", script.toString(), file.toString())
        .redirectError(stderr.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("python3 finished").isTrue();
    assertThat(p.exitValue()).as("python3 failed: %s", Files.readString(stderr)).isZero();
    return out;
  }
}
