package org.latentj.model.handlers;

import org.latentj.model.Trace;

/**
 * Gives each latent site the value the replayed trace holds at the same name (Pyro's
 * {@code replay}): how a model is scored at the guide's samples. Replay is strict: a latent site
 * the replayed trace lacks is an error naming the trace's latent sites (to leave a site free,
 * {@link Block} it or give it a value with {@link Substitute}).
 */
public final class Replay extends Handler {

  private final Trace replayed;

  Replay(Trace replayed) {
    this.replayed = replayed;
  }

  @Override
  protected void process(Message m) {
    if (m.isObserved() || m.value() != null) {
      return;
    }
    Trace.Site s = replayed.site(m.name());
    if (s == null || s.isObserved()) {
      throw new IllegalStateException("model samples latent site '" + m.name()
          + "' that the guide never samples (guide sites: " + replayed.latentNames() + ")");
    }
    m.setValue(s.value());
  }
}
