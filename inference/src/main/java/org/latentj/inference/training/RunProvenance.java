package org.latentj.inference.training;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.inference.checkpoint.Sha256;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.SourceFile;
import org.latentj.tensor.MatMul;
import org.latentj.tensor.MatMulKernels;
import org.latentj.tensor.VectorApi;

/**
 * The {@link Provenance} of a training run, filled from the things it was built from: the seed,
 * the training data (its derivation and a SHA-256), and every component of the {@link Svi}
 * ({@code toString()} of model, guide, objective and optimizer, which print their
 * hyperparameters), the matrix-multiply kernel, the model's dtype, the number of threads a
 * minibatch is cut into ({@value #TRAINING_WORKERS}) and whether the Vector API is used. Callers add the settings
 * they will need to rebuild the model as a component ({@code builder.component("vae",
 * settings)} for a record) and read them back with {@link #component(Provenance, String, Class)}.
 *
 * <p>The data's SHA-256: of its one file when it was read from one file; of a manifest of
 * {@code "<sha256>  <name>\n"} lines (as {@code sha256sum} prints) when it was read from several,
 * which are then also listed under {@code dataFiles}; of its float64 values (row-major,
 * big-endian) when it was built in memory.
 */
public final class RunProvenance {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

  /** The key of the number of threads each minibatch was cut into ({@link Svi#workers()}). */
  public static final String TRAINING_WORKERS = "trainingWorkers";

  private RunProvenance() {}

  /** The matrix-multiply kernel every product of this process uses, by its short name. */
  public static String matmulKernel() {
    return MatMulKernels.name(MatMul.kernel());
  }

  /** A provenance builder for a run of {@code svi} on {@code data} started with {@code seed}. */
  public static Provenance.Builder of(long seed, Dataset data, Svi svi) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(svi, "svi");
    Provenance.Builder b = Provenance.builder(seed);
    List<SourceFile> files = data.provenance().files();
    String description = data.provenance().description();
    if (files.size() == 1) {
      b.data(description + " from " + files.get(0).name(), files.get(0).sha256());
    } else if (files.isEmpty()) {
      b.data(description + " (in memory; SHA-256 of its float64 values)",
          valuesSha256(data.features()));
    } else {
      StringBuilder manifest = new StringBuilder();
      List<Map<String, Object>> listed = new ArrayList<>();
      for (SourceFile f : files) {
        manifest.append(f.sha256()).append("  ").append(f.name()).append('\n');
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", f.name());
        entry.put("bytes", f.bytes());
        entry.put("sha256", f.sha256());
        listed.add(entry);
      }
      b.data(description + " (SHA-256 of the manifest of dataFiles)",
          Sha256.of(manifest.toString().getBytes(StandardCharsets.UTF_8)));
      b.put("dataFiles", listed);
    }
    b.put("examples", data.size());
    b.put("features", data.featureCount());
    b.put("matmulKernel", matmulKernel());
    // How the numbers were computed: the parts of a minibatch (their sums' order) and whether
    // the Bernoulli rows ran on the Vector API (within a bound of the scalar form, not its bits).
    b.put(TRAINING_WORKERS, svi.workers());
    b.put("vectorApi", VectorApi.enabled());
    b.put("dtype", svi.model().dtype().toString());
    b.component("model", svi.model().toString());
    b.component("guide", svi.guide().toString());
    b.component("objective", svi.objective().toString());
    b.component("optimizer", svi.optimizer().toString());
    return b;
  }

  /**
   * The component {@code name} of {@code provenance} read back as a {@code type} (e.g. a record
   * recorded with {@code component(name, record)}).
   *
   * @throws IllegalArgumentException if there is no such component or it does not convert,
   *     naming both
   */
  public static <T> T component(Provenance provenance, String name, Class<T> type) {
    Object value = provenance.components().get(name);
    if (value == null) {
      throw new IllegalArgumentException("the run's provenance has no component '" + name
          + "' (it has " + provenance.components().keySet() + "); was it written by another"
          + " program?");
    }
    try {
      return JSON.convertValue(value, type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the run's provenance component '" + name
          + "' is not a valid " + type.getSimpleName() + ": " + rootMessage(e), e);
    }
  }

  /** SHA-256 of the values of {@code m} as big-endian float64, row by row. */
  static String valuesSha256(DMatrixRMaj m) {
    MessageDigest digest = Sha256.newDigest();
    ByteBuffer buffer = ByteBuffer.allocate(8 * 1024);
    int n = m.getNumElements();
    for (int i = 0; i < n; i++) {
      if (!buffer.hasRemaining()) {
        buffer.flip();
        digest.update(buffer);
        buffer.clear();
      }
      buffer.putDouble(m.data[i]);
    }
    buffer.flip();
    digest.update(buffer);
    return Sha256.hex(digest);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
