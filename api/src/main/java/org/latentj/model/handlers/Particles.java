package org.latentj.model.handlers;

/**
 * Says that each example's rows are repeated {@code k} times, once per particle (the layout
 * {@code Batch.repeat(k)} makes), so plates check {@code subsampleSize x k} rows. Objectives
 * enter it around the guide and the model; a program never needs to.
 */
public final class Particles extends Handler {

  private final int k;

  Particles(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("particles: k must be at least 1, got " + k);
    }
    this.k = k;
  }

  @Override
  protected void process(Message m) {
    m.setParticles(k);
  }
}
