package org.latentj.inference.reliability;

import static org.latentj.inference.reliability.BadInput.of;
import static org.latentj.inference.reliability.ShapeCases.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointFormatException;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.inference.checkpoint.SafeTensors;
import org.latentj.inference.checkpoint.TensorFile;
import org.latentj.inference.checkpoint.TrainingPosition;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;

/**
 * Checkpoints that are empty, truncated, damaged, of another model, of a newer format, or not
 * latentj checkpoints at all.
 */
final class CheckpointCases {

  private static final Class<CheckpointFormatException> CFE = CheckpointFormatException.class;
  private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;

  private CheckpointCases() {}

  static List<BadInput> cases() {
    return List.of(
        of("checkpoint: empty file", CFE,
            d -> CheckpointStore.load(write(d, "empty.safetensors", new byte[0])),
            "empty.safetensors", "0 bytes", "empty or truncated file"),
        of("checkpoint: 4-byte file", CFE,
            d -> CheckpointStore.load(write(d, "four.safetensors", new byte[4])),
            "four.safetensors", "4 bytes", "fewer than the 8-byte header length"),
        of("checkpoint: cut inside the header", CFE,
            d -> CheckpointStore.load(cut(saved(d), 40)),
            "run.safetensors", "exceeds the 32 bytes after it", "truncated file?"),
        of("checkpoint: cut inside the data", CFE,
            d -> {
              Path f = saved(d);
              CheckpointStore.load(cut(f, Files.size(f) - 100));
            },
            "run.safetensors", "reach beyond the data section", "truncated file?"),
        of("checkpoint: one data byte flipped (bad checksum)", CFE,
            d -> CheckpointStore.load(flipLastByte(saved(d))),
            "run.safetensors", "checksum mismatch: the file is damaged"),
        of("checkpoint: header byte damaged", CFE,
            d -> {
              Path f = saved(d);
              byte[] b = Files.readAllBytes(f);
              b[8] = 'x';
              CheckpointStore.load(Files.write(f, b));
            },
            "run.safetensors", "header is not valid JSON", "line 1, column 1"),
        of("checkpoint: newer format version", CFE,
            d -> CheckpointStore.load(withMetadata(saved(d), "latentj.format", "2")),
            "run.safetensors", "written by a newer latentj (format 2)", "reads format 1"),
        of("checkpoint: format version 0", CFE,
            d -> CheckpointStore.load(withMetadata(saved(d), "latentj.format", "0")),
            "latentj.format is 0", "formats start at 1"),
        of("checkpoint: format version not a number", CFE,
            d -> CheckpointStore.load(withMetadata(saved(d), "latentj.format", "one")),
            "latentj.format is 'one'", "expected a non-negative integer"),
        of("checkpoint: negative epoch", CFE,
            d -> CheckpointStore.load(withMetadata(saved(d), "latentj.epoch", "-1")),
            "latentj.epoch is '-1'"),
        of("checkpoint: generator state not base64", CFE,
            d -> CheckpointStore.load(withMetadata(saved(d), "latentj.rng", "%%%")),
            "latentj.rng is not base64"),
        of("checkpoint: provenance not JSON", CFE,
            d -> CheckpointStore.load(withMetadata(saved(d), "latentj.provenance", "{seed")),
            "latentj.provenance", "not valid JSON"),
        of("checkpoint: optimizer scalars a JSON list", CFE,
            d -> CheckpointStore.load(withMetadata(saved(d), "latentj.optimizer", "[1]")),
            "latentj.optimizer is not a JSON object"),
        of("checkpoint: checksum key missing", CFE,
            d -> CheckpointStore.load(withMetadata(saved(d), "latentj.sha256", null)),
            "missing metadata key latentj.sha256"),
        of("checkpoint: plain safetensors file, not a latentj checkpoint", CFE,
            d -> {
              Path f = d.resolve("plain.safetensors");
              SafeTensors.write(f, Map.of("w", new DMatrixRMaj(2, 2)), Map.of());
              CheckpointStore.load(f);
            },
            "plain.safetensors", "missing metadata key latentj.format",
            "not a latentj checkpoint"),
        of("checkpoint: an IDX file", CFE,
            d -> CheckpointStore.load(write(d, "images.idx", IdxFiles.images(2, 4, 4))),
            "images.idx", "header length", "not a safetensors file?"),
        of("checkpoint: header length claims 99 MB in a 1 KB file", CFE,
            d -> CheckpointStore.load(write(d, "claims.safetensors",
                SafeTensorsBytes.claiming(99_000_000L, new byte[1024]))),
            "claims.safetensors", "header length 99000000 exceeds the 1024 bytes after it"),
        of("checkpoint: header length 2^63 (negative as signed)", CFE,
            d -> CheckpointStore.load(write(d, "sign.safetensors",
                SafeTensorsBytes.claiming(Long.MIN_VALUE, new byte[16]))),
            "sign.safetensors", "header length 9223372036854775808", "limit"),
        of("checkpoint: tensor outside param/ and optim/", CFE,
            d -> {
              Path f = d.resolve("stray.safetensors");
              TensorFile good = SafeTensors.read(saved(d));
              Map<String, DMatrixRMaj> tensors = new LinkedHashMap<>(good.tensors());
              tensors.put("stray", new DMatrixRMaj(1, 1));
              Map<String, String> meta = new LinkedHashMap<>(good.metadata());
              SafeTensors.write(f, tensors, meta);
              meta.put("latentj.sha256", SafeTensors.read(f).dataSha256());
              SafeTensors.write(f, tensors, meta);
              CheckpointStore.load(f);
            },
            "stray.safetensors", "tensor stray is neither param/<name> nor optim/<name>"),
        of("safetensors: F16 tensor", CFE,
            d -> SafeTensors.read(write(d, "half.safetensors", SafeTensorsBytes.of(
                "{\"w\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", new byte[4]))),
            "half.safetensors", "tensor w", "dtype F16 is not supported"),
        of("safetensors: 3-dimensional tensor", CFE,
            d -> SafeTensors.read(write(d, "cube.safetensors", SafeTensorsBytes.of(
                "{\"w\":{\"dtype\":\"F64\",\"shape\":[1,1,1],\"data_offsets\":[0,8]}}",
                new byte[8]))),
            "tensor w", "has 3 dimensions"),
        of("safetensors: shape that does not match its bytes", CFE,
            d -> SafeTensors.read(write(d, "shape.safetensors", SafeTensorsBytes.of(
                "{\"w\":{\"dtype\":\"F64\",\"shape\":[3,3],\"data_offsets\":[0,16]}}",
                new byte[16]))),
            "tensor w", "needs 72 bytes", "span 16"),
        of("safetensors: huge shape with a tiny data section", CFE,
            d -> SafeTensors.read(write(d, "huge.safetensors", SafeTensorsBytes.of(
                "{\"w\":{\"dtype\":\"F64\",\"shape\":[100000,100000],\"data_offsets\":[0,8]}}",
                new byte[8]))),
            "tensor w", "shape [100000,100000]"),
        of("safetensors: overlapping tensors", CFE,
            d -> SafeTensors.read(write(d, "overlap.safetensors", SafeTensorsBytes.of(
                "{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},"
                    + "\"b\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]}}",
                new byte[16]))),
            "tensors a and b overlap"),
        of("checkpoint of a 12-16-2 VAE checked against a 12-8-2 VAE", IAE,
            d -> CheckpointStore.load(saved(d)).requireCompatible(shapes(
                TinyVae.SETTINGS.toBuilder().hiddenSizes(List.of(8)).build())),
            "checkpoint belongs to another model",
            "model.decoder.network.layer0.weight is 2x8 here but 2x16 in the file"),
        of("checkpoint of a 2-latent VAE checked against a 3-latent VAE", IAE,
            d -> CheckpointStore.load(saved(d)).requireCompatible(shapes(
                TinyVae.SETTINGS.toBuilder().latentSize(3).build())),
            "checkpoint belongs to another model",
            "guide.encoder.network.layer2.weight is 16x6 here but 16x4 in the file"),
        of("checkpoint lacking a parameter the model has", IAE,
            d -> {
              Map<String, DMatrixRMaj> shapes = shapes(TinyVae.SETTINGS);
              shapes.put("model.decoder.head.logVariance", new DMatrixRMaj(1, 12));
              CheckpointStore.load(saved(d)).requireCompatible(shapes);
            },
            "model.decoder.head.logVariance (1x12) is missing from the file"),
        of("checkpoint holding a parameter the model lacks", IAE,
            d -> {
              Map<String, DMatrixRMaj> shapes = shapes(TinyVae.SETTINGS);
              shapes.remove("guide.encoder.network.layer0.bias");
              CheckpointStore.load(saved(d)).requireCompatible(shapes);
            },
            "guide.encoder.network.layer0.bias (1x16) is in the file but not in this model"),
        of("checkpoint: generator state of another algorithm", IAE,
            d -> Checkpoint.builder().rngState(new byte[] {1, 2, 3})
                .position(TrainingPosition.START)
                .provenance(Provenance.builder(1).build())
                .build().restoreRng(Rngs.create(1)),
            "saved generator state (3 bytes) does not fit"));
  }

