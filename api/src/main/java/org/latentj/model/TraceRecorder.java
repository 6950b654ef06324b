package org.latentj.model;

import org.latentj.model.handlers.Handler;
import org.latentj.model.handlers.Message;

/**
 * Records every site that reaches it into a {@link Trace} (Pyro's {@code trace}). It records in
 * {@link #postprocess}, after every handler has processed the site, so the trace holds the final
 * value, scale, mask and plates; sites a {@code Block} inside it hides are not recorded.
 */
public final class TraceRecorder extends Handler {

  private final Trace trace = new Trace();

  /** A recorder not yet entered; {@code Handlers.trace()} gives an entered one. */
  public TraceRecorder() {}

  @Override
  protected void postprocess(Message m) {
    trace.add(m);
  }

  /** The sites recorded so far. */
  public Trace trace() {
    return trace;
  }
}
