package org.latentj.model;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.tensor.CounterStream;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.RowStreams;

/**
 * Noise keyed by what is drawn rather than by the order of drawing: every value of a site row
 * comes from a {@link CounterStream} named by
 *
 * <pre>(seed, step, example index, site name, particle)</pre>
 *
 * and the draw's position in that stream. So a minibatch split over any number of machines
 * draws, for each example, the numbers one machine draws for it, and a resumed run draws what
 * the uninterrupted one did without saving any generator state.
 *
 * <p>Pass it wherever a generator is asked for ({@code Svi}, an objective, {@code Trace.guide});
 * the handler stack turns it into one stream per row for each site it draws
 * ({@link #site}), and distributions draw row r from {@code Rngs.row(rng, r)}.
 *
 * <p>Which example a row is: the batch's rows are examples {@code examples[0..n)} repeated
 * {@code k} times each (row {@code i*k + j} is particle j of example i, the layout
 * {@code Batch.repeat} makes). A site with {@code n*k} rows is per-example; a site outside every
 * plate with k rows (or one) is global, keyed by the particle alone. With a single example the
 * two shapes coincide, and a site outside every plate is then taken as per-example (the VAE's
 * case, which uses no plate).
 */
public final class KeyedNoise implements UniformRandomProvider {

  /** The step that keys evaluation draws, apart from every training step. */
  public static final long EVALUATION = -1L;

  private static final int GLOBAL = -1;

  private final long seed;
  private final long step;
  private final int[] examples;
  private final int particleOffset;

  private KeyedNoise(long seed, long step, int[] examples, int particleOffset) {
    this.seed = seed;
    this.step = step;
    this.examples = examples;
    this.particleOffset = particleOffset;
  }

  /**
   * The noise of {@code step} for a batch whose rows are the examples {@code examples} of the
   * data set (Not modified), in order.
   */
  public static KeyedNoise of(long seed, long step, int[] examples) {
    if (examples == null || examples.length == 0) {
      throw new IllegalArgumentException("KeyedNoise: the batch's example indices are "
          + (examples == null ? "missing (give the Batch its indices, Batch.indexed)" : "empty"));
    }
    for (int i = 0; i < examples.length; i++) {
      if (examples[i] < 0) {
        throw new IllegalArgumentException("KeyedNoise: example index " + examples[i]
            + " at position " + i + " is negative");
      }
    }
    return new KeyedNoise(seed, step, examples.clone(), 0);
  }

  /**
   * The same noise with particles numbered from {@code offset}: the draws of particles
   * {@code offset .. offset+k-1}, e.g. one chunk of an evaluation's k samples, which are then
   * the same however the samples are chunked.
   */
  public KeyedNoise particlesFrom(int offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("KeyedNoise.particlesFrom: offset is " + offset);
    }
    return new KeyedNoise(seed, step, examples, offset);
  }

  public long seed() {
    return seed;
  }

  public long step() {
    return step;
  }

  /** The examples the batch's rows are, in order (a copy). */
  public int[] examples() {
    return examples.clone();
  }

  /**
   * One stream per row of site {@code name}, which has {@code rows} rows laid out for
   * {@code particles} particles per example.
   *
   * @param inPlate whether the site is inside a plate (then it is per-example)
   * @throws IllegalArgumentException when {@code rows} fits neither a per-example nor a global
   *     site of this batch
   */
  public RowStreams site(String name, int rows, int particles, boolean inPlate) {
    int n = examples.length;
    boolean perExample = rows == n * particles;
    boolean global = !inPlate && !perExample && (rows == particles || rows == 1);
    if (!perExample && !global) {
      throw new IllegalArgumentException("KeyedNoise: site '" + name + "' has " + rows
          + " rows, but the batch is " + n + " examples x " + particles + " particles: keyed"
          + " noise draws per example (" + n * particles + " rows) or per particle for a site"
          + " outside every plate (" + particles + " rows, or 1)");
    }
    long key = keyOf(name);
    return new SiteStreams(name, key, rows, r -> perExample ? examples[r / particles] : GLOBAL,
        r -> particleOffset + (perExample ? r % particles : r));
  }

  /** A hash of the seed, the site's name and the step's high half (its low half is a counter). */
  private long keyOf(String name) {
    long h = Rngs.nameHash(name);
    return mix(mix(seed) ^ mix(h + (step >>> 32) * 0x9E3779B97F4A7C15L));
  }

  /** SplitMix64's finalizer: a bijection that spreads every input bit over the output. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Refused: a draw must name its site and row; the handler stack does that. */
  @Override
  public long nextLong() {
    throw new IllegalStateException("KeyedNoise: drawn from directly; keyed noise is drawn per"
        + " site and row (sample through a site, whose handler stack asks KeyedNoise.site)");
  }

  @Override
  public String toString() {
    return "KeyedNoise(seed=" + seed + ", step=" + step + ", " + examples.length + " examples"
        + (particleOffset == 0 ? "" : ", particles from " + particleOffset) + ")";
  }

  /** The streams of one site's rows, made on first use. */
  private final class SiteStreams implements RowStreams {

    private final String name;
    private final long key;
    private final CounterStream[] rows;
    private final IntUnaryOperator example;
    private final IntUnaryOperator particle;

    SiteStreams(String name, long key, int rows, IntUnaryOperator example,
        IntUnaryOperator particle) {
      this.name = name;
      this.key = key;
      this.rows = new CounterStream[rows];
      this.example = example;
      this.particle = particle;
    }

    @Override
    public UniformRandomProvider row(int row) {
      CounterStream s = rows[row];
      if (s == null) {
        s = new CounterStream(key, particle.applyAsInt(row), example.applyAsInt(row), (int) step);
        rows[row] = s;
      }
      return s;
    }

    @Override
    public long nextLong() {
      throw new IllegalStateException("KeyedNoise: site '" + name + "' was drawn without naming"
          + " a row; its distribution must draw row r from Rngs.row(rng, r) so that each"
          + " example's noise is its own");
    }

    @Override
    public String toString() {
      return "KeyedNoise.site(" + name + ", " + rows.length + " rows of "
          + Arrays.toString(examples) + ")";
    }
  }
}
