package org.latentj.model.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.model.Distribution;
import org.latentj.model.KeyedNoise;
import org.latentj.tensor.Tensor;

/**
 * The handlers entered on each thread, outermost first, and the one routine every site call goes
 * through: process (innermost first), draw a value if none was given, check the shapes, then
 * postprocess (outermost first). Each thread has its own stack, so programs run on different
 * threads never see each other's handlers.
 */
public final class HandlerStack {

  private static final ThreadLocal<List<Handler>> STACK = ThreadLocal.withInitial(ArrayList::new);

  private HandlerStack() {}

  static void push(Handler h) {
    STACK.get().add(h);
  }

  static void pop(Handler h) {
    List<Handler> stack = STACK.get();
    if (stack.isEmpty() || stack.get(stack.size() - 1) != h) {
      throw new IllegalStateException("handler " + h + " closed out of order: the innermost"
          + " handler is " + (stack.isEmpty() ? "none" : stack.get(stack.size() - 1))
          + " (close handlers in the reverse order of entering them, e.g. with"
          + " try-with-resources)");
    }
    stack.remove(stack.size() - 1);
  }

  /** Whether any handler is entered on this thread, i.e. whether a program can run here. */
  public static boolean isActive() {
    return !STACK.get().isEmpty();
  }

  /** The number of handlers entered on this thread. */
  public static int depth() {
    return STACK.get().size();
  }

  /**
   * Sends one site through this thread's handlers and returns the finished message.
   *
   * @param value the data of an observed site (may be null when a handler draws it), or null
   *     for a latent site
   * @throws IllegalStateException when no handler is entered: programs run only inside a run
   */
  public static Message send(String name, Distribution dist, Tensor value, boolean observed,
      Map<String, ?> options) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("site name is empty");
    }
    if (dist == null || options == null) {
      throw new IllegalArgumentException("site '" + name + "': the "
          + (dist == null ? "distribution" : "options map") + " is null");
    }
    List<Handler> stack = STACK.get();
    if (stack.isEmpty()) {
      throw new IllegalStateException("site '" + name + "' is used outside a run: no handler is"
          + " active on this thread (run programs through an objective, Svi, or Trace.record,"
          + " Trace.guide, Trace.replay or Trace.generate)");
    }
    Message m = new Message(name, dist, value, observed, options);
    int reached = stack.size() - 1;
    for (int i = stack.size() - 1; i >= 0; i--) {
      reached = i;
      stack.get(i).process(m);
      if (m.isStopped()) {
        break;
      }
    }
    if (m.value() == null) {
      draw(m, stack);
    }
    check(m);
    for (int i = reached; i < stack.size(); i++) {
      stack.get(i).postprocess(m);
    }
    return m;
  }

  /** Draws the value with the innermost generator: rsample where asked for and available. */
  private static void draw(Message m, List<Handler> stack) {
    if (m.isObserved() && !m.drawIfMissing()) {
      throw new IllegalArgumentException("observed site '" + m.name() + "' has no data");
    }
    UniformRandomProvider rng = null;
    for (int i = stack.size() - 1; i >= 0 && rng == null; i--) {
      rng = stack.get(i).rng();
    }
    if (rng == null) {
      throw new IllegalStateException("site '" + m.name() + "' has no value and no handler"
          + " supplies a generator to draw one (enter a Seed, e.g. through Trace.guide or"
          + " Trace.generate)");
    }
    if (rng instanceof KeyedNoise keyed) {
      rng = keyed.site(m.name(), m.rows(), m.particles(), !m.plates().isEmpty());
    }
    Distribution d = m.distribution();
    boolean pathwise = !m.isObserved() && m.reparameterize() && d.hasRsample();
    m.setValue(pathwise ? d.rsample(rng) : d.sample(rng));
    m.markDrawn();
  }

  /** The value, mask and plates must agree with the distribution's rows. */
  private static void check(Message m) {
    Distribution d = m.distribution();
    Tensor v = m.value();
    if (v.rows() != d.batchSize() || v.cols() != d.eventSize()) {
      throw new IllegalStateException("site '" + m.name() + "': value is " + v.shape()
          + " but its distribution is " + d.batchSize() + "x" + d.eventSize());
    }
    Tensor mask = m.mask();
    if (mask != null && (mask.rows() != d.batchSize() || mask.cols() != 1)) {
      throw new IllegalArgumentException("site '" + m.name() + "': mask is " + mask.shape()
          + " but the site has " + d.batchSize() + " rows (a mask is one 0/1 per row)");
    }
    for (PlateFrame f : m.plates()) {
      int expected = f.subsampleSize() * m.particles();
      if (d.batchSize() != expected) {
        throw new IllegalArgumentException("site '" + m.name() + "' in plate '" + f.name()
            + "' has " + d.batchSize() + " rows but the plate holds " + f.subsampleSize()
            + (f.isSubsampled() ? " (a subsample of " + f.size() + ")" : "")
            + (m.particles() > 1 ? " x " + m.particles() + " particles" : "")
            + ": the plate size disagrees with the data");
      }
    }
  }
}
