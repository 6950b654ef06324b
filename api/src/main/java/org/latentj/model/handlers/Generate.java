package org.latentj.model.handlers;

/**
 * Ancestral sampling: latent sites take a plain draw (no gradient graph for the noise), and an
 * observed site given no data is drawn from its distribution instead of being an error.
 */
public final class Generate extends Handler {

  Generate() {}

  @Override
  protected void process(Message m) {
    if (m.isObserved()) {
      m.setDrawIfMissing(true);
    } else {
      m.setReparameterize(false);
    }
  }
}
