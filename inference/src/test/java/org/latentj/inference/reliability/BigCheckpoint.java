package org.latentj.inference.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.tensor.Rngs;

/**
 * A checkpoint of realistic size whose every value is a function of its step, so a loaded one
 * can be checked against the step it claims: half the bytes are a parameter {@code w}, half an
 * optimizer buffer {@code m/w}, each {@code rows x 1024} doubles.
 */
final class BigCheckpoint {

  static final int COLUMNS = 1024;

  private BigCheckpoint() {}

  /** About {@code megabytes} MB of tensors for step {@code step}. */
  static Checkpoint of(long step, int megabytes) {
    int rows = megabytes * (1 << 20) / Double.BYTES / 2 / COLUMNS;
    DMatrixRMaj w = new DMatrixRMaj(rows, COLUMNS);
    DMatrixRMaj m = new DMatrixRMaj(rows, COLUMNS);
    for (int i = 0; i < w.data.length; i++) {
      w.data[i] = step + i * 1e-6;
      m.data[i] = -step - i * 1e-6;
    }
    return Checkpoint.builder().parameter("w", w).optimizerTensor("m/w", m)
        .optimizerScalar("steps", step)
        .rng(Rngs.create(step))
        .position(step / 100, step, step * 64)
        .provenance(Provenance.builder(7).createdAt(Instant.parse("2025-01-01T00:00:00Z"))
            .build())
        .build();
  }

  /** Fails unless {@code c} holds exactly what {@link #of} makes for the step it records. */
  static void check(Checkpoint c) {
    long step = c.position().step();
    DMatrixRMaj w = c.parameters().get("w");
    DMatrixRMaj m = c.optimizerTensors().get("m/w");
    assertThat(w.numCols).isEqualTo(COLUMNS);
    int last = w.data.length - 1;
    assertThat(new double[] {w.data[0], w.data[last], m.data[0], m.data[last]}).as("step %d", step)
        .containsExactly(step, step + last * 1e-6, -step, -step - last * 1e-6);
    assertThat(((Number) c.optimizerScalars().get("steps")).longValue()).isEqualTo(step);
  }
}
