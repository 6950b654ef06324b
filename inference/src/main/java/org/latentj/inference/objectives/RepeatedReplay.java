package org.latentj.inference.objectives;

import org.latentj.model.Trace;
import org.latentj.model.handlers.Handler;
import org.latentj.model.handlers.Message;

/**
 * Replay for a model run on more rows than its guide: each latent site takes the guide's value,
 * each row repeated as often as the model's site has more rows (model-side enumeration expands
 * every guide row into one row per enumerated value). A latent site the guide never sampled is
 * an error, as in {@code Replay}; sites the model enumerates have their value before this runs.
 */
final class RepeatedReplay extends Handler {

  private final Trace guideTrace;

  RepeatedReplay(Trace guideTrace) {
    this.guideTrace = guideTrace;
  }

  @Override
  protected void process(Message m) {
    if (m.isObserved() || m.value() != null) {
      return;
    }
    Trace.Site s = guideTrace.site(m.name());
    if (s == null || s.isObserved()) {
      throw new IllegalStateException("model samples latent site '" + m.name()
          + "' that the guide never samples and that is not enumerated (guide sites: "
          + guideTrace.latentNames() + ")");
    }
    int have = s.value().rows();
    int need = m.rows();
    m.setValue(need == have || need % have != 0 ? s.value() : s.value().repeatRows(need / have));
  }
}
