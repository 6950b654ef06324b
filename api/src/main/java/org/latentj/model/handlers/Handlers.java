package org.latentj.model.handlers;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.model.Trace;
import org.latentj.model.TraceRecorder;
import org.latentj.tensor.Tensor;

/**
 * The built-in handlers, each returned already entered, for try-with-resources:
 *
 * <pre>{@code
 * try (Handler s = Handlers.scale(0.5); Handler m = Handlers.mask(observedRows)) {
 *   Trace t = Trace.record(model, batch);
 * }
 * }</pre>
 *
 * The last one entered is the innermost and processes each site first (as in Pyro, where
 * {@code scale(mask(model))} puts mask inside scale).
 */
public final class Handlers {

  private Handlers() {}

  /** Records the sites that reach it; read them with {@link TraceRecorder#trace()}. */
  public static TraceRecorder trace() {
    return new TraceRecorder().enter();
  }

  /** Runs the program as a guide: observing is an error. */
  public static Guide guide() {
    return new Guide().enter();
  }

  /** Latent sites take the values {@code trace} holds at the same names. */
  public static Replay replay(Trace trace) {
    return new Replay(trace).enter();
  }

  /** Ancestral sampling: observed sites with no data are drawn. */
  public static Generate generate() {
    return new Generate().enter();
  }

  /** Draws inside the scope use {@code rng}. */
  public static Seed seed(UniformRandomProvider rng) {
    return new Seed(rng).enter();
  }

  /** Site {@code name} becomes observed with value {@code data}. */
  public static Condition condition(String name, Tensor data) {
    return condition(Map.of(name, data));
  }

  /** Each named site becomes observed with the given value. */
  public static Condition condition(Map<String, Tensor> data) {
    return new Condition(data).enter();
  }

  /** Latent site {@code name} takes {@code value}. */
  public static Substitute substitute(String name, Tensor value) {
    return substitute(Map.of(name, value));
  }

  /** Each named latent site takes the given value. */
  public static Substitute substitute(Map<String, Tensor> values) {
    return new Substitute(values).enter();
  }

  /** Hides the named sites from outer handlers. */
  public static Block block(String... names) {
    Set<String> hidden = Set.of(names);
    return block(m -> hidden.contains(m.name()));
  }

  /** Hides the sites {@code hidden} selects from outer handlers. */
  public static Block block(Predicate<Message> hidden) {
    return new Block(hidden).enter();
  }

  /** Multiplies every site's log-probability term by {@code c}. */
  public static Scale scale(double c) {
    return scale(c, m -> true);
  }

  /** Multiplies the log-probability terms of the sites {@code selected} picks by {@code c}. */
  public static Scale scale(double c, Predicate<Message> selected) {
    return new Scale(c, selected).enter();
  }

  /** Zeroes the rows of every site's term where {@code mask} ({@code n x 1}, 0/1) is 0. */
  public static Mask mask(Tensor mask) {
    return new Mask(mask).enter();
  }

  /** Keeps the rows where {@code keep[i]} is true. */
  public static Mask mask(boolean[] keep) {
    double[] column = new double[keep.length];
    for (int i = 0; i < keep.length; i++) {
      column[i] = keep[i] ? 1 : 0;
    }
    return mask(Tensor.column(column));
  }

  /** A plate of {@code size} rows, all seen by this run. */
  public static Plate plate(String name, int size) {
    return plate(name, size, size);
  }

  /** A plate of {@code size} rows of which this run sees {@code subsampleSize}. */
  public static Plate plate(String name, int size, int subsampleSize) {
    return new Plate(new PlateFrame(name, size, subsampleSize)).enter();
  }

  /** Each example's rows are repeated {@code k} times, once per particle. */
  public static Particles particles(int k) {
    return new Particles(k).enter();
  }
}
