package org.latentj.inference.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Mlp;
import org.latentj.nn.Module;
import org.latentj.tensor.Rngs;
import org.latentj.testing.Matrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointStoreTest {

  @TempDir Path dir;

  /** A two-network model, named as a VAE's would be. */
  static final class TinyVae extends Module {
    TinyVae(int input, int hidden, int latent, UniformRandomProvider rng) {
      register("encoder", new Mlp(new int[] {input, hidden, 2 * latent}, Activation.RELU,
          Initializer.glorotUniform(), rng));
      register("decoder", new Mlp(new int[] {latent, hidden, input}, Activation.RELU,
          Initializer.glorotUniform(), rng));
    }
  }

  /** Settings of a component, as a record: provenance stores it via Jackson. */
  record AdamSettings(double learningRate, double beta1, double beta2, double epsilon) {}

  private static Provenance provenance() {
    return Provenance.builder(42)
        .createdAt(Instant.parse("2025-03-01T10:15:30.123Z"))
        .data("mnist/train.csv", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        .component("encoder", Map.of("sizes", List.of(6, 5, 4), "activation", "relu"))
        .component("optimizer", new AdamSettings(1e-3, 0.9, 0.999, 1e-8))
        .put("objective", "elbo")
        .build();
  }

  /** A checkpoint of a model after some pretend training, with the generator mid-stream. */
  private static Checkpoint sample(TinyVae model, RestorableUniformRandomProvider rng) {
    Checkpoint.Builder b = Checkpoint.builder().parameters(model);
    UniformRandomProvider moments = Rngs.create(5);
    model.parameters().forEach((name, p) -> {
      b.optimizerTensor("adam.m." + name, Matrices.normal(moments, p.rows(), p.cols()));
      b.optimizerTensor("adam.v." + name, Matrices.uniform(moments, p.rows(), p.cols(), 0, 1));
    });
    return b.optimizerScalar("adam.step", 1200L)
        .optimizerScalar("adam.beta1Power", Math.pow(0.9, 1200))
        .rng(rng)
        .position(3, 1200, 76_800)
        .provenance(provenance())
        .build();
  }

  private static void assertSameMatrices(Map<String, DMatrixRMaj> got,
      Map<String, DMatrixRMaj> want) {
    assertThat(got.keySet()).containsExactlyElementsOf(want.keySet());
    want.forEach((name, m) -> {
      DMatrixRMaj g = got.get(name);
      assertThat(g.numRows).as(name).isEqualTo(m.numRows);
      assertThat(g.numCols).as(name).isEqualTo(m.numCols);
      assertThat(Arrays.copyOf(g.data, g.getNumElements())).as(name)
          .containsExactly(Arrays.copyOf(m.data, m.getNumElements()));
    });
  }

  @Test
  void roundTripRestoresEverything() throws IOException {
    RestorableUniformRandomProvider rng = Rngs.create(7);
    TinyVae model = new TinyVae(6, 5, 2, rng);
    Checkpoint saved = sample(model, rng);
    Path file = dir.resolve("ckpt.safetensors");

    CheckpointStore.save(file, saved);
    Checkpoint loaded = CheckpointStore.load(file);

    assertThat(loaded.parameters()).containsKeys("encoder.layer0.weight", "decoder.layer2.bias");
    assertSameMatrices(loaded.parameters(), saved.parameters());
    assertSameMatrices(loaded.optimizerTensors(), saved.optimizerTensors());
    assertThat(loaded.optimizerScalars()).isEqualTo(saved.optimizerScalars());
    assertThat(((Number) loaded.optimizerScalars().get("adam.step")).longValue())
        .isEqualTo(1200);
    assertThat(loaded.optimizerScalars().get("adam.beta1Power"))
        .isEqualTo(Math.pow(0.9, 1200));
    assertThat(loaded.rngState()).isEqualTo(saved.rngState());
    assertThat(loaded.position()).isEqualTo(new TrainingPosition(3, 1200, 76_800));
    assertThat(loaded.provenance()).isEqualTo(saved.provenance());
    Provenance p = loaded.provenance();
    assertThat(p.seed()).isEqualTo(42);
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2025-03-01T10:15:30.123Z"));
    assertThat(p.latentjVersion()).isEqualTo(Provenance.LIBRARY_VERSION).isNotEqualTo("unknown");
    assertThat(p.dataSource()).contains("mnist/train.csv");
    assertThat(p.components()).containsOnlyKeys("encoder", "optimizer");
    assertThat(p.components().get("optimizer")).isEqualTo(Map.of("learningRate", 1e-3,
        "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8));
    assertThat(p.asMap()).containsEntry("objective", "elbo");
  }

  @Test
  void restoredGeneratorContinuesTheIdenticalStream() throws IOException {
    RestorableUniformRandomProvider rng = Rngs.create(7);
    TinyVae model = new TinyVae(6, 5, 2, rng);
    for (int i = 0; i < 37; i++) {
      rng.nextLong();
    }
    Checkpoint saved = sample(model, rng);
    long[] expected = new long[1000];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = rng.nextLong();
    }
    Path file = dir.resolve("rng.safetensors");
    CheckpointStore.save(file, saved);

    RestorableUniformRandomProvider resumed = Rngs.create(123_456);
    CheckpointStore.load(file).restoreRng(resumed);

    long[] actual = new long[expected.length];
    for (int i = 0; i < actual.length; i++) {
      actual[i] = resumed.nextLong();
    }
    assertThat(actual).containsExactly(expected);
  }

  @Test
  void f32CheckpointKeepsParametersToFloatPrecisionAndStateExactly() throws IOException {
    RestorableUniformRandomProvider rng = Rngs.create(8);
    Checkpoint saved = sample(new TinyVae(6, 5, 2, rng), rng);
    Path file = dir.resolve("f32.safetensors");

    CheckpointStore.save(file, saved, DType.F32);
    Checkpoint loaded = CheckpointStore.load(file);

    saved.parameters().forEach((name, m) -> {
      DMatrixRMaj g = loaded.parameters().get(name);
      for (int i = 0; i < m.getNumElements(); i++) {
        assertThat(g.data[i]).as(name).isCloseTo(m.data[i],
            within(Math.abs(m.data[i]) * 0x1p-24 + Float.MIN_VALUE));
      }
    });
    assertThat(loaded.rngState()).isEqualTo(saved.rngState());
    assertThat(loaded.position()).isEqualTo(saved.position());
  }

  @Test
  void checkpointIsASnapshot() {
    RestorableUniformRandomProvider rng = Rngs.create(9);
    TinyVae model = new TinyVae(6, 5, 2, rng);
    Checkpoint saved = sample(model, rng);
    double before = saved.parameters().get("encoder.layer0.weight").get(0, 0);

    model.parameters().get("encoder.layer0.weight").value().set(0, 0, before + 1);

    assertThat(saved.parameters().get("encoder.layer0.weight").get(0, 0)).isEqualTo(before);
  }

  @Test
  void flippingOneDataByteIsCaughtByTheChecksum() throws IOException {
    RestorableUniformRandomProvider rng = Rngs.create(10);
    Path file = dir.resolve("damaged.safetensors");
    CheckpointStore.save(file, sample(new TinyVae(6, 5, 2, rng), rng));
    byte[] bytes = Files.readAllBytes(file);
    long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    int middleOfData = (int) (8 + headerLength + (bytes.length - 8 - headerLength) / 2);
    bytes[middleOfData] ^= 0x01;
    Files.write(file, bytes);

    assertThatThrownBy(() -> CheckpointStore.load(file))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessageStartingWith(file + ": checksum mismatch: the file is damaged");
  }

  /** Saves a checkpoint, then rewrites its metadata (F64 keeps the data section identical). */
  private Path withMetadata(Consumer<Map<String, String>> edit) throws IOException {
    RestorableUniformRandomProvider rng = Rngs.create(12);
    Path file = dir.resolve("edited.safetensors");
    CheckpointStore.save(file, sample(new TinyVae(3, 2, 1, rng), rng));
    TensorFile contents = SafeTensors.read(file);
    Map<String, String> metadata = new LinkedHashMap<>(contents.metadata());
    edit.accept(metadata);
    SafeTensors.write(file, contents.tensors(), metadata);
    return file;
  }

  @Test
  void unchangedMetadataStillLoads() throws IOException {
    Path file = withMetadata(m -> m.put("user.note", "added by a tool"));

    assertThat(CheckpointStore.load(file).position().step()).isEqualTo(1200);
  }

  @Test
  void newerFormatIsRefusedWithTheVersions() throws IOException {
    Path file = withMetadata(m -> m.put("latentj.format", "2"));

    assertThatThrownBy(() -> CheckpointStore.load(file))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessage(file + ": written by a newer latentj (format 2); this version reads format 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"latentj.format", "latentj.epoch", "latentj.step", "latentj.examples",
      "latentj.rng", "latentj.provenance", "latentj.optimizer", "latentj.sha256"})
  void missingMetadataKeyIsNamed(String key) throws IOException {
    Path file = withMetadata(m -> m.remove(key));

    assertThatThrownBy(() -> CheckpointStore.load(file))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessage(file + ": missing metadata key " + key
            + " (not a latentj checkpoint, or a damaged one)");
  }

  @Test
  void badMetadataValuesAreNamed() throws IOException {
    assertLoadFails(withMetadata(m -> m.put("latentj.format", "0")),
        "latentj.format is 0; formats start at 1");
    assertLoadFails(withMetadata(m -> m.put("latentj.format", "one")),
        "latentj.format is 'one', expected a non-negative integer");
    assertLoadFails(withMetadata(m -> m.put("latentj.step", "-1")),
        "latentj.step is '-1', expected a non-negative integer");
    assertLoadFails(withMetadata(m -> m.put("latentj.rng", "not base64!")),
        "latentj.rng is not base64");
    assertLoadFails(withMetadata(m -> m.put("latentj.provenance", "{\"seed\": 1}")),
        "latentj.provenance: Provenance: createdAt is null, expected an ISO-8601 instant");
    assertLoadFails(withMetadata(m -> m.put("latentj.provenance", "{\"seed\": ")),
        "latentj.provenance: Provenance: not valid JSON");
    assertLoadFails(withMetadata(m -> m.put("latentj.optimizer", "[1, 2]")),
        "latentj.optimizer is not a JSON object");
    assertLoadFails(withMetadata(m -> m.put("latentj.sha256", "00")),
        "checksum mismatch: the file is damaged");
  }

  private static void assertLoadFails(Path file, String message) {
    assertThatThrownBy(() -> CheckpointStore.load(file))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining(message);
  }

  @Test
  void foreignTensorNamesAreRefused() throws IOException {
    Map<String, DMatrixRMaj> tensors = Map.of("model.weight", new DMatrixRMaj(2, 2));
    Path file = dir.resolve("torch.safetensors");
    SafeTensorsWriter writer = SafeTensorsWriter.of(tensors, DType.F64);
    Map<String, String> metadata = new LinkedHashMap<>(Map.of("latentj.format", "1",
        "latentj.sha256", writer.dataSha256()));
    AtomicFiles.write(file, channel -> writer.writeTo(channel, metadata));

    assertLoadFails(file, "tensor model.weight is neither param/<name> nor optim/<name>");
  }

  @Test
  void truncatedOrCorruptedCheckpointsNeverFailUnchecked() throws IOException {
    RestorableUniformRandomProvider rng = Rngs.create(13);
    Path whole = dir.resolve("whole.safetensors");
    CheckpointStore.save(whole, sample(new TinyVae(3, 2, 1, rng), rng));
    byte[] bytes = Files.readAllBytes(whole);
    int headerEnd = 8 + (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN)
        .getLong();
    Path broken = dir.resolve("broken.safetensors");

    // Cuts in the header length, every 7th byte of header and data, and around the boundary.
    IntStream cuts = IntStream.concat(IntStream.range(0, 16),
        IntStream.concat(IntStream.range(16, bytes.length).filter(i -> i % 7 == 0),
            IntStream.of(headerEnd - 1, headerEnd, headerEnd + 1, bytes.length - 1)));
    for (int length : cuts.toArray()) {
      Files.write(broken, Arrays.copyOf(bytes, length));
      assertThatThrownBy(() -> CheckpointStore.load(broken)).as("cut at %d", length)
          .isInstanceOf(CheckpointFormatException.class);
    }

    // Random damage, mostly to the header where parsing is exercised: loading either succeeds
    // (e.g. a digit of the epoch changed) or fails with a CheckpointFormatException.
    UniformRandomProvider damage = Rngs.create(14);
    int failures = 0;
    for (int trial = 0; trial < 500; trial++) {
      byte[] copy = bytes.clone();
      int flips = 1 + damage.nextInt(3);
      for (int f = 0; f < flips; f++) {
        int at = damage.nextInt(10) < 8 ? damage.nextInt(headerEnd) : damage.nextInt(copy.length);
        copy[at] = (byte) damage.nextInt(256);
      }
      Files.write(broken, copy);
      try {
        CheckpointStore.load(broken);
      } catch (CheckpointFormatException e) {
        assertThat(e.getMessage()).startsWith(broken + ": ");
        failures++;
      } catch (Throwable t) {
        fail("trial " + trial + " failed with " + t, t);
      }
    }
    assertThat(failures).isGreaterThan(250);
  }

  @Test
  void requireCompatibleNamesEveryMismatch() {
    RestorableUniformRandomProvider rng = Rngs.create(15);
    Checkpoint saved = sample(new TinyVae(784, 200, 2, rng), rng);
    Map<String, DMatrixRMaj> here = new LinkedHashMap<>();
    saved.parameters().forEach((name, m) -> here.put(name, new DMatrixRMaj(m.numRows,
        m.numCols)));

    saved.requireCompatible(here);

    here.put("encoder.layer0.weight", new DMatrixRMaj(784, 400));
    assertThatThrownBy(() -> saved.requireCompatible(here))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("checkpoint belongs to another model: encoder.layer0.weight is 784x400 here "
            + "but 784x200 in the file");

    here.remove("decoder.layer2.bias");
    here.put("prior.scale", new DMatrixRMaj(1, 2));
    assertThatThrownBy(() -> saved.requireCompatible(here))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encoder.layer0.weight is 784x400 here but 784x200 in the file")
        .hasMessageContaining("prior.scale (1x2) is missing from the file")
        .hasMessageContaining("decoder.layer2.bias (1x784) is in the file but not in this model");
  }

  @Test
  void copyParametersIntoRestoresAModel() throws IOException {
    RestorableUniformRandomProvider rng = Rngs.create(16);
    TinyVae trained = new TinyVae(6, 5, 2, rng);
    Path file = dir.resolve("model.safetensors");
    CheckpointStore.save(file, sample(trained, rng));
    TinyVae fresh = new TinyVae(6, 5, 2, Rngs.create(99));

    CheckpointStore.load(file).copyParametersInto(fresh);

    trained.parameters().forEach((name, p) -> assertThat(fresh.parameters().get(name).value()
        .data).as(name).containsExactly(p.value().data));
    TinyVae other = new TinyVae(6, 4, 2, rng);
    assertThatThrownBy(() -> CheckpointStore.load(file).copyParametersInto(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("checkpoint belongs to another model: encoder.layer0.weight is "
            + "6x4 here but 6x5 in the file");
  }

  @Test
  void builderRejectsIncompleteCheckpoints() {
    assertThatThrownBy(() -> Checkpoint.builder().position(0, 0, 0).provenance(provenance())
        .build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rngState false");
    assertThatThrownBy(() -> Checkpoint.builder().parameter("w", new DMatrixRMaj(1, 1))
        .parameter("w", new DMatrixRMaj(1, 1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Checkpoint: parameter w is given twice");
    assertThatThrownBy(() -> new TrainingPosition(0, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void restoringIntoAnotherAlgorithmIsExplained() {
    Checkpoint saved = Checkpoint.builder().rngState(new byte[] {1, 2, 3})
        .position(TrainingPosition.START).provenance(provenance()).build();

    assertThatThrownBy(() -> saved.restoreRng(Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit");
  }
}
