package org.latentj.inference.objectives;

import java.util.Set;
import org.latentj.model.handlers.Handler;
import org.latentj.model.handlers.Message;

/**
 * Marks sites for parallel enumeration without editing their {@code sample} calls (Pyro's
 * {@code config_enumerate}): the named latent sites, or with no names every latent site whose
 * family {@link org.latentj.model.Distribution#hasEnumerateSupport() can be enumerated}. Enter it
 * inside the program, around the sites, so that it processes them before the objective's
 * enumeration does: {@code try (Handler h = TraceEnumElbo.mark("c")) { ... }}.
 */
final class EnumerateSites extends Handler {

  private final Set<String> names;

  EnumerateSites(Set<String> names) {
    this.names = Set.copyOf(names);
  }

  @Override
  protected void process(Message m) {
    if (m.isObserved() || m.options().containsKey(Enumerate.OPTION)) {
      return;
    }
    if (names.isEmpty() ? m.distribution().hasEnumerateSupport() : names.contains(m.name())) {
      m.options().put(Enumerate.OPTION, Enumerate.PARALLEL);
    }
  }
}
