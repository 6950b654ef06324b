package org.latentj.model.handlers;

/**
 * Runs a program as a guide: latent sites are drawn (reparameterized where the family has an
 * {@code rsample}, plainly where not; objectives that need the pathwise gradient check
 * {@code Trace.Site.isReparameterized()}), and observing data is an error, since only the model
 * may observe.
 */
public final class Guide extends Handler {

  Guide() {}

  @Override
  protected void process(Message m) {
    if (m.isObserved()) {
      throw new IllegalStateException("guide observes site '" + m.name()
          + "': only the model may observe data");
    }
  }
}
