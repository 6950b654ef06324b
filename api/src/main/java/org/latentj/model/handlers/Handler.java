package org.latentj.model.handlers;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * An effect handler (Pyro's {@code Messenger}): while it is entered, every {@code sample} and
 * {@code observe} call of a program on this thread passes through it as a {@link Message}.
 * Handlers are scoped like {@code GradMode}: {@link #enter()} pushes this handler on the
 * thread's stack and {@link #close()} pops it, so they are meant for try-with-resources, and the
 * last one entered is the innermost.
 *
 * <p>For each site the stack calls {@link #process} on every handler from the innermost outward
 * (until one {@link Message#stop() stops} the message), then draws the value if no handler gave
 * one, then calls {@link #postprocess} from the outermost handler that saw the message inward.
 * A handler that changes a site does so in {@code process}; one that records or inspects
 * finished sites does so in {@code postprocess}.
 *
 * <p>A handler of one's own is a small class. This one doubles the weight of the site named
 * "x" and leaves every other site alone:
 *
 * <pre>{@code
 * final class DoubleX extends Handler {
 *   @Override
 *   protected void process(Message m) {
 *     if (m.name().equals("x")) {
 *       m.scaleBy(2);
 *     }
 *   }
 * }
 *
 * try (Handler h = new DoubleX().enter()) {
 *   Trace t = Trace.generate(model, batch, rng);   // t.site("x").scale() == 2
 * }
 * }</pre>
 */
public abstract class Handler implements AutoCloseable {

  private Thread owner;

  /** Changes a site on its way out from the program; innermost handler first. */
  protected void process(Message m) {}

  /** Sees the finished site (value set); outermost handler first. */
  protected void postprocess(Message m) {}

  /**
   * The generator this handler supplies for drawing values, or null for none. The stack draws
   * with the innermost handler's generator (see {@link Seed}).
   */
  protected UniformRandomProvider rng() {
    return null;
  }

  /** Pushes this handler on the current thread's stack; returns it for try-with-resources. */
  @SuppressWarnings("unchecked")
  public final <H extends Handler> H enter() {
    if (owner != null) {
      throw new IllegalStateException(this + " is already entered (on thread " + owner.getName()
          + "); a handler is entered once at a time");
    }
    HandlerStack.push(this);
    owner = Thread.currentThread();
    return (H) this;
  }

  /** Pops this handler; it must be the innermost one entered on this thread. */
  @Override
  public final void close() {
    if (owner == null) {
      return;
    }
    if (owner != Thread.currentThread()) {
      throw new IllegalStateException(this + " was entered on thread " + owner.getName()
          + " and cannot be closed on " + Thread.currentThread().getName());
    }
    HandlerStack.pop(this);
    owner = null;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