  /** The parameter shapes of a VAE built from {@code settings}, named as in its checkpoints. */
  private static Map<String, DMatrixRMaj> shapes(VaeSettings settings) {
    Map<String, DMatrixRMaj> shapes = new LinkedHashMap<>();
    for (Map.Entry<String, Parameter> e : TinyVae.svi(settings).parameters().entrySet()) {
      shapes.put(e.getKey(), e.getValue().value());
    }
    return shapes;
  }

  /** A valid checkpoint of the tiny VAE, {@code d/run.safetensors}. */
  static Path saved(Path d) throws IOException {
    VaeSettings s = TinyVae.SETTINGS;
    Path f = d.resolve("run.safetensors");
    CheckpointStore.save(f, TinyVae.checkpoint(TinyVae.svi(s), Rngs.create(7),
        new TrainingPosition(1, 8, 400), s));
    return f;
  }

  private static Path cut(Path f, long length) throws IOException {
    byte[] b = Files.readAllBytes(f);
    return Files.write(f, Arrays.copyOf(b, (int) length));
  }

  private static Path flipLastByte(Path f) throws IOException {
    byte[] b = Files.readAllBytes(f);
    b[b.length - 1] ^= 0x01;
    return Files.write(f, b);
  }

  /** Rewrites {@code f} with one metadata entry changed (or removed, for null); data kept. */
  private static Path withMetadata(Path f, String key, String value) throws IOException {
    TensorFile file = SafeTensors.read(f);
    Map<String, String> meta = new LinkedHashMap<>(file.metadata());
    if (value == null) {
      meta.remove(key);
    } else {
      meta.put(key, value);
    }
    SafeTensors.write(f, file.tensors(), meta);
    return f;
  }
}
