package org.latentj.model.handlers;

import java.util.function.Predicate;

/**
 * Hides the sites it selects from every handler outside it (Pyro's {@code block}): an outer
 * trace does not record them and outer handlers do not change them. The site still gets a value
 * (handlers inside the block apply, and a draw uses the innermost generator).
 */
public final class Block extends Handler {

  private final Predicate<Message> hidden;

  Block(Predicate<Message> hidden) {
    this.hidden = hidden;
  }

  @Override
  protected void process(Message m) {
    if (hidden.test(m)) {
      m.stop();
    }
  }
}
