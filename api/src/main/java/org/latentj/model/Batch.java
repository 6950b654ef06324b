package org.latentj.model;

import java.util.Arrays;
import org.latentj.tensor.Tensor;

/**
 * What a program is run on: a minibatch of observed data (rows = examples) and, for conditional
 * models, a conditioning input with one row per example (e.g. one-hot labels). Either may be
 * absent: generation has no data, unconditional models no condition.
 */
public final class Batch {

  private final int size;
  private final int particles;
  private final Tensor data;
  private final Tensor condition;
  private final int[] indices;

  private Batch(int size, Tensor data, Tensor condition) {
    this(size, 1, data, condition, null);
  }

  private Batch(int size, int particles, Tensor data, Tensor condition, int[] indices) {
    if (size < 1) {
      throw new IllegalArgumentException("Batch: size must be positive, got " + size);
    }
    if (data != null && data.rows() != size) {
      throw new IllegalArgumentException("Batch: data is " + data.shape() + " but the batch has "
          + size + " rows");
    }
    if (condition != null && condition.rows() != size) {
      throw new IllegalArgumentException("Batch: condition is " + condition.shape()
          + " but the batch has " + size + " rows");
    }
    this.size = size;
    this.particles = particles;
    this.data = data;
    this.condition = condition;
    this.indices = indices;
  }

  /** Observed data, no condition. */
  public static Batch of(Tensor data) {
    return new Batch(data.rows(), data, null);
  }

  /** Observed data with a conditioning input of the same number of rows. */
  public static Batch of(Tensor data, Tensor condition) {
    return new Batch(data.rows(), data, condition);
  }

  /** No data: {@code size} rows to generate, optionally conditioned. */
  public static Batch generate(int size, Tensor condition) {
    return new Batch(size, null, condition);
  }

  /** The number of rows. */
  public int size() {
    return size;
  }

  /**
   * The number of distinct examples: {@link #size()} divided by the particles each is repeated
   * for ({@link #repeat}). The subsample size of a plate over the examples.
   */
  public int examples() {
    return size / particles;
  }

  /** How many times each example is repeated (1 unless {@link #repeat} made this batch). */
  public int particles() {
    return particles;
  }

  /**
   * A per-particle tensor ({@link #particles()} rows, e.g. a global site drawn once per
   * particle) laid out like this batch's rows: row {@code i*k + j} of the result is row j, the
   * particle of example i that row holds. Differentiable.
   */
  public Tensor particleRows(Tensor perParticle) {
    if (perParticle.rows() != particles) {
      throw new IllegalArgumentException("Batch.particleRows: expected " + particles + " rows"
          + " (one per particle), got " + perParticle.shape());
    }
    if (particles == size) {
      return perParticle;
    }
    // Tiling rows is tiling the transpose's columns: examples() copies side by side.
    Tensor columns = perParticle.transpose();
    Tensor[] copies = new Tensor[examples()];
    Arrays.fill(copies, columns);
    return Tensor.concatColumns(copies).transpose();
  }

  /** The observed data. */
  public Tensor data() {
    if (data == null) {
      throw new IllegalStateException("Batch: this batch has no data (it is for generation)");
    }
    return data;
  }

  public boolean hasData() {
    return data != null;
  }

  /** The conditioning input. */
  public Tensor condition() {
    if (condition == null) {
      throw new IllegalStateException("Batch: this batch has no conditioning input; pass one with"
          + " Batch.of(data, condition)");
    }
    return condition;
  }

  public boolean hasCondition() {
    return condition != null;
  }

  /**
   * Each row repeated {@code k} times in place (row i becomes rows {@code i*k .. i*k+k-1}): the
   * layout objectives use for k particles per example.
   */
  public Batch repeat(int k) {
    if (k == 1) {
      return this;
    }
    return new Batch(size * k, particles * k, data == null ? null : data.repeatRows(k),
        condition == null ? null : condition.repeatRows(k), indices);
  }

  /**
   * The same batch, told which examples of the data set its rows are (Pyro's subsample
   * indices): {@code indices[i]} is example i's position in the data set. Keyed noise
   * ({@link KeyedNoise}) draws each example's numbers from them.
   *
   * @param indices one non-negative index per example (Not modified)
   */
  public Batch indexed(int[] indices) {
    if (indices == null || indices.length != examples()) {
      throw new IllegalArgumentException("Batch.indexed: expected " + examples()
          + " indices (one per example), got " + (indices == null ? "null" : indices.length));
    }
    return new Batch(size, particles, data, condition, indices.clone());
  }

  /** Which examples of the data set the rows are (a copy), or null when not {@link #indexed}. */
  public int[] indices() {
    return indices == null ? null : indices.clone();
  }

  /** Whether {@link #indexed} gave the batch its examples' indices. */
  public boolean isIndexed() {
    return indices != null;
  }
}
